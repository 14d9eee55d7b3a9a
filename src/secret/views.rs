//! Decoded views of a text, each byte knowing where it came from, so a secret found in any view
//! is replaced where it stands in the text — whatever a tenant escaped or encoded it in.
//!
//! Instead of writing every secret out in every encoding (one pattern per secret per form, and
//! still blind to an encoder with an unusual safe set), the text is decoded: one level undoes
//! percent-encoding (any safe set, either hex case), JSON escapes (`\/`, `\uXXXX`, surrogate
//! pairs) and HTML character references (named, decimal, hex) wherever they stand — all at once,
//! and each kind alone when a text holds several; a second and third level undo double encoding.
//! Runs of base64 (standard and url-safe alphabets, any alignment, with or without padding) and
//! of hex digits are decoded from the deepest level.

/// Enough for a token escaped twice over (JSON in a JSON string, shown as text).
const MAX_LEVELS: usize = 3;
/// Shorter runs cannot hold a searched-for secret (4 bytes) in base64 or hex.
const MIN_BASE64_RUN: usize = 6;
const MIN_HEX_RUN: usize = 8;

/// One decoded view and where its bytes came from in the view it was decoded from.
pub(super) struct View {
    pub bytes: Vec<u8>,
    map: Map,
    /// The view this one was decoded from: `None` for the first level (the text itself).
    parent: Option<usize>,
    /// Base64 and hex views: search only for secrets long enough not to match by chance.
    pub binary: bool,
}

enum Map {
    /// Escapes, in order; the bytes between them are copied.
    Escapes(Vec<Escape>),
    /// Runs of digits decoded `bytes_per_group` bytes from `chars_per_group` characters.
    Runs {
        runs: Vec<Run>,
        chars_per_group: usize,
        bytes_per_group: usize,
        padding: bool,
    },
}

/// `src_len` bytes of the parent decoded to `view_len` bytes at `view_at`.
struct Escape {
    view_at: usize,
    view_len: usize,
    src_at: usize,
    src_len: usize,
}

/// A run of the parent decoded from `src_at` into the view at `view_at`.
struct Run {
    view_at: usize,
    view_len: usize,
    src_at: usize,
}

impl View {
    /// The range of the parent that view bytes `start..end` came from (`end > start`).
    fn to_parent(&self, start: usize, end: usize, parent: &[u8]) -> (usize, usize) {
        match &self.map {
            Map::Escapes(escapes) => {
                let at = |v: usize| {
                    let i = escapes.partition_point(|e| e.view_at <= v);
                    match i.checked_sub(1).map(|i| &escapes[i]) {
                        None => (v, v + 1),
                        Some(e) if v < e.view_at + e.view_len => (e.src_at, e.src_at + e.src_len),
                        Some(e) => {
                            let src = e.src_at + e.src_len + (v - e.view_at - e.view_len);
                            (src, src + 1)
                        }
                    }
                };
                (at(start).0, at(end - 1).1)
            }
            Map::Runs {
                runs,
                chars_per_group,
                bytes_per_group,
                padding,
            } => {
                let at = |v: usize| {
                    let i = runs.partition_point(|r| r.view_at <= v).saturating_sub(1);
                    let run = &runs[i];
                    let j = v - run.view_at;
                    let (group, within) = (j / bytes_per_group, j % bytes_per_group);
                    let first = run.src_at + group * chars_per_group + within;
                    // Every byte of base64 or hex spans two characters.
                    (first, first + 2, run.view_at + run.view_len == v + 1)
                };
                let (from, _, _) = at(start);
                let (_, mut to, at_end) = at(end - 1);
                if *padding && at_end {
                    while to < parent.len() && parent[to] == b'=' {
                        to += 1;
                    }
                }
                (from, to)
            }
        }
    }
}

/// Every view of `text` worth searching: the text (level 0) first.
pub(super) struct Views<'t> {
    pub text: &'t [u8],
    pub views: Vec<View>,
}

