//! Every secret the process has seen, searched for with one multi-pattern automaton whose cost
//! does not grow with their number.
//!
//! The automaton holds each secret's last [`ANCHOR`] bytes, not the whole secret (a watch's
//! id_tokens are a kilobyte each: a hundred thousand of them whole would be a gigabyte of
//! automaton). Where an anchor is found, the window it ends is checked against the secret's
//! keyed polynomial hash — in constant time, from the view's prefix hashes — so neither a long
//! secret nor a text full of anchors costs more than a pass. A hash collision could only make
//! more text redacted, never less.
//!
//! Secrets are added to a small automaton rebuilt on each change; when it has grown to an eighth
//! of the large one, both are rebuilt as one: adding stays cheap however many there are, and a
//! text is searched twice at most. Automata are built from copies, outside the registry's lock.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Long enough that two secrets rarely share one; short enough to keep the automaton small.
const ANCHOR: usize = 12;
/// Below this many searched forms the small automaton is simply rebuilt each time.
const MIN_MERGE: usize = 1024;
/// 2^61 − 1: products fit in 128 bits and the hash has no small-modulus weaknesses.
const MODULUS: u64 = (1 << 61) - 1;

/// One form of one secret, as the automaton and the check know it.
#[derive(Clone)]
struct Form {
    anchor: Box<[u8]>,
    /// Where the anchor starts within the form.
    anchor_at: usize,
    len: usize,
    hash: u64,
    /// `base ^ len`, to take a window's hash out of two prefix hashes.
    power: u64,
    secret: u32,
    /// Searched for in text views only (a secret too short to search for in decoded bytes).
    text_only: bool,
}

/// An automaton over the anchors of `forms`; each pattern names the forms it ends.
struct Tier {
    forms: Vec<Form>,
    by_pattern: Vec<Vec<usize>>,
    /// Why it could not be built, if it could not.
    automaton: Result<AhoCorasick, String>,
}

impl Tier {
    fn build(forms: Vec<Form>) -> Self {
        let mut index: HashMap<&[u8], usize> = HashMap::new();
        let mut patterns: Vec<&[u8]> = Vec::new();
        let mut by_pattern: Vec<Vec<usize>> = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            let p = *index.entry(&form.anchor).or_insert_with(|| {
                patterns.push(&form.anchor);
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[p].push(i);
        }
        // A contiguous NFA: a DFA of this many patterns would be hundreds of MiB. Standard match
        // semantics, so overlapping anchors are all reported.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| e.to_string());
        Self {
            forms,
            by_pattern,
            automaton,
        }
    }
}

/// The forms of the automata to build (the large one only when it is rebuilt).
pub(super) struct BuildJob {
    large: Option<Vec<Form>>,
    small: Vec<Form>,
    /// How many pending forms the job holds.
    pending: usize,
}

impl BuildJob {
    pub fn build(self) -> Built {
        Built {
            large: self.large.map(Tier::build),
            small: Tier::build(self.small),
            pending: self.pending,
        }
    }
}

pub(super) struct Built {
    large: Option<Tier>,
    small: Tier,
    pending: usize,
}

impl Built {
    /// Why an automaton could not be built, to log once the registry is free again.
    pub fn failure(&self) -> Option<String> {
        [self.large.as_ref(), Some(&self.small)]
            .into_iter()
            .flatten()
            .find_map(|t| t.automaton.as_ref().err().cloned())
    }
}

/// A secret's name and length, by the number its forms carry.
struct Secret {
    name: &'static str,
    chars: usize,
}

/// Where a secret was found in one view: bytes `start..end`.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub name: &'static str,
}

pub(super) struct Registry {
    secrets: Vec<Secret>,
    /// Keyed hashes of the values registered, to register each once.
    known: std::collections::HashSet<u64>,
    keys: RandomState,
    base: u64,
    large: Tier,
    small: Tier,
    pending: Vec<Form>,
}

