//! What goes on the wire and comes off it, whichever transport carries it: the tenant client
//! (reqwest) and watch mode's probe (its own connection, to time each phase) send the same headers
//! and read the same answer the same way.

use secrecy::ExposeSecret;
use serde_json::Value;

use super::answer::{credentials_hidden, error_fields, hide_credentials, not_json_problem};
use super::error::CiamError;
use super::record::{RequestRecord, ResponseRecord};
use super::request::{ApiRequest, BodyKind};
use super::tenant_url::TenantUrl;
use crate::secret::{masked, redact_tenant_text};

/// Huawei's gateway demands exactly this spelling; bccastle accepts it too (API.md (3)).
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf8";
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// A response's headers as evidence: values redacted (a tenant may echo a token in a header).
pub fn response_headers(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                redact_tenant_text(&String::from_utf8_lossy(v.as_bytes())),
            )
        })
        .collect()
}

/// The headers of `request` on the wire (`reveal`) or in the evidence (the token masked). A `GET`
/// has neither content type nor `Accept`: any answer will do.
pub fn wire_headers(request: &ApiRequest, reveal: bool) -> Vec<(String, String)> {
    let content_type = match request.body_kind {
        BodyKind::Json => Some(JSON_CONTENT_TYPE),
        BodyKind::Form => Some(FORM_CONTENT_TYPE),
        BodyKind::None => None,
    };
    let mut headers = Vec::new();
    if let Some(content_type) = content_type {
        headers.push(("Content-Type".to_owned(), content_type.to_owned()));
        headers.push(("Accept".to_owned(), "application/json".to_owned()));
    }
    if let Some(token) = &request.bearer {
        let shown = if reveal {
            token.expose_secret().to_owned()
        } else {
            masked(token)
        };
        headers.push(("Authorization".to_owned(), format!("Bearer {shown}")));
    }
    for (name, value) in &request.headers {
        headers.push(((*name).to_owned(), value.clone()));
    }
    headers
}

/// `request` as evidence: what was sent to `base`, secrets masked.
pub fn request_record(base: &TenantUrl, request: &ApiRequest) -> RequestRecord {
    RequestRecord {
        method: request.method().to_owned(),
        url: base.endpoint(request.path).to_string(),
        headers: wire_headers(request, false),
        body: request.body(false),
    }
}

/// An answer read off any transport, as evidence and as the API means it: a redirect, a body over
/// `cap`, a non-JSON 2xx, a 4xx and a 5xx each classified. `headers` are already redacted.
pub fn interpret(
    status: u16,
    headers: Vec<(String, String)>,
    bytes: &[u8],
    over_cap: bool,
    cap: usize,
) -> (ResponseRecord, Result<Value, CiamError>) {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let raw = String::from_utf8_lossy(bytes);
    let json = serde_json::from_str::<Value>(&raw).ok();
    // What is kept and shown: the body as received, with new credentials in the answer (a token,
    // a ticket) remembered first so they are cut out with every other secret. `json` keeps them
    // for parsing.
    let shown = as_received(&raw, json.as_ref());
    let text = shown.clone();
    let record = ResponseRecord {
        status,
        headers: headers.clone(),
        body: shown,
    };
    let fail = |error: CiamError| (record.clone(), Err(error));

    if over_cap {
        return fail(CiamError::UnexpectedResponse {
            status: Some(status),
            problem: format!(
                "the body is larger than the {} KiB limit; stopped reading",
                cap / 1024
            ),
            body: String::new(),
        });
    }
    if (300..400).contains(&status) {
        let location = header("location").unwrap_or_else(|| "no Location header".to_owned());
        return fail(CiamError::UnexpectedResponse {
            status: Some(status),
            problem: format!("redirect to {location} (not followed)"),
            body: text,
        });
    }
    if (200..300).contains(&status) {
        return match json {
            Some(value) => (record.clone(), Ok(value)),
            None => fail(CiamError::UnexpectedResponse {
                status: Some(status),
                problem: not_json_problem(header("content-type").as_deref(), &text),
                body: text,
            }),
        };
    }
    let (code, message) = json.as_ref().map(error_fields).unwrap_or((None, None));
    let code = code.map(|c| redact_tenant_text(&c));
    let message = message.map(|m| redact_tenant_text(&m));
    if status >= 500 {
        fail(CiamError::ServerError {
            status,
            code,
            message,
            body: text,
        })
    } else {
        fail(CiamError::Rejected {
            status,
            code,
            message,
            body: text,
        })
    }
}

/// The body as the tenant sent it, every secret cut out in place. A tenant may escape characters
/// of an echoed secret (`\u0041`, `\/`) so that only the decoded text shows it: when the decoded
/// strings of the redacted body still hold a secret, or a credential field was not cut out, the
/// body is written out again from its decoded value instead — a changed body, never a leak.
fn as_received(raw: &str, json: Option<&Value>) -> String {
    let Some(value) = json else {
        return redact_tenant_text(raw);
    };
    // Remembers the answer's credentials (tokens, tickets) before anything is redacted.
    let hidden = hide_credentials(value);
    let redacted = redact_tenant_text(raw);
    let clean = serde_json::from_str::<Value>(&redacted)
        .is_ok_and(|v| credentials_hidden(&v) && !holds_secret(&v));
    if clean {
        redacted
    } else {
        redact_tenant_text(&serde_json::to_string(&hidden).unwrap_or_default())
    }
}

/// Whether any key or string of `value`, decoded, still holds a secret this process knows.
fn holds_secret(value: &Value) -> bool {
    let leaks = |s: &str| redact_tenant_text(s) != s;
    match value {
        Value::String(s) => leaks(s),
        Value::Array(items) => items.iter().any(holds_secret),
        Value::Object(map) => map.iter().any(|(k, v)| leaks(k) || holds_secret(v)),
        _ => false,
    }
}
