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
use rand::{Rng, SeedableRng};

use super::answers::{Shared, record_parts};

/// What the mock did to one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Injected {
    /// Answered as a healthy tenant.
    Nothing,
    /// HTTP 500 `IDAAS.TENANT.COM.0002` "system busy".
    Busy,
    /// Held the answer back for [`HANG`]: the client times out first.
    Hang,
    /// Answered correctly after a delay of 300–1200 ms.
    Slow,
}

/// Longer than any probe's timeout.
pub const HANG: Duration = Duration::from_secs(120);

/// The generator behind the choices, seeded for a repeatable run.
pub struct Dice(rand::rngs::StdRng);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Self(rand::rngs::StdRng::seed_from_u64(seed))
    }

    /// With probability `rate`, a misbehaviour (busy 40 %, hang 20 %, slow 40 %), and its delay.
    fn roll(&mut self, rate: f64) -> (Injected, Duration) {
        if self.0.random::<f64>() >= rate {
            return (Injected::Nothing, Duration::ZERO);
        }
        match self.0.random_range(0..10) {
            0..=3 => (Injected::Busy, Duration::ZERO),
            4..=5 => (Injected::Hang, HANG),
            _ => (
                Injected::Slow,
                Duration::from_millis(self.0.random_range(300..1200)),
            ),
        }
    }
}

/// What `--flaky RATE --flaky-seed SEED` will do to the first `n` SSO calls: for a test or a demo
/// to pick a seed that shows what it needs.
pub fn choices(rate: f64, seed: u64, n: usize) -> Vec<Injected> {
    let mut dice = Dice::new(seed);
    (0..n).map(|_| dice.roll(rate).0).collect()
}

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
        inner.injected.push(roll.0);
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
