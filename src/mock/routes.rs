//! The mock tenant's endpoints, answering exactly as API.md describes, errors included.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use super::VerifyShape;
use super::demo;
use super::state::{IssuedTicket, MockState, RecordedRequest, Session, random_token};

type Shared = Arc<MockState>;

pub(super) fn router(state: Shared) -> Router {
    Router::new()
        .route("/api/v2/tenant/token", post(token))
        .route("/api/v2/sdk/login", post(login))
        .route(
            "/api/v2/tenant/sso/session-token/sso-ticket",
            post(exchange),
        )
        .route("/api/v2/tenant/sso/sso-ticket/verify", post(verify))
        .fallback(not_found)
        .with_state(state)
}

fn record(state: &MockState, method: &Method, uri: &Uri, headers: &HeaderMap, body: &Bytes) {
    let headers = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    state.lock().requests.push(RecordedRequest {
        method: method.to_string(),
        path: uri.to_string(),
        headers,
        body: body.to_vec(),
    });
}

/// An error answer in one of API.md's two shapes; handlers return it with `?`.
struct Rejection(StatusCode, Value);

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

type Reply = Result<Response, Rejection>;

fn business_error(status: StatusCode, code: &str, msg: &str) -> Rejection {
    Rejection(status, json!({"error_code": code, "error_msg": msg}))
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Rejection {
    Rejection(
        status,
        json!({"error": error, "error_description": description}),
    )
}

fn blank(name: &str) -> Rejection {
    business_error(
        StatusCode::BAD_REQUEST,
        "IDAAS.SDK.PARAM.0001",
        &format!("Parameter {name} cannot be left blank"),
    )
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// An id_token shaped like the tenant's (a JWT); its signature is random bytes, as the client never
/// checks it.
fn id_token(audience: &str, subject: &str, ttl: u64) -> String {
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
fn check_bearer(state: &MockState, headers: &HeaderMap) -> Result<(), Rejection> {
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

fn json_object(body: &Bytes) -> Result<Map<String, Value>, Rejection> {
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
fn required<'a>(body: &'a Map<String, Value>, name: &str) -> Result<&'a str, Rejection> {
    match body.get(name).and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(blank(name)),
    }
}

/// What the SSO calls (3) and (4) share, checked in the order the tenant does: the bearer, the
/// JSON body, the credential field (`session_token` or `sso_ticket`), then the device fields.
struct SsoCall {
    body: Map<String, Value>,
    credential: String,
    fingerprint: String,
}

fn sso_call(
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

fn check_client_id(body: &Map<String, Value>) -> Result<(), Rejection> {
    match body.get("client_id").and_then(Value::as_str) {
        Some(id) if id != demo::CLIENT_ID => Err(business_error(
            StatusCode::BAD_REQUEST,
            "APP.0001",
            "Application does not exist",
        )),
        _ => Ok(()),
    }
}

/// API.md (1): client credentials → access token.
async fn token(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    record(&state, &method, &uri, &headers, &body);
    let form: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    if field("grant_type") != "client_credentials" {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("Unsupported grant type: {}", field("grant_type")),
        ));
    }
    if field("client_id") != demo::CLIENT_ID || field("client_secret") != demo::CLIENT_SECRET {
        return Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Bad client credentials",
        ));
    }
    let ttl = state.config().access_token_ttl_secs;
    let access_token = random_token("at-");
    state.lock().access_tokens.insert(
        access_token.clone(),
        Instant::now() + Duration::from_secs(ttl),
    );
    Ok(Json(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": ttl,
        "scope": "all",
        "id_token": id_token(demo::CLIENT_ID, demo::CLIENT_ID, ttl),
    }))
    .into_response())
}

