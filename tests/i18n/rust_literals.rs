//! The string literals of Rust source, with the code around each: enough of a lexer for the
//! completeness test to tell a sentence from an id (comments, attributes, char literals, raw
//! strings, line continuations and `#[cfg(test)]` modules are handled; macros are not expanded).

/// A string literal in Rust source: its text, its line, and the code around it.
pub struct Literal {
    pub text: String,
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// `code` without its `#[cfg(test)] mod … { … }` blocks.
fn without_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = &rest[at + "#[cfg(test)]".len()..];
        if !after.trim_start().starts_with("mod ") {
            out.push_str(&rest[..at + "#[cfg(test)]".len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let open = after.find('{').unwrap_or(after.len());
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        // Keep the line count, so reported lines stay right.
        out.extend(after[..end].chars().filter(|c| *c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The string literals of `code`, outside comments, attributes and test modules.
pub fn literals(code: &str) -> Vec<Literal> {
    let code = without_test_modules(code);
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            '\'' => {
                // A char literal ('"', '\'', 'x') or a lifetime ('a): skip the former only.
                if next == Some('\\') {
                    i += 4;
                    while i < chars.len() && chars[i - 1] != '\'' {
                        i += 1;
                    }
                    continue;
                }
                if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                    continue;
                }
            }
            'r' if next == Some('#')
                || (next == Some('"') && !is_ident(chars.get(i.wrapping_sub(1)))) =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                if chars.get(i + 1 + hashes) == Some(&'"') {
                    let start = i + 2 + hashes;
                    let end_marker: String = std::iter::once('"')
                        .chain("#".repeat(hashes).chars())
                        .collect();
                    let rest: String = chars[start..].iter().collect();
                    let len = rest.find(&end_marker).unwrap_or(rest.len());
                    let text: String = chars[start..start + rest[..len].chars().count()]
                        .iter()
                        .collect();
                    let end = start + text.chars().count() + end_marker.len();
                    out.push(Literal {
                        before: before(&chars, i),
                        after: after(&chars, end),
                        text: text.clone(),
                        line,
                    });
                    line += text.matches('\n').count();
                    i = end;
                    continue;
                }
            }
            '"' => {
                let start = i + 1;
                let mut j = start;
                let mut text = String::new();
                while j < chars.len() && chars[j] != '"' {
                    if chars[j] == '\\' {
                        j += 1;
                        // A line continuation: the next line's indentation is not text.
                        if chars.get(j) == Some(&'\n') {
                            line += 1;
                            j += 1;
                            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                                j += 1;
                            }
                            continue;
                        }
                    }
                    if chars.get(j) == Some(&'\n') {
                        line += 1;
                    }
                    text.extend(chars.get(j));
                    j += 1;
                }
                out.push(Literal {
                    before: before(&chars, i),
                    after: after(&chars, j + 1),
                    text,
                    line,
                });
                i = j + 1;
                continue;
            }
            '#' if next == Some('[') => {
                let mut depth = 0;
                while i < chars.len() {
                    match chars[i] {
                        '[' => depth += 1,
                        ']' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        '\n' => line += 1,
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The 60 characters of code before position `at`, on one line.
fn before(chars: &[char], at: usize) -> String {
    let from = at.saturating_sub(60);
    chars[from..at]
        .iter()
        .collect::<String>()
        .replace('\n', " ")
}

/// The 20 characters of code after position `at`, on one line.
fn after(chars: &[char], at: usize) -> String {
    let to = (at + 20).min(chars.len());
    chars[at.min(to)..to]
        .iter()
        .collect::<String>()
        .replace('\n', " ")
}
