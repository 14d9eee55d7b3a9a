//! A finished step as the flow, the window and the report show it. Its one-line summary is
//! written here and nowhere else.

use time::OffsetDateTime;

use secrecy::ExposeSecret;

use super::{Answer, Call, CallOutcome, Step};
use crate::ciam::catalogue;
use crate::ciam::jwt::now_unix;
use crate::ciam::{CiamError, HttpRecord, SessionEnd};

#[derive(Debug, Clone)]
pub struct StepRecord {
    pub step: Step,
    /// When the answer (or the failure) arrived.
    pub at: OffsetDateTime,
    /// The evidence, already masked and redacted.
    pub record: HttpRecord,
    /// `ticket issued, valid for 300 s`, `failed: Session token rejected`…
    pub summary: String,
    pub error: Option<CiamError>,
    /// What worked but needs attention (`PASSWORD_WARN`: the password expires soon).
    pub warnings: Vec<String>,
    /// A refresh the tenant refused: did the session expire, or was it revoked?
    pub session_end: Option<SessionEnd>,
}

impl StepRecord {
    pub fn new(call: &Call, outcome: &CallOutcome, at: OffsetDateTime) -> Self {
        let error = match &outcome.result {
            Ok(answer) => implausible(answer, &outcome.record),
            Err(e) => Some(e.clone()),
        };
        let summary = match (&outcome.result, &error) {
            (_, Some(e)) => format!("failed: {}", e.advice().title),
            (Ok(answer), None) => summary(call, answer),
            (Err(_), None) => String::new(),
        };
        let warnings = match &outcome.result {
            Ok(Answer::Login(grant)) => grant.warning.iter().map(|w| warning(w)).collect(),
            _ => Vec::new(),
        };
        let session_end = match (&error, outcome.step) {
            (Some(CiamError::Rejected { .. }), Step::Refresh) => call
                .request()
                .secret_value("session_token")
                .map(|t| SessionEnd::of(t.expose_secret(), now_unix())),
            _ => None,
        };
        Self {
            step: outcome.step,
            at,
            record: outcome.record.clone(),
            summary,
            error,
            warnings,
            session_end,
        }
    }

    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// Whether a request went out (a bad CA file stops a call before it is sent).
    pub fn was_sent(&self) -> bool {
        !self.record.request.url.is_empty()
    }

    /// The HTTP status of the answer, if one arrived.
    pub fn http_status(&self) -> Option<u16> {
        self.record.response.as_ref().map(|r| r.status)
    }

    /// `HTTP 200`, `HTTP 400 IDAAS.SDK.PARAM.0023`, `timeout`… for lists.
    pub fn status(&self) -> String {
        match &self.error {
            None => self
                .http_status()
                .map(|s| format!("HTTP {s}"))
                .unwrap_or_else(|| "ok".into()),
            Some(e) => match (e.status(), e.code()) {
                (Some(s), Some(c)) => format!("HTTP {s} {c}"),
                (Some(s), None) => format!("HTTP {s}"),
                _ => e.kind().replace('_', " "),
            },
        }
    }
}

/// Longer than any ticket a tenant would issue; past it the answer is not what the API means.
pub const MAX_PLAUSIBLE_EXPIRE_SECS: u64 = 366 * 24 * 3600;

/// An answer that parsed but makes no sense: the step fails as "unexpected response", while the
/// front ends still show (and the flow keeps) what was issued.
fn implausible(answer: &Answer, record: &HttpRecord) -> Option<CiamError> {
    let Answer::Ticket(grant) = answer else {
        return None;
    };
    (grant.expire_secs > MAX_PLAUSIBLE_EXPIRE_SECS).then(|| CiamError::UnexpectedResponse {
        status: record.response.as_ref().map(|r| r.status),
        problem: format!(
            "\"expire\" is {} s, more than a year: no tenant issues a one-time ticket for that \
                long; the ticket is shown, but its lifetime cannot be trusted",
            grant.expire_secs
        ),
        body: record
            .response
            .as_ref()
            .map(|r| r.body.clone())
            .unwrap_or_default(),
    })
}

fn summary(call: &Call, answer: &Answer) -> String {
    let request = call.request();
    match answer {
        Answer::AccessToken(grant) => match grant.expires_in {
            Some(s) => format!("access token issued, valid for {s} s"),
            None => "access token issued".to_owned(),
        },
        Answer::Login(_) => format!(
            "{} logged in; session token bound to fingerprint {}",
            request.plain_field("user_name").unwrap_or("the user"),
            request.header_value("X-device-fingerprint").unwrap_or("?")
        ),
        Answer::Ticket(grant) => format!("ticket issued, valid for {} s", grant.expire_secs),
        Answer::User(user) => format!(
            "ticket redeemed: {}",
            user.display_name().unwrap_or("(no name)")
        ),
        Answer::Session(grant) => match grant.expire {
            Some(s) => format!("the session is alive: a new session token, valid for {s} s"),
            None => "the session is alive: a new session token".to_owned(),
        },
    }
}

/// A login status that logged the user in but needs attention, in words (from the catalogue).
fn warning(status: &str) -> String {
    match catalogue::lookup(status) {
        Some(entry) => format!("{}: {} {}", entry.en.title, entry.en.cause, entry.en.action),
        None => format!("the login answered status {status}"),
    }
}
