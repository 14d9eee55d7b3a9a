//! Every secret the process has seen, searched for at a cost that does not grow with their number.
//!
//! A form of 8 bytes or more (every token) is found by its last 8 bytes (`anchors.rs`), not
//! whole (a watch's id_tokens are a kilobyte each: a hundred thousand of them whole would be a
//! gigabyte of automaton). Where an anchor ends, the window it ends is checked against the form's
//! keyed polynomial hash — in constant time, from the view's prefix hashes — so neither a long
//! secret nor a text full of anchors costs more than a pass. A hash collision could only make
//! more text redacted, never less.
//!
//! Shorter forms (a password of a few characters, a tiny one's base64) go into an aho-corasick
//! automaton: a small one rebuilt on each change; when it has grown to an eighth of the large
//! one, both are rebuilt as one, so adding stays cheap. Automata are built from copies, outside
//! the registry's lock.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::anchors::{ANCHOR, AnchorIndex, LongForm};
use super::views::{Plan, has_escape};

/// Below this many searched forms the small automaton is simply rebuilt each time.
const MIN_MERGE: usize = 1024;
/// Up to this many patterns (under 8 bytes each) the automaton is a DFA.
const DFA_PATTERNS: usize = 2000;
/// 2^61 − 1: products fit in 128 bits and the hash has no small-modulus weaknesses.
const MODULUS: u64 = (1 << 61) - 1;

/// A form shorter than an anchor, as the automaton knows it: whole.
#[derive(Clone)]
struct Form {
    bytes: Box<[u8]>,
    secret: u32,
    /// Searched for in text views only (a secret too short to search for in decoded bytes).
    text_only: bool,
}

/// An automaton over `forms`; each pattern names the forms it is.
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
            let p = *index.entry(&form.bytes).or_insert_with(|| {
                patterns.push(&form.bytes);
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[p].push(i);
        }
        // A DFA searches fastest, but takes a few hundred bytes a state: only while there are
        // few patterns; a contiguous NFA otherwise. Standard match semantics, so overlapping
        // matches are all reported.
        let kind = (patterns.len() <= DFA_PATTERNS).then_some(AhoCorasickKind::DFA);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind.unwrap_or(AhoCorasickKind::ContiguousNFA)))
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
    /// Forms of [`ANCHOR`] bytes and more.
    long: AnchorIndex,
    /// Shorter forms, in two automata, and those not yet in either.
    large: Tier,
    small: Tier,
    pending: Vec<Form>,
    /// Which views a search needs (see [`Plan`]).
    plan: Plan,
}

impl Registry {
    pub fn new() -> Self {
        let keys = RandomState::new();
        // A random base: no text can be built in advance to collide with a secret.
        let base = keys.hash_one("sso-diag redaction base") % (MODULUS - 256) + 256;
        let long = AnchorIndex::new(keys.hash_one("sso-diag anchors"));
        Self {
            secrets: Vec::new(),
            known: Default::default(),
            keys,
            base,
            long,
            large: Tier::build(Vec::new()),
            small: Tier::build(Vec::new()),
            pending: Vec::new(),
            plan: Plan {
                each_kind_alone: false,
                min_binary: usize::MAX,
                longest: 0,
            },
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
            if !text_only {
                self.plan.min_binary = self.plan.min_binary.min(bytes.len());
            }
            self.plan.each_kind_alone |= has_escape(bytes);
            self.plan.longest = self.plan.longest.max(bytes.len());
            if bytes.len() >= ANCHOR {
                let form = LongForm::new(
                    bytes.len(),
                    self.hash(bytes),
                    self.power(bytes.len()),
                    secret,
                    *text_only,
                );
                self.long.insert(bytes, form);
            } else {
                self.pending.push(Form {
                    bytes: bytes.as_slice().into(),
                    secret,
                    text_only: *text_only,
                });
            }
        }
        true
    }

    pub fn plan(&self) -> Plan {
        self.plan
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
        let wanted = |secret: u32, text_only: bool| {
            let secret = &self.secrets[secret as usize];
            (!(binary && text_only) && secret.chars >= min_chars).then_some(secret.name)
        };
        let mut check = WindowHash::new(self, bytes);
        self.long.scan(bytes, |end, form| {
            let Some(name) = wanted(form.secret, form.text_only) else {
                return;
            };
            if let Some(start) = end.checked_sub(form.len)
                && check.hash(start, end, form.power) == form.hash
            {
                out.push(Found { start, end, name });
            }
        });
        for tier in [&self.large, &self.small] {
            let Ok(automaton) = &tier.automaton else {
                continue;
            };
            if tier.forms.is_empty() {
                continue;
            }
            for m in automaton.find_overlapping_iter(bytes) {
                for form in tier.by_pattern[m.pattern().as_usize()]
                    .iter()
                    .map(|i| &tier.forms[*i])
                {
                    if let Some(name) = wanted(form.secret, form.text_only) {
                        out.push(Found {
                            start: m.start(),
                            end: m.end(),
                            name,
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

/// The hash of a window of one view: computed directly while that is cheap, from prefix hashes
/// (constant time a window) once the view has had its length's worth of checks.
struct WindowHash<'a> {
    registry: &'a Registry,
    bytes: &'a [u8],
    budget: usize,
    prefix: Option<Vec<u64>>,
}

impl<'a> WindowHash<'a> {
    fn new(registry: &'a Registry, bytes: &'a [u8]) -> Self {
        Self {
            registry,
            bytes,
            budget: bytes.len(),
            prefix: None,
        }
    }

    fn hash(&mut self, start: usize, end: usize, power: u64) -> u64 {
        if self.prefix.is_none() && end - start <= self.budget {
            self.budget -= end - start;
            return self.registry.hash(&self.bytes[start..end]);
        }
        let prefix = self
            .prefix
            .get_or_insert_with(|| self.registry.prefix_hashes(self.bytes));
        sub_mod(prefix[end], mul_mod(prefix[start], power))
    }
}

fn mul_mod(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let folded = (p & u128::from(MODULUS)) + (p >> 61);
    let folded = u64::try_from(folded).unwrap_or(u64::MAX);
    // Below 2^62: at most two subtractions bring it under the modulus.
    let folded = if folded >= MODULUS {
        folded - MODULUS
    } else {
        folded
    };
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
