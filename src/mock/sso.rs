//! The SSO calls of the mock tenant (API.md (3)–(5)): exchange a session token for a ticket,
//! redeem a ticket, refresh a session — each as the scenario says a real tenant answers.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::IntoResponse;
use serde_json::json;

use super::VerifyShape;
use super::answers::{
    Rejection, Reply, Shared, business_error, check_client_id, id_token, record, sso_call,
};
use super::demo;
use super::scenario::Scenario;
use super::state::{IssuedTicket, Session, random_token};

/// The session `token` names, alive and bound to `fingerprint` — or the tenant's refusal, as the
/// scenario says a tenant answers.
fn live_session<'a>(
    sessions: &'a HashMap<String, Session>,
    token: &str,
    fingerprint: &str,
    scenario: Scenario,
) -> Result<&'a Session, Rejection> {
    let invalid = || {
        business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0023",
            "Invalid or expired session token",
        )
    };
    let session = sessions
        .get(token)
        .filter(|s| s.expires > Instant::now() && !s.revoked)
        .ok_or_else(invalid)?;
    if session.fingerprint != fingerprint {
        // What a real tenant may well do: the session is simply not found for this device.
        if scenario == Scenario::FingerprintAsInvalidSession {
            return Err(invalid());
        }
        return Err(business_error(
            StatusCode::BAD_REQUEST,
            "IDAAS.SDK.PARAM.0024",
            "Device fingerprint mismatch",
        ));
    }
    Ok(session)
}

/// API.md (3): session token → one-time SSO ticket.
pub(super) async fn exchange(
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
    let scenario = state.config().scenario;
    let mut inner = state.lock();
    let session = live_session(&inner.sessions, &call.credential, fingerprint, scenario)?;
    let user = session.user.clone();
    let ttl = state.config().ticket_ttl_secs;
    let ticket = random_token("ssoTicket-");
    super::state::forget_long_expired(&mut inner.tickets, now);
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

pub(super) const USER_ID: &str = "20251130000000001-DEMO";

/// API.md (4): ticket → user info, once.
pub(super) async fn verify(
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
        let (code, message) = match state.config().scenario {
            // Huawei's own spelling and words.
            Scenario::UsedTicket => ("PARAM.0032", "SSO ticket invalid or expired."),
            _ => ("IDAAS.SDK.PARAM.0025", "Invalid or expired sso_ticket"),
        };
        return Err(business_error(StatusCode::BAD_REQUEST, code, message));
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

/// API.md (5): a live session's token → a new one (the old one ends).
pub(super) async fn refresh(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    record(&state, &method, &uri, &headers, &body);
    let call = sso_call(&state, &headers, &body, "session_token")?;
    let scenario = state.config().scenario;
    let ttl = state.config().session_ttl_secs;
    let mut inner = state.lock();
    let old = live_session(
        &inner.sessions,
        &call.credential,
        &call.fingerprint,
        scenario,
    )?;
    let user = old.user.clone();
    inner.sessions.remove(&call.credential);
    let session_token = random_token("st-");
    inner.sessions.insert(
        session_token.clone(),
        Session {
            user,
            fingerprint: call.fingerprint.clone(),
            expires: Instant::now() + Duration::from_secs(ttl),
            revoked: false,
        },
    );
    Ok(Json(json!({
        "session_token": session_token,
        "expire": ttl,
        "id_token": id_token(demo::CLIENT_ID, USER_ID, ttl),
    }))
    .into_response())
}
