//! `mock --scenario echo`: a tenant that echoes every credential it receives — the bearer token,
//! the client secret, the password, the session token, the ticket — back in every answer, in the
//! encodings real servers use (raw, JSON `\u` escapes, URL-encoding with `%20` and lowercase hex,
//! base64 and base64url, hex, HTML character references). Its answers are otherwise the normal
//! ones, so a whole flow (or a watch of it) runs, and every sink can be searched for a leak.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::Value;

use super::answers::Shared;
use super::scenario::Scenario;

/// Far above any answer of the mock's.
const MAX_BODY: usize = 1024 * 1024;

/// The fields of a request body (JSON or form) that carry a credential.
const CREDENTIAL_FIELDS: [&str; 5] = [
    "session_token",
    "sso_ticket",
    "password",
    "client_secret",
    "refresh_token",
];

/// The fields of an answer that carry a credential the tenant issued.
const ISSUED_FIELDS: [&str; 5] = [
    "access_token",
    "session_token",
    "id_token",
    "sso_ticket",
    "state_token",
];

/// Every form a credential is echoed in.
pub fn echoed_forms(secret: &str) -> Vec<String> {
    let url: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    vec![
        secret.to_owned(),
        secret
            .encode_utf16()
            .map(|u| format!("\\u{u:04x}"))
            .collect(),
        lowercase_escapes(&url.replace('+', "%20")),
        STANDARD.encode(secret),
        URL_SAFE_NO_PAD.encode(secret),
        secret.bytes().map(|b| format!("{b:02X}")).collect(),
        secret.chars().map(|c| format!("&#{};", c as u32)).collect(),
        secret
            .chars()
            .map(|c| format!("&#x{:x};", c as u32))
            .collect(),
    ]
}

/// `%2F` → `%2f`: the escapes' hex in lowercase, the secret's own letters as they are.
fn lowercase_escapes(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut hex_left = 0;
    for c in url.chars() {
        if c == '%' {
            hex_left = 2;
            out.push(c);
        } else if hex_left > 0 {
            hex_left -= 1;
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The credentials a request carried.
fn credentials(headers: &axum::http::HeaderMap, body: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(token) = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        found.push(token.to_owned());
    }
    let json: Value = serde_json::from_slice(body).unwrap_or_default();
    let form: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    for field in CREDENTIAL_FIELDS {
        if let Some(v) = json.get(field).and_then(Value::as_str) {
            found.push(v.to_owned());
        }
        found.extend(
            form.iter()
                .filter(|(k, _)| k == field)
                .map(|(_, v)| v.clone()),
        );
    }
    found.retain(|s| !s.is_empty());
    found
}

/// The middleware in front of every endpoint: in the echo scenario, adds `"echo"` to each JSON
/// answer and the same text to its error message, and keeps every credential an answer issued
/// (for a test to search every sink for).
pub(super) async fn echo(State(state): State<Shared>, request: Request, next: Next) -> Response {
    if state.config().scenario != Scenario::Echo {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .unwrap_or_default();
    let echo: Vec<String> = credentials(&parts.headers, &bytes)
        .iter()
        .flat_map(|s| echoed_forms(s))
        .collect();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .unwrap_or_default();
    let Ok(Value::Object(mut answer)) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let issued = ISSUED_FIELDS
        .iter()
        .filter_map(|f| answer.get(*f).and_then(Value::as_str));
    state.lock().issued.extend(issued.map(str::to_owned));
    if echo.is_empty() {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let echo = format!("you sent: {}", echo.join(" "));
    for message in ["error_msg", "error_description"] {
        if let Some(Value::String(text)) = answer.get_mut(message) {
            text.push_str(&format!(" ({echo})"));
        }
    }
    answer.insert("echo".to_owned(), Value::String(echo));
    let bytes = Bytes::from(Value::Object(answer).to_string());
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}
