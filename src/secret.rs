//! Secrets and their redaction.
//!
//! Tokens, client secrets and passwords travel as [`SecretString`] (its `Debug` prints nothing), so
//! every place that needs the real value has to call `expose_secret()` where a reviewer can see it.
//! Tenants echo tokens back in error messages, so any text that came from the network goes through a
//! [`Redactor`] before it is shown, logged or printed.

use std::sync::{LazyLock, RwLock};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use secrecy::{ExposeSecret, SecretString};

/// Every secret this process has handled, for redacting every sink whatever step it came from.
static SEEN: LazyLock<RwLock<Vec<NamedSecret>>> = LazyLock::new(|| RwLock::new(Vec::new()));
/// Enough for every token of a long session; past it the oldest are dropped.
const SEEN_LIMIT: usize = 512;

/// Secrets shorter than this are not searched for in sso-diag's own text: a 2-character value
/// would redact every occurrence of those letters. Tokens that short are refused as input
/// ([`crate::ciam::input::MIN_TOKEN_LEN`]); a short password is still searched for in what the
/// tenant sends ([`redact_tenant_text`]).
const MIN_REDACTABLE_LEN: usize = 4;

/// One secret, the name it is replaced with (`[redacted access token]`), and every form it can
/// travel in: raw, JSON-escaped, URL-encoded, base64 and base64url.
struct NamedSecret {
    name: &'static str,
    raw: SecretString,
    forms: Vec<SecretString>,
}

impl NamedSecret {
    fn new(name: &'static str, value: &SecretString) -> Self {
        let raw = value.expose_secret();
        let mut forms: Vec<String> = vec![raw.to_owned()];
        let json = serde_json::to_string(raw).unwrap_or_default();
        let json = json.trim_matches('"').to_owned();
        // PHP and some Java encoders also escape the slash.
        forms.push(json.replace('/', "\\/"));
        forms.push(json);
        let url: String = url::form_urlencoded::byte_serialize(raw.as_bytes()).collect();
        forms.push(url.replace('+', "%20"));
        forms.push(lowercase_percent_hex(&url));
        forms.push(url);
        for engine in [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD] {
            forms.push(engine.encode(raw));
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        Self {
            name,
            raw: value.clone(),
            forms: forms.into_iter().map(SecretString::from).collect(),
        }
    }

    fn len(&self) -> usize {
        self.raw.expose_secret().chars().count()
    }
}

/// `%2F` → `%2f`: some encoders write lowercase hex digits.
fn lowercase_percent_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut rest = encoded;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let escape = rest.get(at..at + 3).unwrap_or(&rest[at..]);
        out.push_str(&escape.to_ascii_lowercase());
        rest = &rest[at + escape.len()..];
    }
    out.push_str(rest);
    out
}

/// Remembers `value` process-wide under `name`, so every later sink redacts it in every form.
pub fn register(name: &'static str, value: &SecretString) {
    if value.expose_secret().is_empty() {
        return;
    }
    let mut seen = match SEEN.write() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if seen
        .iter()
        .any(|s| s.raw.expose_secret() == value.expose_secret())
    {
        return;
    }
    if seen.len() >= SEEN_LIMIT {
        seen.remove(0);
    }
    seen.push(NamedSecret::new(name, value));
    // Longest first, so a secret that contains another is replaced whole.
    seen.sort_by_key(|s| std::cmp::Reverse(s.raw.expose_secret().len()));
}

fn redact_with(text: &str, min_len: usize) -> String {
    let seen = match SEEN.read() {
        Ok(g) => g,
        // A poisoned lock still holds the secrets.
        Err(p) => p.into_inner(),
    };
    let mut out = text.to_owned();
    for secret in seen.iter().filter(|s| s.len() >= min_len) {
        for form in &secret.forms {
            let form = form.expose_secret();
            if out.contains(form) {
                out = out.replace(form, &format!("[redacted {}]", secret.name));
            }
        }
    }
    out
}

/// `text` with every secret this process has seen replaced, in every form it can travel in.
pub fn redact(text: &str) -> String {
    redact_with(text, MIN_REDACTABLE_LEN)
}

/// As [`redact`], for text that came from the tenant: there even a 3-character password is
/// searched for, since an echo of it is the tenant's doing and the loss of legibility is worth it.
pub fn redact_tenant_text(text: &str) -> String {
    redact_with(text, 1)
}

/// The same as [`redact`]: the name the log writer has always used.
pub fn global_redact(text: &str) -> String {
    redact(text)
}

/// The secrets of one run, to add to the process-wide set and to redact with.
#[derive(Default)]
pub struct Redactor {
    _private: (),
}

impl Redactor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a secret (see [`Redactor::add`]).
    pub fn with(mut self, name: &'static str, value: &SecretString) -> Self {
        self.add(name, value);
        self
    }

    /// Adds a secret; it is remembered process-wide, so no sink can carry it afterwards.
    pub fn add(&mut self, name: &'static str, value: &SecretString) {
        register(name, value);
    }

    /// The text with every secret the process has seen replaced (not only this run's: a later step
    /// can echo an earlier step's secret).
    pub fn redact(&self, text: &str) -> String {
        redact(text)
    }
}

/// How a secret is shown where its presence matters but its value must not appear:
/// `•••••••• (43 chars)`.
pub fn masked(value: &SecretString) -> String {
    format!("•••••••• ({} chars)", value.expose_secret().chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn redacts_every_occurrence_of_every_secret() {
        let r = Redactor::new()
            .with("access token", &secret("AT-123456"))
            .with("session token", &secret("ST-abcdef"));
        let text = "Invalid access token: AT-123456 (AT-123456) for ST-abcdef";
        let out = r.redact(text);
        assert_eq!(
            out,
            "Invalid access token: [redacted access token] ([redacted access token]) for \
                [redacted session token]"
        );
    }

    #[test]
    fn a_secret_containing_another_is_replaced_whole() {
        let r = Redactor::new()
            .with("short", &secret("abcd"))
            .with("long", &secret("xxabcdxx"));
        assert_eq!(r.redact("[xxabcdxx]"), "[[redacted long]]");
    }

    #[test]
    fn tiny_secrets_are_searched_for_only_in_tenant_text() {
        let r = Redactor::new().with("password", &secret("q7#"));
        assert_eq!(r.redact("xq7#x"), "xq7#x");
        assert_eq!(redact_tenant_text("xq7#x"), "x[redacted password]x");
    }

    #[test]
    fn every_encoding_of_a_secret_is_redacted() {
        let value = "tok/en+\"quoted\"\\é 1";
        register("access token", &secret(value));
        let json = serde_json::to_string(value).expect("json");
        let url: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
        let forms = [
            value.to_owned(),
            json.trim_matches('"').to_owned(),
            json.trim_matches('"').replace('/', "\\/"),
            url.clone(),
            url.replace('+', "%20"),
            url.to_lowercase(),
            STANDARD.encode(value),
            URL_SAFE_NO_PAD.encode(value),
        ];
        for form in forms {
            let out = redact(&format!("echo: {form} ."));
            assert_eq!(out, "echo: [redacted access token] .", "{form}");
        }
    }

    #[test]
    fn masked_shows_length_not_value() {
        let s = secret("top-secret-value");
        let m = masked(&s);
        assert!(m.contains("16 chars"));
        assert!(!m.contains("top-secret"));
    }

    #[test]
    fn debug_of_a_secret_does_not_leak_it() {
        let s = secret("top-secret-value");
        assert!(!format!("{s:?}").contains("top-secret"));
    }
}
