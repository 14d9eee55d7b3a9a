//! Secrets and their redaction.
//!
//! Tokens, client secrets and passwords travel as [`SecretString`] (its `Debug` prints nothing), so
//! every place that needs the real value has to call `expose_secret()` where a reviewer can see it.
//! Tenants echo tokens back in error messages, so any text that came from the network goes through a
//! [`Redactor`] before it is shown, logged or printed.

use std::sync::{LazyLock, RwLock};

use secrecy::{ExposeSecret, SecretString};

/// Every secret this process has handled, for redacting log lines whatever their source.
static SEEN: LazyLock<RwLock<Redactor>> = LazyLock::new(|| RwLock::new(Redactor::default()));
/// Enough for every token of a long session; past it the oldest are dropped.
const SEEN_LIMIT: usize = 512;

/// Redacts `text` against every secret this process has seen (see [`Redactor::add`]).
pub fn global_redact(text: &str) -> String {
    match SEEN.read() {
        Ok(r) => r.redact(text),
        // A poisoned lock still holds the secrets.
        Err(p) => p.into_inner().redact(text),
    }
}

fn remember(name: &'static str, value: &SecretString) {
    let mut seen = match SEEN.write() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if seen
        .secrets
        .iter()
        .any(|s| s.value.expose_secret() == value.expose_secret())
    {
        return;
    }
    if seen.secrets.len() >= SEEN_LIMIT {
        seen.secrets.remove(0);
    }
    seen.insert(name, value);
}

/// Secrets shorter than this are not searched for in text: a 2-character "token" would redact
/// every occurrence of those letters and make the evidence unreadable. Such a token is rejected as
/// input anyway.
const MIN_REDACTABLE_LEN: usize = 4;

/// One secret value and the name it is replaced with in text, e.g. `access token`.
struct NamedSecret {
    name: &'static str,
    value: SecretString,
}

/// Replaces every known secret value in a piece of text with `[redacted NAME]`.
#[derive(Default)]
pub struct Redactor {
    secrets: Vec<NamedSecret>,
}

impl Redactor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a secret to look for. Empty or very short values are ignored (see [`MIN_REDACTABLE_LEN`]).
    pub fn with(mut self, name: &'static str, value: &SecretString) -> Self {
        self.add(name, value);
        self
    }

    /// Adds a secret; it is also remembered process-wide, so no log line can carry it.
    pub fn add(&mut self, name: &'static str, value: &SecretString) {
        if value.expose_secret().chars().count() >= MIN_REDACTABLE_LEN {
            remember(name, value);
            self.insert(name, value);
        }
    }

    fn insert(&mut self, name: &'static str, value: &SecretString) {
        if value.expose_secret().chars().count() >= MIN_REDACTABLE_LEN {
            self.secrets.push(NamedSecret {
                name,
                value: value.clone(),
            });
            // Longest first, so a secret that contains another is replaced whole.
            self.secrets
                .sort_by_key(|s| std::cmp::Reverse(s.value.expose_secret().len()));
        }
    }

    /// The text with every secret replaced. The result never contains any of the secrets.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            let value = secret.value.expose_secret();
            if out.contains(value) {
                out = out.replace(value, &format!("[redacted {}]", secret.name));
            }
        }
        out
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
    fn tiny_secrets_are_not_searched_for() {
        let r = Redactor::new().with("token", &secret("ab"));
        assert_eq!(r.redact("abab"), "abab");
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
