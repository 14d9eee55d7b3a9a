//! What the mock's handlers share: the request log, API.md's two error shapes, and the checks
//! every tenant call makes (bearer, JSON body, required fields, device fields).

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use std::sync::Arc;

use super::demo;
use super::state::{MockState, RecordedRequest, random_token};

pub(super) type Shared = Arc<MockState>;

pub(super) fn record(
    state: &MockState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) {
    let headers = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut inner = state.lock();
    // The log is for the tests; a mock left running for days (`--demo --watch`) stops logging.
    if inner.requests.len() < super::state::LOGGED {
        inner.requests.push(RecordedRequest {
            method: method.to_string(),
            path: uri.to_string(),
            headers,
            body: body.to_vec(),
        });
    }
}

/// As [`record`], from a request taken apart (the flaky middleware answers before any handler).
pub(super) fn record_parts(state: &MockState, parts: &axum::http::request::Parts, body: &Bytes) {
    record(state, &parts.method, &parts.uri, &parts.headers, body);
}

/// An error answer in one of API.md's two shapes; handlers return it with `?`.
pub(super) struct Rejection(pub StatusCode, pub Value);

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

pub(super) type Reply = Result<Response, Rejection>;

pub(super) fn business_error(status: StatusCode, code: &str, msg: &str) -> Rejection {
    Rejection(status, json!({"error_code": code, "error_msg": msg}))
}

pub(super) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Rejection {
    Rejection(
        status,
        json!({"error": error, "error_description": description}),
    )
}

pub(super) fn blank(name: &str) -> Rejection {
    business_error(
        StatusCode::BAD_REQUEST,
        "IDAAS.SDK.PARAM.0001",
        &format!("Parameter {name} cannot be left blank"),
    )
}

pub(super) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// An id_token shaped like the tenant's (a JWT); its signature is random bytes, as the client never
/// checks it.
pub(super) fn id_token(audience: &str, subject: &str, ttl: u64) -> String {
    let iat = now_secs();
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": "mock"});
    let claims = json!({
        "iss": "https://mock-tenant.sso-diag.invalid",
        "aud": audience,
        "sub": subject,
        "iat": iat,
        "exp": iat + ttl,
    });
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    let signature = URL_SAFE_NO_PAD.encode(random_token("sig"));
    format!("{}.{}.{}", part(&header), part(&claims), signature)
}

/// Checks `Authorization: Bearer …`; an unknown token is echoed back, as real tenants do.
pub(super) fn check_bearer(state: &MockState, headers: &HeaderMap) -> Result<(), Rejection> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let valid = state
        .lock()
        .access_tokens
        .get(&token)
        .is_some_and(|expires| *expires > Instant::now());
    if valid {
        Ok(())
    } else {
        Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            &format!("Invalid access token: {token}"),
        ))
    }
}

pub(super) fn json_object(body: &Bytes) -> Result<Map<String, Value>, Rejection> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0002",
            "Request body is not valid JSON",
        )),
    }
}

/// A required, non-blank string field of the body.
pub(super) fn required<'a>(body: &'a Map<String, Value>, name: &str) -> Result<&'a str, Rejection> {
    match body.get(name).and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(blank(name)),
    }
}

/// What the SSO calls (3) and (4) share, checked in the order the tenant does: the bearer, the
/// JSON body, the credential field (`session_token` or `sso_ticket`), then the device fields.
pub(super) struct SsoCall {
    pub body: Map<String, Value>,
    pub credential: String,
    pub fingerprint: String,
}

pub(super) fn sso_call(
    state: &MockState,
    headers: &HeaderMap,
    body: &Bytes,
    credential: &str,
) -> Result<SsoCall, Rejection> {
    check_bearer(state, headers)?;
    let body = json_object(body)?;
    let credential = required(&body, credential)?.to_owned();
    for name in ["operating_sys_version", "device_ip"] {
        required(&body, name)?;
    }
    let fingerprint = required(&body, "device_fingerprint")?.to_owned();
    Ok(SsoCall {
        body,
        credential,
        fingerprint,
    })
}

pub(super) fn check_client_id(body: &Map<String, Value>) -> Result<(), Rejection> {
    match body.get("client_id").and_then(Value::as_str) {
        Some(id) if id != demo::CLIENT_ID => Err(business_error(
            StatusCode::BAD_REQUEST,
            "APP.0001",
            "Application does not exist",
        )),
        _ => Ok(()),
    }
}