/// API.md (2): user name + password with device headers → session token bound to the fingerprint.
async fn login(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    record(&state, &method, &uri, &headers, &body);
    let header = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    match header("x-client-id") {
        None => {
            return Err(business_error(
                StatusCode::BAD_REQUEST,
                "APP.0002",
                "Application ID required",
            ));
        }
        Some(id) if id != demo::CLIENT_ID => {
            return Err(business_error(
                StatusCode::BAD_REQUEST,
                "APP.0001",
                "Application does not exist",
            ));
        }
        Some(_) => {}
    }
    let mut device = Vec::new();
    for name in ["X-device-fingerprint", "X-operating-sys-version", "X-agent"] {
        device.push(
            header(&name.to_ascii_lowercase())
                .ok_or_else(|| blank(name))?
                .to_owned(),
        );
    }
    let body = json_object(&body)?;
    let user = required(&body, "user_name")?.to_owned();
    let password = required(&body, "password")?.to_owned();
    let mut inner = state.lock();
    if user != demo::USER_NAME || password != demo::PASSWORD {
        let failures = inner.failed_logins.entry(user).or_insert(0);
        *failures += 1;
        let remaining = 10u32.saturating_sub(*failures);
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "LOGIN.0002",
            &format!("Invalid account name or password. Remaining attempts: {remaining}."),
        ));
    }
    inner.failed_logins.remove(&user);
    let ttl = state.config().session_ttl_secs;
    let session_token = random_token("st-");
    inner.sessions.insert(
        session_token.clone(),
        Session {
            user,
            fingerprint: device[0].clone(),
            expires: Instant::now() + Duration::from_secs(ttl),
        },
    );
    Ok(Json(json!({
        "status": "SUCCESS",
        "session_token": session_token,
        "id_token": id_token(demo::CLIENT_ID, USER_ID, ttl),
        "expire": ttl,
    }))
    .into_response())
}

/// API.md (3): session token → one-time SSO ticket.
async fn exchange(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    record(&state, &method, &uri, &headers, &body);
    let call = sso_call(&state, &headers, &body, "session_token")?;
    check_client_id(&call.body)?;
    let fingerprint = call.fingerprint.as_str();
    let now = Instant::now();
    let mut inner = state.lock();
    let Some(session) = inner
        .sessions
        .get(&call.credential)
        .filter(|s| s.expires > now)
    else {
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0023",
            "Invalid or expired session token",
        ));
    };
    if session.fingerprint != fingerprint {
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0024",
            "Device fingerprint mismatch",
        ));
    }
    let user = session.user.clone();
    let ttl = state.config().ticket_ttl_secs;
    let ticket = random_token("ssoTicket-");
    inner.tickets.insert(
        ticket.clone(),
        IssuedTicket {
            user,
            fingerprint: fingerprint.to_owned(),
            expires: now + Duration::from_secs(ttl),
            used: false,
        },
    );
    Ok(Json(json!({"expire": ttl, "sso_ticket": ticket})).into_response())
}

const USER_ID: &str = "20251130000000001-DEMO";

/// API.md (4): ticket → user info, once.
async fn verify(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    record(&state, &method, &uri, &headers, &body);
    let call = sso_call(&state, &headers, &body, "sso_ticket")?;
    let fingerprint = call.fingerprint.as_str();
    let now = Instant::now();
    let mut inner = state.lock();
    let Some(issued) = inner
        .tickets
        .get_mut(&call.credential)
        .filter(|t| !t.used && t.expires > now)
    else {
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0025",
            "Invalid or expired sso_ticket",
        ));
    };
    if issued.fingerprint != fingerprint {
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0024",
            "Device fingerprint mismatch",
        ));
    }
    issued.used = true;
    let user = json!({
        "id": USER_ID,
        "userName": issued.user,
        "name": "张伟 (Demo User)",
        "mobile": "+86-13800000000",
        "email": "demo.user@example.com",
    });
    match state.config().verify_shape {
        VerifyShape::Flat => Ok(Json(user).into_response()),
        VerifyShape::Envelope => Ok(Json(
            json!({"code": "0", "message": "success", "data": {"user": user}}),
        )
        .into_response()),
    }
}

async fn not_found(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    record(&state, &method, &uri, &headers, &body);
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error_code": "IDAAS.COM.0404", "error_msg": format!("No such API: {}", uri.path())})),
    )
        .into_response()
}
