//! The mock tenant's memory: issued access tokens, sessions bound to their login fingerprint,
//! one-time tickets, failed-login counts, and a log of the first requests for the tests. A mock
//! left running for days (`--demo --watch`, `sso-diag mock` under a watch) stays small: the log
//! stops at [`LOGGED`] requests and tickets are forgotten two minutes after they expired.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rand::Rng;

use super::demo;
use super::dice::{Dice, Injected};
use super::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyShape {
    /// bccastle: `{id, userName, name, mobile, email}`
    Flat,
    /// Huawei: `{code, message, data: {user: {…}}}`
    Envelope,
}

#[derive(Debug, Clone)]
pub struct MockConfig {
    pub ticket_ttl_secs: u64,
    pub access_token_ttl_secs: u64,
    pub session_ttl_secs: u64,
    pub verify_shape: VerifyShape,
    /// The fingerprint the demo session token is bound to: by default this machine's, so that
    /// `sso-diag exchange` with detected device values works against the demo session.
    pub demo_fingerprint: String,
    /// How the tenant answers (`sso-diag mock --scenario`).
    pub scenario: Scenario,
    /// The share of SSO calls that misbehave (`sso-diag mock --flaky`), 0 to 1.
    pub flaky: f64,
    /// The seed of those choices.
    pub flaky_seed: u64,
}

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            ticket_ttl_secs: 300,
            access_token_ttl_secs: 1800,
            session_ttl_secs: 604_800,
            verify_shape: VerifyShape::Flat,
            demo_fingerprint: crate::device::machine_fingerprint().0,
            scenario: Scenario::Normal,
            flaky: 0.0,
            flaky_seed: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// Header names lower-case, values as received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RecordedRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub(super) struct Session {
    pub user: String,
    pub fingerprint: String,
    pub expires: Instant,
    /// Ended by the tenant before its time (scenario `session-revoked`).
    pub revoked: bool,
}

pub(super) struct IssuedTicket {
    pub user: String,
    pub fingerprint: String,
    pub expires: Instant,
    pub used: bool,
}

#[derive(Default)]
pub(super) struct Inner {
    pub access_tokens: HashMap<String, Instant>,
    pub sessions: HashMap<String, Session>,
    pub tickets: HashMap<String, IssuedTicket>,
    pub failed_logins: HashMap<String, u32>,
    pub requests: Vec<RecordedRequest>,
    /// What `--flaky` did to each SSO call, in order.
    pub injected: Vec<Injected>,
    pub dice: Option<Dice>,
    /// The echo scenario: every credential an answer carried, in order.
    pub issued: Vec<String>,
}

pub(super) struct MockState {
    config: MockConfig,
    inner: Mutex<Inner>,
}

/// The requests (and `--flaky` choices) logged for the tests; later ones are not.
pub const LOGGED: usize = 2_000;
/// How long an expired ticket is still known as expired (rather than unknown).
const EXPIRED_KEPT: Duration = Duration::from_secs(120);

/// Forgets the tickets that expired over two minutes ago (looked for once every 256 tickets).
pub(super) fn forget_long_expired(tickets: &mut HashMap<String, IssuedTicket>, now: Instant) {
    if tickets.len() % 256 == 255 {
        tickets.retain(|_, t| t.expires + EXPIRED_KEPT > now);
    }
}

/// Far in the future, for the demo credentials that never expire.
const FOREVER: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

impl MockState {
    pub fn new(config: MockConfig) -> Self {
        let now = Instant::now();
        let mut inner = Inner::default();
        inner
            .access_tokens
            .insert(demo::ACCESS_TOKEN.to_owned(), now + FOREVER);
        inner.sessions.insert(
            demo::SESSION_TOKEN.to_owned(),
            Session {
                user: demo::USER_NAME.to_owned(),
                fingerprint: config.demo_fingerprint.clone(),
                expires: now + FOREVER,
                revoked: config.scenario == Scenario::SessionRevoked,
            },
        );
        inner.dice = Some(Dice::new(config.flaky_seed));
        Self {
            config,
            inner: Mutex::new(inner),
        }
    }

    pub fn config(&self) -> &MockConfig {
        &self.config
    }

    /// The state survives a panicking handler: a poisoned lock is still usable for a mock.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    pub fn injected(&self) -> Vec<Injected> {
        self.lock().injected.clone()
    }

    pub fn issued(&self) -> Vec<String> {
        self.lock().issued.clone()
    }
}

/// `prefix` + 32 random letters and digits.
pub(super) fn random_token(prefix: &str) -> String {
    let tail: String = rand::rng()
        .sample_iter(&rand::distr::Alphanumeric)
        .take(32)
        .map(char::from)
        .collect();
    format!("{prefix}{tail}")
}
