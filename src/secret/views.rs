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

use super::escapes::{BASE64, Escapes, HEX, NONE, escape_at};

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
    /// The parts of the view worth searching for secrets up to `longest` bytes long: all of a
    /// decoded run; of an escapes view, only what lies within reach of an escape — elsewhere the
    /// view is its parent, searched already.
    pub fn windows(&self, longest: usize) -> Vec<(usize, usize)> {
        let Map::Escapes(escapes) = &self.map else {
            return vec![(0, self.bytes.len())];
        };
        let reach = longest.saturating_sub(1);
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for e in escapes {
            let start = e.view_at.saturating_sub(reach);
            let end = (e.view_at + e.view_len + reach).min(self.bytes.len());
            match windows.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => windows.push((start, end)),
            }
        }
        windows
    }

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

/// Which views a search needs, from what is registered.
#[derive(Clone, Copy)]
pub(super) struct Plan {
    /// Some secret holds what reads as an escape (`\\b`, `%41`, `&amp;`): each kind of escape
    /// is then also undone alone, since undoing the others too would change that secret.
    pub each_kind_alone: bool,
    /// The shortest secret searched for in decoded base64 and hex, in bytes: shorter runs are
    /// left alone.
    pub min_binary: usize,
    /// The longest secret, in bytes: how far from an escape a match can start.
    pub longest: usize,
}

impl<'t> Views<'t> {
    pub fn of(text: &'t [u8], plan: Plan) -> Self {
        let mut views: Vec<View> = Vec::new();
        if plan.each_kind_alone {
            let present: Vec<Escapes> = [Escapes::PERCENT, Escapes::JSON, Escapes::HTML]
                .into_iter()
                .filter(|kind| text.contains(&kind.trigger()))
                .collect();
            if present.len() > 1 {
                views.extend(present.into_iter().filter_map(|kind| unescape(text, kind)));
            }
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
        // A run too short to hold the shortest secret's encoding is not decoded.
        let base64_run = plan
            .min_binary
            .saturating_mul(4)
            .div_ceil(3)
            .max(MIN_BASE64_RUN);
        let hex_run = plan.min_binary.saturating_mul(2).max(MIN_HEX_RUN);
        let base64_runs = runs(source, (0, source.len()), base64_run, &BASE64);
        // Hex digits are base64 digits, and a hex run is never the shorter: look inside only.
        let hex_runs: Vec<(usize, usize)> = base64_runs
            .iter()
            .filter(|(start, end)| end - start >= hex_run)
            .flat_map(|run| runs(source, *run, hex_run, &HEX))
            .collect();
        let mut binary: Vec<View> = (0..4)
            .filter_map(|align| base64_view(source, &base64_runs, align, base64_run))
            .chain((0..2).filter_map(|align| hex_view(source, &hex_runs, align, hex_run)))
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

/// Whether `bytes` holds an escape of any kind that would decode.
pub(super) fn has_escape(bytes: &[u8]) -> bool {
    unescape(bytes, Escapes::ALL).is_some()
}

/// The parent with every escape of `kinds` at its place decoded; `None` when it holds none.
fn unescape(src: &[u8], kinds: Escapes) -> Option<View> {
    let triggers = |from: usize| memchr::memchr3_iter(b'%', b'\\', b'&', &src[from..]);
    // Nothing is copied until an escape is found: most texts hold none, or none that decodes.
    let first = triggers(0).find(|at| escape_at(&src[*at..], kinds).is_some())?;
    let mut bytes = Vec::with_capacity(src.len());
    bytes.extend_from_slice(&src[..first]);
    let mut escapes = Vec::new();
    let mut i = first;
    while i < src.len() {
        match escape_at(&src[i..], kinds) {
            Some((value, used)) => {
                let value = value.bytes();
                escapes.push(Escape {
                    view_at: bytes.len(),
                    view_len: value.len(),
                    src_at: i,
                    src_len: used,
                });
                bytes.extend_from_slice(value);
                i += used;
            }
            None => {
                // Up to the next byte an escape can start with, copied as it is.
                let next = triggers(i + 1).next().map_or(src.len(), |at| i + 1 + at);
                bytes.extend_from_slice(&src[i..next]);
                i = next;
            }
        }
    }
    Some(View {
        bytes,
        map: Map::Escapes(escapes),
        parent: None,
        binary: false,
    })
}

/// The runs of `src[from..to]` whose bytes are digits in `table`, at least `min` long.
fn runs(
    src: &[u8],
    (from, to): (usize, usize),
    min: usize,
    table: &[u8; 256],
) -> Vec<(usize, usize)> {
    let digit = |i: usize| table[usize::from(src[i])] != NONE;
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        while i < to && !digit(i) {
            i += 1;
        }
        let start = i;
        while i < to && digit(i) {
            i += 1;
        }
        if i - start >= min {
            found.push((start, i));
        }
    }
    found
}

/// Every base64 run of `src` (at least `min` long from `align`) decoded from its `align`-th
/// character on.
fn base64_view(src: &[u8], runs: &[(usize, usize)], align: usize, min: usize) -> Option<View> {
    let mut bytes = Vec::new();
    let mut map = Vec::new();
    for &(start, end) in runs.iter().filter(|(s, e)| e - s >= min + align) {
        let from = start + align;
        let view_at = bytes.len();
        for group in src[from..end].chunks(4) {
            let word = group.iter().enumerate().fold(0u32, |acc, (k, b)| {
                acc | u32::from(BASE64[usize::from(*b)]) << (18 - 6 * k)
            });
            let decoded = [(word >> 16) as u8, (word >> 8) as u8, word as u8];
            bytes.extend_from_slice(&decoded[..group.len().saturating_sub(1)]);
        }
        map.push(Run {
            view_at,
            view_len: bytes.len() - view_at,
            src_at: from,
        });
    }
    runs_view(bytes, map, 4, 3, true)
}

/// Every run of hex digits of `src` (at least `min` long from `align`) decoded from its
/// `align`-th digit on.
fn hex_view(src: &[u8], runs: &[(usize, usize)], align: usize, min: usize) -> Option<View> {
    let mut bytes = Vec::new();
    let mut map = Vec::new();
    for &(start, end) in runs.iter().filter(|(s, e)| e - s >= min + align) {
        let from = start + align;
        let view_at = bytes.len();
        for pair in src[from..end].chunks_exact(2) {
            bytes.push(HEX[usize::from(pair[0])] << 4 | HEX[usize::from(pair[1])]);
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
