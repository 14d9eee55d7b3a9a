//! Reading what a tenant answered: which fields carry new credentials (hidden in the evidence),
//! where the error code and message sit in each documented error shape, and how to describe a
//! body that is not JSON.

use serde_json::Value;

use crate::secret::register_answer_secrets;

/// Fields of the tenant's answers that carry credentials.
const CREDENTIAL_FIELDS: [(&str, &str); 6] = [
    ("access_token", "access token"),
    ("session_token", "session token"),
    ("id_token", "id_token"),
    ("refresh_token", "refresh token"),
    ("sso_ticket", "ticket"),
    // A login that needs a second factor answers with one instead of a session token.
    ("state_token", "state token"),
];

/// A copy of `value` with every credential field's string replaced by `[redacted …]`; the values
/// are remembered process-wide, at most [`crate::secret::MAX_SECRETS_PER_ANSWER`] of them per
/// answer, shallowest first — the documented fields sit at the top, so an answer stuffed with
/// hundreds of nested ones can neither crowd them out nor push earlier secrets out.
pub(super) fn hide_credentials(value: &Value) -> Value {
    register_answer_secrets(credentials_by_depth(value));
    hidden(value)
}

/// Every credential field's value in `value`, breadth first.
fn credentials_by_depth(value: &Value) -> Vec<(&'static str, &str)> {
    let mut found = Vec::new();
    let mut level = vec![value];
    while !level.is_empty() {
        let mut next = Vec::new();
        for value in level {
            match value {
                Value::Object(map) => {
                    for (k, v) in map {
                        match (credential_name(k), v) {
                            (Some(name), Value::String(secret)) => {
                                found.push((name, secret.as_str()))
                            }
                            _ => next.push(v),
                        }
                    }
                }
                Value::Array(items) => next.extend(items),
                _ => {}
            }
        }
        level = next;
    }
    found
}

fn credential_name(field: &str) -> Option<&'static str> {
    CREDENTIAL_FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, name)| *name)
}

fn hidden(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let shown = match (credential_name(k), v) {
                        (Some(name), Value::String(secret)) if !secret.is_empty() => {
                            Value::String(format!("[redacted {name}]"))
                        }
                        _ => hidden(v),
                    };
                    (k.clone(), shown)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(hidden).collect()),
        other => other.clone(),
    }
}

/// Whether every credential field of `value` is empty or already cut out (`[redacted …]`).
pub(super) fn credentials_hidden(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().all(|(k, v)| {
            let credential = CREDENTIAL_FIELDS.iter().any(|(field, _)| field == k);
            match v {
                Value::String(s) if credential => s.is_empty() || s.starts_with("[redacted "),
                _ => credentials_hidden(v),
            }
        }),
        Value::Array(items) => items.iter().all(credentials_hidden),
        _ => true,
    }
}

/// `error_code`/`error_msg` (business errors) or `error`/`error_description` (OAuth), else the
/// Huawei envelope's `code`/`message`.
pub(super) fn error_fields(value: &Value) -> (Option<String>, Option<String>) {
    let text = |k: &str| {
        value.get(k).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let pairs = [
        ("error_code", "error_msg"),
        ("error", "error_description"),
        ("code", "message"),
    ];
    for (c, m) in pairs {
        if text(c).is_some() || text(m).is_some() {
            return (text(c), text(m));
        }
    }
    (None, None)
}

pub(super) fn not_json_problem(content_type: Option<&str>, text: &str) -> String {
    let start: String = text.trim_start().chars().take(40).collect();
    match content_type {
        Some(ct) if !ct.to_ascii_lowercase().starts_with("application/json") => {
            format!("the body is {ct}, not JSON (starts with {start:?})")
        }
        _ => format!("the body is not valid JSON (starts with {start:?})"),
    }
}
