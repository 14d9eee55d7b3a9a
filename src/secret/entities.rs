//! HTML character references, as a gateway's or a web server's error page echoes a request:
//! decimal (`&#97;`), hex (`&#x61;`) and the named ones an encoder writes for the characters a
//! token or a password can hold (every ASCII punctuation mark has one in HTML5).

/// Named references of ASCII punctuation, whitespace and the few others encoders write.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("excl", '!'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("midast", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("colon", ':'),
    ("semi", ';'),
    ("equals", '='),
    ("quest", '?'),
    ("commat", '@'),
    ("lsqb", '['),
    ("lbrack", '['),
    ("bsol", '\\'),
    ("rsqb", ']'),
    ("rbrack", ']'),
    ("Hat", '^'),
    ("lowbar", '_'),
    ("UnderBar", '_'),
    ("grave", '`'),
    ("DiacriticalGrave", '`'),
    ("lcub", '{'),
    ("lbrace", '{'),
    ("verbar", '|'),
    ("vert", '|'),
    ("VerticalLine", '|'),
    ("rcub", '}'),
    ("rbrace", '}'),
];

/// The longest name in [`NAMED`], with its `;`.
const LONGEST_NAME: usize = 18;

/// `&…;` at the start of `s`: the character and how many bytes the reference took.
pub(super) fn reference(s: &[u8]) -> Option<(char, usize)> {
    let rest = s.get(1..)?;
    let (c, used) = if rest.first() == Some(&b'#') {
        numeric(&rest[1..]).map(|(c, used)| (c, used + 1))?
    } else {
        let end = rest.iter().take(LONGEST_NAME).position(|b| *b == b';')?;
        let name = std::str::from_utf8(&rest[..end]).ok()?;
        let c = NAMED.iter().find(|(n, _)| *n == name)?.1;
        (c, end + 1)
    };
    Some((c, used + 1))
}

/// `97;` or `x61;` (after the `#`); the `;` may be missing, as browsers allow.
fn numeric(s: &[u8]) -> Option<(char, usize)> {
    let (radix, skip) = match s.first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = s[skip..]
        .iter()
        .take(8)
        .take_while(|b| (**b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let text = std::str::from_utf8(&s[skip..skip + digits]).ok()?;
    let c = char::from_u32(u32::from_str_radix(text, radix).ok()?)?;
    let semicolon = usize::from(s.get(skip + digits) == Some(&b';'));
    Some((c, skip + digits + semicolon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode_to_their_character() {
        let cases: [(&str, &str, usize); 7] = [
            ("&#97;x", "a", 5),
            ("&#x61;", "a", 6),
            ("&#X4A;", "J", 6),
            ("&#97x", "a", 4),
            ("&sol;", "/", 5),
            ("&amp;amp;", "&", 5),
            ("&#x1F600;", "😀", 9),
        ];
        for (text, want, used) in cases {
            let (decoded, n) = reference(text.as_bytes()).expect(text);
            assert_eq!((decoded.to_string().as_str(), n), (want, used));
        }
        for text in ["&unknown;", "&#;", "&#xZZ;", "& amp;", "&#1114112;"] {
            assert!(reference(text.as_bytes()).is_none(), "{text}");
        }
    }
}
