//! The mock tenant's routes (API.md (1)–(5)): one handler per endpoint, the SSO calls in
//! `sso.rs`, the shared checks and answer shapes in `answers.rs`.

use std::time::{Duration, Instant};

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use super::answers::{
    Reply, Shared, blank, business_error, id_token, json_object, oauth_error, record, required,
};
use super::demo;
use super::echo::echo;
use super::flaky::flaky;
use super::scenario::{LOCK_AFTER, LOCKED_MESSAGE, Scenario};
use super::sso::{USER_ID, exchange, refresh, verify};
use super::state::{Session, random_token};

pub(super) fn router(state: Shared) -> Router {
    Router::new()
        .route("/api/v2/tenant/token", post(token))
        .route("/api/v2/sdk/login", post(login))
        .route(
            "/api/v2/tenant/sso/session-token/sso-ticket",
            post(exchange).layer(from_fn_with_state(state.clone(), flaky)),
        )
        .route(
            "/api/v2/tenant/sso/session-token/refresh",
            post(refresh).layer(from_fn_with_state(state.clone(), flaky)),
        )
        .route(
            "/api/v2/tenant/sso/sso-ticket/verify",
            post(verify).layer(from_fn_with_state(state.clone(), flaky)),
        )
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), echo))
        .with_state(state)
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
    let scenario = state.config().scenario;
    let mut inner = state.lock();
    let failures = inner.failed_logins.get(&user).copied().unwrap_or(0);
    if scenario == Scenario::Locked || failures >= LOCK_AFTER {
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "LOGIN.0001",
            LOCKED_MESSAGE,
        ));
    }
    let wrong = scenario == Scenario::WrongPassword;
    if wrong || user != demo::USER_NAME || password != demo::PASSWORD {
        let failures = inner.failed_logins.entry(user).or_insert(0);
        *failures += 1;
        let remaining = LOCK_AFTER.saturating_sub(*failures);
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "LOGIN.0002",
            &format!("Invalid account name or password. Remaining attempts: {remaining}."),
        ));
    }
    inner.failed_logins.remove(&user);
    // The statuses by which a tenant refuses the login: no session token comes.
    let refused = match scenario {
        Scenario::Mfa => Some("MFA_AUTH"),
        Scenario::PasswordExpired => Some("PASSWORD_EXPIRED"),
        Scenario::AccessDenied => Some("ACCESS_DENIED"),
        _ => None,
    };
    if let Some(status) = refused {
        let mut answer = json!({"status": status});
        if scenario == Scenario::Mfa {
            answer["state_token"] = json!(random_token("state-"));
        }
        return Ok(Json(answer).into_response());
    }
    let ttl = state.config().session_ttl_secs;
    let session_token = if scenario == Scenario::SessionRevoked {
        // A JWT whose own expiry is still ahead: the refresh can tell "revoked".
        id_token(demo::CLIENT_ID, USER_ID, ttl)
    } else {
        random_token("st-")
    };
    inner.sessions.insert(
        session_token.clone(),
        Session {
            user,
            fingerprint: device[0].clone(),
            expires: Instant::now() + Duration::from_secs(ttl),
            revoked: scenario == Scenario::SessionRevoked,
        },
    );
    let status = match scenario {
        Scenario::PasswordWarn => "PASSWORD_WARN",
        _ => "SUCCESS",
    };
    Ok(Json(json!({
        "status": status,
        "session_token": session_token,
        "id_token": id_token(demo::CLIENT_ID, USER_ID, ttl),
        "expire": ttl,
    }))
    .into_response())
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
