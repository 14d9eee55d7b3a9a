//! Safe renderings of untrusted text — anything that came from the network (messages, codes,
//! tickets, user attributes, headers, certificate names) or was pasted in: for a terminal, where a
//! control character could recolour, clear or forge lines, and for Markdown, where a fence or a
//! heading could forge the report. Both show a control character as an escape (`\x1b`, `\r`,
//! `\u{009b}`) instead of acting on it.

/// Characters that change how a terminal (or a Markdown renderer) shows text around them:
/// C0 controls, DEL, C1 controls, and the bidirectional overrides that reorder a line.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character written as an escape, on one line.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 && is_unsafe(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// As [`escape_controls`], but keeps line breaks (a multi-line body shown as lines): each line is
/// escaped on its own, and a `\r` before a line break is dropped.
pub fn escape_controls_keep_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| escape_controls(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` as plain Markdown on one line: controls escaped, and every character that could start
/// emphasis, a link, an image, HTML or a table cell backslash-escaped.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_controls(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A fenced Markdown code block holding `text` verbatim (line breaks kept, controls escaped):
/// the fence is longer than any backtick run inside, so the text cannot close it.
pub fn markdown_block(info: &str, text: &str) -> String {
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    format!(
        "{fence}{info}\n{}\n{fence}",
        escape_controls_keep_lines(text)
    )
}

/// Inline Markdown code holding `text` on one line: no emphasis, link, image or heading inside
/// can take effect. Pipes are escaped too, so it can stand in a table cell.
pub fn markdown_code(text: &str) -> String {
    let text = escape_controls(text).replace('|', "\\|");
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    // A space on each side keeps a backtick at either end from joining the fence.
    format!("{ticks} {text} {ticks}")
}

/// JSON text with DEL, C1 controls, the bidirectional controls and the line separators written
/// as `\uXXXX` escapes: still the same JSON, but nothing in it can reorder or break the line of
/// a terminal or an editor it is shown in (serde_json only escapes C0). Valid JSON holds these
/// characters only inside strings, so the text can be rewritten without parsing it. For `--json`,
/// HAR and case files.
pub fn escape_json_text(json: &str) -> String {
    let acts = |c: char| {
        matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !json.chars().any(acts) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// One CSV cell holding untrusted text, by OWASP's rule against CSV injection: control
/// characters escaped, a `'` before a cell a spreadsheet would take for a formula (`=`, `+`, `-`,
/// `@`, tab, CR), quotes doubled, and the cell quoted.
pub fn csv_cell(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = escape_controls(text).replace('"', "\"\"");
    let quote = if formula { "'" } else { "" };
    format!("\"{quote}{text}\"")
}

/// `text` padded with spaces to `width` terminal columns, so columns line up in any language: a
/// Chinese character (or a full-width form) takes two.
pub fn pad_columns(text: &str, width: usize) -> String {
    // East Asian Wide and Fullwidth (Unicode UAX #11), the ranges Chinese text uses.
    let wide = |c: char| {
        matches!(
            c as u32,
            0x1100..=0x115F
                | 0x2E80..=0xA4CF
                | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F
                | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6
        )
    };
    let columns: usize = text.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        let hostile = "ok\x1b[2J\x1b]0;title\x07\rFORGED\nline\u{9b}31m\u{202e}";
        let out = escape_controls(hostile);
        assert_eq!(
            out,
            "ok\\x1b[2J\\x1b]0;title\\x07\\rFORGED\\nline\\u{009b}31m\\u{202e}"
        );
        assert!(!out.chars().any(is_unsafe));
        assert_eq!(escape_controls("张伟 plain"), "张伟 plain");
    }

    #[test]
    fn a_fence_inside_cannot_close_the_block() {
        let body =
            "{\"x\": \"```\\n## Verdict\\n![x](https://evil.example/p.png)\"}\n```\n## Verdict";
        let block = markdown_block("json", body);
        let fence = block.lines().next().expect("fence");
        assert_eq!(fence, "````json");
        assert!(block.ends_with("\n````"));
        let inner: Vec<&str> = block.lines().collect();
        assert!(
            inner[1..inner.len() - 1]
                .iter()
                .all(|l| !l.starts_with("````")),
            "{block}"
        );
    }

    #[test]
    fn json_text_escapes_what_reorders_or_breaks_a_line() {
        let value = serde_json::json!({"m": "a\u{202e}b\u{2066}c\u{85}d\u{7f}e\u{2028}f 张"});
        let text = escape_json_text(&value.to_string());
        assert_eq!(text, r#"{"m":"a\u202eb\u2066c\u0085d\u007fe\u2028f 张"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn csv_cells_cannot_start_a_formula_or_hold_controls() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "\"'+1\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\\tx\""),
            ("\r=1", "\"'\\r=1\""),
            ("a,b\x1b[31m", "\"a,b\\x1b[31m\""),
            ("IDAAS.SDK.PARAM.0023", "\"IDAAS.SDK.PARAM.0023\""),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn inline_code_survives_backticks_and_pipes() {
        let code = markdown_code("a ` b `` c | d\n## e");
        assert_eq!(code, "``` a ` b `` c \\| d\\n## e ```");
    }
}