impl<'t> Views<'t> {
    pub fn of(text: &'t [u8]) -> Self {
        let mut views: Vec<View> = Vec::new();
        // Each kind of escape undone alone too, when the text holds several: a secret may hold
        // what reads as another kind's escape (`\b`, `%41`, `&amp;`), and decoding that as
        // well would change the secret.
        let present: Vec<Escapes> = [Escapes::PERCENT, Escapes::JSON, Escapes::HTML]
            .into_iter()
            .filter(|kind| text.iter().any(|b| *b == kind.trigger()))
            .collect();
        if present.len() > 1 {
            views.extend(present.into_iter().filter_map(|kind| unescape(text, kind)));
        }
        let mut deepest: Option<usize> = None;
        for _ in 0..MAX_LEVELS {
            let source = deepest.map_or(text, |i| &views[i].bytes);
            let Some(mut view) = unescape(source, Escapes::ALL) else {
                break;
            };
            view.parent = deepest;
            views.push(view);
            deepest = Some(views.len() - 1);
        }
        let source = deepest.map_or(text, |i| &views[i].bytes);
        let mut binary: Vec<View> = (0..4)
            .filter_map(|align| base64_view(source, align))
            .chain((0..2).filter_map(|align| hex_view(source, align)))
            .collect();
        for view in &mut binary {
            view.parent = deepest;
        }
        views.extend(binary);
        Self { text, views }
    }