impl Registry {
    pub fn new() -> Self {
        let keys = RandomState::new();
        // A random base: no text can be built in advance to collide with a secret.
        let base = keys.hash_one("sso-diag redaction base") % (MODULUS - 256) + 256;
        Self {
            secrets: Vec::new(),
            known: Default::default(),
            keys,
            base,
            large: Tier::build(Vec::new()),
            small: Tier::build(Vec::new()),
            pending: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.secrets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    /// Adds `value` (and its `extra` forms) under `name`; false when it was already known.
    pub fn add(&mut self, name: &'static str, value: &str, forms: &[(Vec<u8>, bool)]) -> bool {
        if !self.known.insert(self.keys.hash_one(value)) {
            return false;
        }
        let Ok(secret) = u32::try_from(self.secrets.len()) else {
            return false;
        };
        self.secrets.push(Secret {
            name,
            chars: value.chars().count(),
        });
        for (bytes, text_only) in forms {
            if bytes.is_empty() {
                continue;
            }
            let anchor_at = bytes.len().saturating_sub(ANCHOR);
            self.pending.push(Form {
                anchor: bytes[anchor_at..].into(),
                anchor_at,
                len: bytes.len(),
                hash: self.hash(bytes),
                power: self.power(bytes.len()),
                secret,
                text_only: *text_only,
            });
        }
        true
    }

    pub fn needs_build(&self) -> bool {
        !self.pending.is_empty()
    }

    /// What to build to put the pending forms into an automaton: copies, so the automata stay
    /// whole for whoever redacts meanwhile, and the build can run without the registry's lock
    /// (building may log, and every log line is redacted).
    pub fn build_job(&self) -> BuildJob {
        let mut small = self.small.forms.clone();
        small.extend(self.pending.iter().cloned());
        let large = (small.len() >= MIN_MERGE.max(self.large.forms.len() / 8)).then(|| {
            let mut large = self.large.forms.clone();
            large.append(&mut small);
            large
        });
        BuildJob {
            large,
            small,
            pending: self.pending.len(),
        }
    }

    /// Puts a built job in place; what was registered while it was built stays pending.
    pub fn install(&mut self, built: Built) {
        if let Some(large) = built.large {
            self.large = large;
        }
        self.small = built.small;
        let done = built.pending.min(self.pending.len());
        self.pending.drain(..done);
    }

    /// An automaton could not be built (far more secrets than any run holds): nothing can be
    /// searched for reliably, so callers must show nothing.
    pub fn is_broken(&self) -> bool {
        [&self.large, &self.small]
            .iter()
            .any(|t| t.automaton.is_err() && !t.forms.is_empty())
    }

    fn hash(&self, bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .fold(0, |h, b| add_mod(mul_mod(h, self.base), u64::from(*b) + 1))
    }

    fn power(&self, mut exp: usize) -> u64 {
        let (mut result, mut base) = (1, self.base);
        while exp > 0 {
            if exp & 1 == 1 {
                result = mul_mod(result, base);
            }
            base = mul_mod(base, base);
            exp >>= 1;
        }
        result
    }

    /// Every secret of at least `min_chars` characters found in `bytes`.
    pub fn find(&self, bytes: &[u8], binary: bool, min_chars: usize, out: &mut Vec<Found>) {
        let mut prefix: Option<Vec<u64>> = None;
        for tier in [&self.large, &self.small] {
            let Ok(automaton) = &tier.automaton else {
                continue;
            };
            for m in automaton.find_overlapping_iter(bytes) {
                for form in tier.by_pattern[m.pattern().as_usize()]
                    .iter()
                    .map(|i| &tier.forms[*i])
                {
                    let secret = &self.secrets[form.secret as usize];
                    if (binary && form.text_only) || secret.chars < min_chars {
                        continue;
                    }
                    let Some(start) = m.start().checked_sub(form.anchor_at) else {
                        continue;
                    };
                    let end = start + form.len;
                    if end > bytes.len() {
                        continue;
                    }
                    let prefix = prefix.get_or_insert_with(|| self.prefix_hashes(bytes));
                    let window = sub_mod(prefix[end], mul_mod(prefix[start], form.power));
                    if window == form.hash {
                        out.push(Found {
                            start,
                            end,
                            name: secret.name,
                        });
                    }
                }
            }
        }
    }

    /// `prefix[i]`: the hash of `bytes[..i]`.
    fn prefix_hashes(&self, bytes: &[u8]) -> Vec<u64> {
        let mut prefix = Vec::with_capacity(bytes.len() + 1);
        let mut h = 0;
        prefix.push(h);
        for b in bytes {
            h = add_mod(mul_mod(h, self.base), u64::from(*b) + 1);
            prefix.push(h);
        }
        prefix
    }
}

fn mul_mod(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let folded = (p & u128::from(MODULUS)) + (p >> 61);
    let folded = u64::try_from(folded).unwrap_or(u64::MAX);
    if folded >= MODULUS {
        folded - MODULUS
    } else {
        folded
    }
}

fn add_mod(a: u64, b: u64) -> u64 {
    let s = a + b;
    if s >= MODULUS { s - MODULUS } else { s }
}

fn sub_mod(a: u64, b: u64) -> u64 {
    if a >= b { a - b } else { a + MODULUS - b }
}
