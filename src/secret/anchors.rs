//! The long forms of every secret (8 bytes and more: every token), found by their last 8 bytes.
//!
//! A bitmap of the anchors' hashes, about 32 bits an anchor, says in one memory access whether a
//! window of a text can end a form; only then does a map name the forms that end in it. Adding a
//! secret is constant time (no automaton to rebuild) and a search costs the same per byte with
//! ten secrets or a hundred thousand. The aho-corasick automaton (`registry.rs`) takes the forms
//! too short to have an anchor; measured against one automaton over the anchors in BENCHMARKS.md.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// The bytes a form is found by: its last eight.
pub(super) const ANCHOR: usize = 8;
/// The bitmap's size to start with (in bits, as a power of two), and bits per anchor kept.
const MIN_BITS_LOG2: u32 = 16;
const BITS_PER_ANCHOR: usize = 32;
/// No form follows.
const END: u32 = u32::MAX;

/// A long form: where it ends is where its anchor ends.
pub(super) struct LongForm {
    pub len: usize,
    pub hash: u64,
    pub power: u64,
    pub secret: u32,
    pub text_only: bool,
    /// The next form with the same anchor, or [`END`].
    next: u32,
}

impl LongForm {
    pub fn new(len: usize, hash: u64, power: u64, secret: u32, text_only: bool) -> Self {
        Self {
            len,
            hash,
            power,
            secret,
            text_only,
            next: END,
        }
    }
}

/// A keyed multiplicative hash of an anchor: for the map and the bitmap alike.
#[derive(Clone, Copy)]
struct Keyed(u64);

impl Keyed {
    fn mix(self, anchor: u64) -> u64 {
        let x = (anchor ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x ^ (x >> 29)
    }
}

impl BuildHasher for Keyed {
    type Hasher = KeyedHasher;

    fn build_hasher(&self) -> KeyedHasher {
        KeyedHasher(self.0, 0)
    }
}

struct KeyedHasher(u64, u64);

impl Hasher for KeyedHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.1 = (self.1 ^ u64::from(*b)).wrapping_mul(0x100_0000_01B3);
        }
    }

    fn write_u64(&mut self, anchor: u64) {
        self.1 = Keyed(self.0).mix(anchor);
    }

    fn finish(&self) -> u64 {
        self.1
    }
}

pub(super) struct AnchorIndex {
    forms: Vec<LongForm>,
    first: HashMap<u64, u32, Keyed>,
    bits: Vec<u64>,
    bits_log2: u32,
    key: Keyed,
}

/// The anchor of `bytes` (at least [`ANCHOR`] long): its last eight bytes as a number.
fn anchor_of(bytes: &[u8]) -> u64 {
    let mut last = [0u8; ANCHOR];
    last.copy_from_slice(&bytes[bytes.len() - ANCHOR..]);
    u64::from_le_bytes(last)
}

impl AnchorIndex {
    pub fn new(key: u64) -> Self {
        let key = Keyed(key);
        Self {
            forms: Vec::new(),
            first: HashMap::with_hasher(key),
            bits: vec![0; 1 << (MIN_BITS_LOG2 - 6)],
            bits_log2: MIN_BITS_LOG2,
            key,
        }
    }

    /// One multiplication: the bitmap is tested at every byte of every text.
    fn bit(&self, anchor: u64) -> usize {
        ((anchor ^ self.key.0).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits_log2))
            as usize
    }

    fn set(&mut self, anchor: u64) {
        let bit = self.bit(anchor);
        self.bits[bit >> 6] |= 1 << (bit & 63);
    }

    /// Adds a form of `bytes` (at least [`ANCHOR`] long); the bitmap doubles as anchors pile up.
    pub fn insert(&mut self, bytes: &[u8], mut form: LongForm) {
        let anchor = anchor_of(bytes);
        let Ok(index) = u32::try_from(self.forms.len()) else {
            return;
        };
        form.next = self.first.insert(anchor, index).unwrap_or(END);
        self.forms.push(form);
        if self.first.len() * BITS_PER_ANCHOR > 1 << self.bits_log2 {
            self.bits_log2 += 1;
            self.bits = vec![0; 1 << (self.bits_log2 - 6)];
            let anchors: Vec<u64> = self.first.keys().copied().collect();
            for anchor in anchors {
                self.set(anchor);
            }
        } else {
            self.set(anchor);
        }
    }

    /// Calls `found(end, form)` for every form whose anchor ends at `end` in `bytes`.
    pub fn scan(&self, bytes: &[u8], mut found: impl FnMut(usize, &LongForm)) {
        if self.forms.is_empty() || bytes.len() < ANCHOR {
            return;
        }
        let mut window = anchor_of(&bytes[..ANCHOR]);
        let mut end = ANCHOR;
        loop {
            let bit = self.bit(window);
            if self.bits[bit >> 6] & (1 << (bit & 63)) != 0
                && let Some(&first) = self.first.get(&window)
            {
                let mut at = first;
                while let Some(form) = self.forms.get(at as usize) {
                    found(end, form);
                    at = form.next;
                }
            }
            let Some(next) = bytes.get(end) else {
                return;
            };
            // Little-endian: the oldest byte leaves at the bottom, the new one enters at the top.
            window = window >> 8 | u64::from(*next) << 56;
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_ending_an_anchor_is_reported_however_many_there_are() {
        let mut index = AnchorIndex::new(12345);
        let forms: Vec<String> = (0..20_000).map(|i| format!("token-{i:08}-end")).collect();
        for (i, form) in forms.iter().enumerate() {
            index.insert(
                form.as_bytes(),
                LongForm::new(form.len(), 0, 0, i as u32, false),
            );
        }
        let text = format!("x {} y {} z", forms[0], forms[19_999]);
        let mut hits = Vec::new();
        index.scan(text.as_bytes(), |end, form| hits.push((end, form.secret)));
        // Forms whose last four digits agree share an anchor: each is reported, for its hash to
        // be checked.
        let first_end = 2 + forms[0].len();
        assert!(hits.contains(&(first_end, 0)), "{hits:?}");
        assert!(hits.iter().any(|(_, s)| *s == 19_999));
        assert!(index.bits_log2 > MIN_BITS_LOG2, "the bitmap grew");
    }
}