    /// The range of the text that bytes `start..end` of view `index` came from.
    pub fn to_text(&self, index: usize, start: usize, end: usize) -> (usize, usize) {
        let (mut start, mut end, mut at) = (start, end, Some(index));
        while let Some(i) = at {
            let view = &self.views[i];
            let parent = view.parent.map_or(self.text, |p| &self.views[p].bytes);
            (start, end) = view.to_parent(start, end, parent);
            at = view.parent;
        }
        (start, end)
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Which kinds of escape to undo.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Escapes(u8);

impl Escapes {
    const PERCENT: Self = Self(1);
    const JSON: Self = Self(2);
    const HTML: Self = Self(4);
    const ALL: Self = Self(7);

    fn has(self, kind: Self) -> bool {
        self.0 & kind.0 != 0
    }

    /// The byte every escape of a single kind starts with.
    fn trigger(self) -> u8 {
        match self {
            Self::PERCENT => b'%',
            Self::JSON => b'\\',
            _ => b'&',
        }
    }
}

/// The parent with every escape of `kinds` at its place decoded; `None` when it holds none.
fn unescape(src: &[u8], kinds: Escapes) -> Option<View> {
    if !src.iter().any(|b| matches!(b, b'%' | b'\\' | b'&')) {
        return None;
    }
    let mut bytes = Vec::with_capacity(src.len());
    let mut escapes = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let decoded = match src[i] {
            b'%' if kinds.has(Escapes::PERCENT) => percent(&src[i..]),
            b'\\' if kinds.has(Escapes::JSON) => backslash(&src[i..]),
            b'&' if kinds.has(Escapes::HTML) => super::entities::reference(&src[i..]),
            _ => None,
        };
        match decoded {
            Some((value, used)) => {
                escapes.push(Escape {
                    view_at: bytes.len(),
                    view_len: value.len(),
                    src_at: i,
                    src_len: used,
                });
                bytes.extend_from_slice(&value);
                i += used;
            }
            None => {
                bytes.push(src[i]);
                i += 1;
            }
        }
    }
    // An escape that decodes to nothing would map no byte; none of ours does.
    escapes.retain(|e| e.view_len > 0);
    (!escapes.is_empty()).then_some(View {
        bytes,
        map: Map::Escapes(escapes),
        parent: None,
        binary: false,
    })
}

/// `%4a` / `%4A`: one byte.
fn percent(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let (hi, lo) = (hex_digit(*s.get(1)?)?, hex_digit(*s.get(2)?)?);
    Some((vec![hi << 4 | lo], 3))
}

/// `\uXXXX` (a surrogate pair as one character) and JSON's one-character escapes.
fn backslash(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let simple = |b: u8| Some((vec![b], 2));
    match *s.get(1)? {
        b'u' => {
            let unit = |at: usize| -> Option<u32> {
                let digits = s.get(at..at + 4)?;
                digits
                    .iter()
                    .try_fold(0u32, |acc, d| Some(acc << 4 | u32::from(hex_digit(*d)?)))
            };
            let first = unit(2)?;
            let (c, used) = if (0xD800..0xDC00).contains(&first) {
                let second = (s.get(6..8) == Some(b"\\u")).then(|| unit(8)).flatten()?;
                if !(0xDC00..0xE000).contains(&second) {
                    return None;
                }
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                (char::from_u32(c)?, 12)
            } else {
                (char::from_u32(first)?, 6)
            };
            Some((c.to_string().into_bytes(), used))
        }
        b'/' => simple(b'/'),
        b'\\' => simple(b'\\'),
        b'"' => simple(b'"'),
        b'\'' => simple(b'\''),
        b'n' => simple(b'\n'),
        b't' => simple(b'\t'),
        b'r' => simple(b'\r'),
        b'b' => simple(8),
        b'f' => simple(12),
        _ => None,
    }
}

fn base64_value(b: u8) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        // Standard and url-safe alphabets at once: a tenant may use either.
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// The runs of `src` whose bytes `digit` accepts, at least `min` long.
fn runs(src: &[u8], min: usize, digit: fn(u8) -> Option<u8>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, b) in src.iter().enumerate() {
        match (digit(*b).is_some(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= min {
                    found.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start.filter(|s| src.len() - s >= min) {
        found.push((s, src.len()));
    }
    found
}

/// Every base64 run of `src` decoded from its `align`-th character on.
fn base64_view(src: &[u8], align: usize) -> Option<View> {
    let mut bytes = Vec::new();
    let mut map = Vec::new();
    for (start, end) in runs(src, MIN_BASE64_RUN + align, base64_value) {
        let from = start + align;
        let view_at = bytes.len();
        for group in src[from..end].chunks(4) {
            let values: Vec<u32> = group
                .iter()
                .filter_map(|b| base64_value(*b).map(u32::from))
                .collect();
            let word = values
                .iter()
                .enumerate()
                .fold(0u32, |acc, (k, v)| acc | v << (18 - 6 * k));
            let decoded = [(word >> 16) as u8, (word >> 8) as u8, word as u8];
            bytes.extend_from_slice(&decoded[..values.len().saturating_sub(1)]);
        }
        map.push(Run {
            view_at,
            view_len: bytes.len() - view_at,
            src_at: from,
        });
    }
    runs_view(bytes, map, 4, 3, true)
}

/// Every run of hex digits of `src` decoded from its `align`-th digit on.
fn hex_view(src: &[u8], align: usize) -> Option<View> {
    let mut bytes = Vec::new();
    let mut map = Vec::new();
    for (start, end) in runs(src, MIN_HEX_RUN + align, hex_digit) {
        let from = start + align;
        let view_at = bytes.len();
        for pair in src[from..end].chunks_exact(2) {
            if let (Some(hi), Some(lo)) = (hex_digit(pair[0]), hex_digit(pair[1])) {
                bytes.push(hi << 4 | lo);
            }
        }
        map.push(Run {
            view_at,
            view_len: bytes.len() - view_at,
            src_at: from,
        });
    }
    runs_view(bytes, map, 2, 1, false)
}

fn runs_view(
    bytes: Vec<u8>,
    mut runs: Vec<Run>,
    chars_per_group: usize,
    bytes_per_group: usize,
    padding: bool,
) -> Option<View> {
    runs.retain(|r| r.view_len > 0);
    (!runs.is_empty()).then_some(View {
        bytes,
        map: Map::Runs {
            runs,
            chars_per_group,
            bytes_per_group,
            padding,
        },
        parent: None,
        binary: true,
    })
}
