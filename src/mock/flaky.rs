//! `mock --flaky RATE`: a share of the SSO calls misbehave the way a struggling tenant does —
//! "system busy" (HTTP 500), a hang past any client's patience, or a slow but correct answer — so
//! watch mode can be shown and tested. Choices come from a seeded generator and are remembered,
//! so a test can compare what a watch counted with what the mock did.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::answers::{Shared, record_parts};
use super::dice::Injected;

/// The middleware in front of the SSO endpoints.
pub(super) async fn flaky(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let rate = state.config().flaky;
    if rate <= 0.0 {
        return next.run(request).await;
    }
    let (injected, delay) = {
        let mut inner = state.lock();
        let roll = inner
            .dice
            .as_mut()
            .map_or((Injected::Nothing, Duration::ZERO), |d| d.roll(rate));
        if inner.injected.len() < super::state::LOGGED {
            inner.injected.push(roll.0);
        }
        roll
    };
    match injected {
        Injected::Busy => {
            let (parts, body) = request.into_parts();
            let bytes = axum::body::to_bytes(body, 64 * 1024)
                .await
                .unwrap_or_default();
            record_parts(&state, &parts, &bytes);
            let body = r#"{"error_code":"IDAAS.TENANT.COM.0002","error_msg":"system busy"}"#;
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [("content-type", "application/json")],
                Body::from(body),
            )
                .into_response()
        }
        Injected::Hang | Injected::Slow => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
        Injected::Nothing => next.run(request).await,
    }
}
