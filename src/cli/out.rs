//! Everything the command line prints goes through here. Each line is redacted against every
//! secret the process has seen and has its control characters escaped, so neither an echoed token
//! nor a tenant's escape sequence reaches the terminal; JSON is redacted value by value.
//!
//! The only way to print a credential is [`reveal`], for what the user asked to see (the ticket,
//! `--print-token`): its value is escaped, never redacted.

use serde_json::Value;

use crate::secret::redact;
use crate::text::{escape_controls, escape_json_text};

/// One line of standard output.
pub fn line(text: impl AsRef<str>) {
    println!("{}", escape_controls(&redact(text.as_ref())));
}

/// One line of standard error.
pub fn eline(text: impl AsRef<str>) {
    eprintln!("{}", escape_controls(&redact(text.as_ref())));
}

/// `label` and a credential the user asked to see, on standard output.
pub fn reveal(label: &str, value: &str) {
    println!(
        "{}{}",
        escape_controls(&redact(label)),
        escape_controls(value)
    );
}

/// `value` as one line of JSON on standard output: every string redacted but those under a key in
/// `reveal`; C1 controls, DEL and the bidirectional controls escaped too (JSON itself only
/// escapes C0).
pub fn json(value: &Value, reveal: &[&str]) {
    let redacted = redact_json(value, reveal);
    let text = serde_json::to_string(&redacted).unwrap_or_default();
    println!("{}", escape_json_text(&text));
}

fn redact_json(value: &Value, reveal: &[&str]) -> Value {
    match value {
        Value::String(s) => Value::String(redact(s)),
        Value::Array(items) => Value::Array(items.iter().map(|v| redact_json(v, reveal)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if reveal.contains(&k.as_str()) {
                        v.clone()
                    } else {
                        redact_json(v, reveal)
                    };
                    (redact(k), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}
