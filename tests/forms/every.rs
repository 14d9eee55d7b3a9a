//! Every form a tenant plausibly echoes a secret in (SECURITY.md's list), for tests to echo
//! and to search every sink for.

#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

/// Percent-encoding of every byte `keep` does not keep, in `upper` or lower hex. (`keep` treats
/// all bytes of a multi-byte character alike, so the result is text.)
fn percent(s: &str, keep: impl Fn(u8) -> bool, upper: bool) -> String {
    let mut out = Vec::new();
    for b in s.bytes() {
        match (keep(b), upper) {
            (true, _) => out.push(b),
            (false, true) => out.extend(format!("%{b:02X}").into_bytes()),
            (false, false) => out.extend(format!("%{b:02x}").into_bytes()),
        }
    }
    String::from_utf8(out).expect("whole characters kept")
}

/// `s` as it stands inside a JSON string.
fn json_escaped(s: &str) -> String {
    let quoted = serde_json::to_string(s).expect("json");
    quoted[1..quoted.len() - 1].to_owned()
}

/// Every form a tenant plausibly echoes `s` in, named.
pub fn every_form(s: &str) -> Vec<(&'static str, String)> {
    let json = json_escaped(s);
    let unicode: String = s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
    let form: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    let hex: String = s.bytes().map(|b| format!("{b:02x}")).collect();
    let named = |c: char| match c {
        '&' => "&amp;".to_owned(),
        '<' => "&lt;".to_owned(),
        '>' => "&gt;".to_owned(),
        '"' => "&quot;".to_owned(),
        '\'' => "&apos;".to_owned(),
        '/' => "&sol;".to_owned(),
        '=' => "&equals;".to_owned(),
        '+' => "&plus;".to_owned(),
        c => c.to_string(),
    };
    vec![
        ("raw", s.to_owned()),
        ("json", json.clone()),
        ("json with \\/", json.replace('/', "\\/")),
        ("json \\u, every character", unicode.clone()),
        ("double-encoded json, shown as text", json_escaped(&unicode)),
        ("form-encoded (+)", form.clone()),
        ("form-encoded, %20", form.replace('+', "%20")),
        (
            "%20, lowercase hex",
            percent(
                s,
                |b| b.is_ascii_alphanumeric() || b"*-._".contains(&b),
                false,
            ),
        ),
        ("every byte, upper hex", percent(s, |_| false, true)),
        ("every byte, lower hex", percent(s, |_| false, false)),
        ("unreserved kept", percent(s, unreserved, true)),
        (
            "unreserved and / kept",
            percent(s, |b| unreserved(b) || b == b'/', false),
        ),
        (
            "only space and % encoded",
            percent(s, |b| b != b' ' && b != b'%', true),
        ),
        ("base64", STANDARD.encode(s)),
        ("base64, no padding", STANDARD_NO_PAD.encode(s)),
        ("base64url", URL_SAFE.encode(s)),
        ("base64url, no padding", URL_SAFE_NO_PAD.encode(s)),
        ("hex", hex.clone()),
        ("HEX", hex.to_uppercase()),
        (
            "html decimal",
            s.chars().map(|c| format!("&#{};", c as u32)).collect(),
        ),
        (
            "html hex",
            s.chars().map(|c| format!("&#x{:x};", c as u32)).collect(),
        ),
        ("html named", s.chars().map(named).collect()),
    ]
}

/// The forms alone.
pub fn forms_of(s: &str) -> Vec<String> {
    let mut forms: Vec<String> = every_form(s).into_iter().map(|(_, f)| f).collect();
    forms.sort();
    forms.dedup();
    forms
}

/// Panics naming the secret, the form and the sink if `text` holds any form of any secret.
pub fn assert_free_of(sink: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        for (what, form) in every_form(secret) {
            assert!(
                !text.contains(&form),
                "{secret:?} as {what} ({form:?}) in {sink}:\n{text}"
            );
        }
    }
}

/// [`assert_free_of`] for thousands of secrets and megabytes of text: one automaton over every
/// form of every secret, one pass over each text.
pub struct EveryForm {
    automaton: aho_corasick::AhoCorasick,
    /// Each pattern's secret and form name, by the automaton's pattern index.
    named: Vec<(String, &'static str)>,
}

impl EveryForm {
    pub fn of(secrets: &[String]) -> Self {
        let mut patterns = Vec::new();
        let mut named = Vec::new();
        for secret in secrets {
            for (what, form) in every_form(secret) {
                patterns.push(form);
                named.push((secret.clone(), what));
            }
        }
        let automaton = aho_corasick::AhoCorasick::new(&patterns).expect("automaton");
        Self { automaton, named }
    }

    pub fn assert_not_in(&self, sink: &str, text: &str) {
        if let Some(found) = self.automaton.find(text) {
            let (secret, what) = &self.named[found.pattern().as_usize()];
            let from = found.start().saturating_sub(200);
            let around = text.get(from..(found.end() + 200).min(text.len()));
            panic!(
                "{secret:?} as {what} in {sink}, at {}: {around:?}",
                found.start()
            );
        }
    }
}
