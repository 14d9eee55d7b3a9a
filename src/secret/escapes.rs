//! One escape at a time: percent-encoding (either hex case), JSON's backslash escapes (`\uXXXX`
//! with surrogate pairs, `\/`, `\"`…) and HTML character references, each decoded to the
//! bytes it stands for; and the digit tables of base64 (both alphabets) and hex.

/// Not a digit, in the tables below.
pub(super) const NONE: u8 = 0xFF;

/// Each byte's value as a hex digit, either case.
pub(super) static HEX: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            c @ b'A'..=b'F' => c - b'A' + 10,
            _ => NONE,
        };
        b += 1;
    }
    table
};

/// Each byte's value as a base64 digit, standard and url-safe alphabets at once: a tenant may
/// use either.
pub(super) static BASE64: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            c @ b'A'..=b'Z' => c - b'A',
            c @ b'a'..=b'z' => c - b'a' + 26,
            c @ b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => NONE,
        };
        b += 1;
    }
    table
};

fn hex_digit(b: u8) -> Option<u8> {
    Some(HEX[usize::from(b)]).filter(|v| *v != NONE)
}

/// Which kinds of escape to undo.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Escapes(u8);

impl Escapes {
    pub const PERCENT: Self = Self(1);
    pub const JSON: Self = Self(2);
    pub const HTML: Self = Self(4);
    pub const ALL: Self = Self(7);

    fn has(self, kind: Self) -> bool {
        self.0 & kind.0 != 0
    }

    /// The byte every escape of a single kind starts with.
    pub fn trigger(self) -> u8 {
        match self {
            Self::PERCENT => b'%',
            Self::JSON => b'\\',
            _ => b'&',
        }
    }
}

/// The escape of `kinds` at the start of `s`, decoded, and how many bytes it took.
pub(super) fn escape_at(s: &[u8], kinds: Escapes) -> Option<(Decoded, usize)> {
    match s.first()? {
        b'%' if kinds.has(Escapes::PERCENT) => percent(s),
        b'\\' if kinds.has(Escapes::JSON) => backslash(s),
        b'&' if kinds.has(Escapes::HTML) => {
            super::entities::reference(s).map(|(c, used)| (Decoded::char(c), used))
        }
        _ => None,
    }
}

/// What one escape decodes to: a byte, or a character's UTF-8 bytes.
pub(super) struct Decoded {
    bytes: [u8; 4],
    len: usize,
}

impl Decoded {
    fn byte(b: u8) -> Self {
        Self {
            bytes: [b, 0, 0, 0],
            len: 1,
        }
    }

    fn char(c: char) -> Self {
        let mut bytes = [0; 4];
        let len = c.encode_utf8(&mut bytes).len();
        Self { bytes, len }
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// `%4a` / `%4A`: one byte.
fn percent(s: &[u8]) -> Option<(Decoded, usize)> {
    let (hi, lo) = (hex_digit(*s.get(1)?)?, hex_digit(*s.get(2)?)?);
    Some((Decoded::byte(hi << 4 | lo), 3))
}

/// `\uXXXX` (a surrogate pair as one character) and JSON's one-character escapes.
fn backslash(s: &[u8]) -> Option<(Decoded, usize)> {
    let simple = |b: u8| Some((Decoded::byte(b), 2));
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
            Some((Decoded::char(c), used))
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
