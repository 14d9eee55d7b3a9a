//! A finished step as the flow, the window and the report show it. Its one-line summary is
//! written here and nowhere else.

use time::OffsetDateTime;

use secrecy::ExposeSecret;

use super::diagnosis::{Cause, diagnose};
use super::{Answer, Call, CallOutcome, Step};
use crate::ciam::jwt::now_unix;
use crate::ciam::{Advice, catalogue};
use crate::ciam::{CiamError, HttpRecord, SessionEnd};
use crate::i18n::Lang;
use crate::tr;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StepRecord {
    pub step: Step,
    /// When the answer (or the failure) arrived.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The evidence, already masked and redacted.
    pub record: HttpRecord,
    /// What the answer said, for the one-line summary ([`StepRecord::summary`]).
    said: Said,
    pub error: Option<CiamError>,
    /// Login statuses that logged the user in but need attention (`PASSWORD_WARN`), in words by
    /// [`StepRecord::warnings`].
    pub warning_statuses: Vec<String>,
    /// A refresh the tenant refused: did the session expire, or was it revoked?
    pub session_end: Option<SessionEnd>,
    /// A refused session or ticket: the cause the evidence points at.
    #[serde(default)]
    pub cause: Option<Cause>,
}

impl StepRecord {
    pub fn new(call: &Call, outcome: &CallOutcome, at: OffsetDateTime) -> Self {
        let error = match &outcome.result {
            Ok(answer) => implausible(answer, &outcome.record),
            Err(e) => Some(e.clone()),
        };
        let said = match &outcome.result {
            Ok(answer) => Said::of(call, answer),
            Err(_) => Said::Nothing,
        };
        let warning_statuses = match &outcome.result {
            Ok(Answer::Login(grant)) => grant.warning.iter().cloned().collect(),
            _ => Vec::new(),
        };
        let cause = error.as_ref().and_then(|e| diagnose(call, e));
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
            said,
            error,
            warning_statuses,
            session_end,
            cause,
        }
    }

    /// What went wrong and what to do, in `lang`, the cause the evidence points at first; `None`
    /// for a step that worked.
    pub fn advice(&self, lang: Lang) -> Option<Advice> {
        let error = self.error.as_ref()?;
        Some(match &self.cause {
            Some(cause) => cause.advise(error, lang),
            None => error.advice(lang),
        })
    }

    /// `ticket issued, valid for 300 s`, `failed: Session token rejected`… in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let l = lang;
        if let Some(advice) = self.advice(l) {
            return tr!(l, "summary-failed", title = advice.title);
        }
        match &self.said {
            Said::Nothing => String::new(),
            Said::AccessToken {
                expires_in: Some(s),
            } => tr!(l, "summary-access-token-for", seconds = *s),
            Said::AccessToken { expires_in: None } => tr!(l, "summary-access-token"),
            Said::Login { user, fingerprint } => tr!(
                l,
                "summary-logged-in",
                user = user.clone().unwrap_or_else(|| tr!(l, "summary-the-user")),
                fingerprint = fingerprint.as_str()
            ),
            Said::Ticket { expire_secs } => tr!(l, "summary-ticket", seconds = *expire_secs),
            Said::User { name: Some(name) } => tr!(l, "summary-redeemed", name = name.as_str()),
            Said::User { name: None } => tr!(l, "summary-redeemed-no-name"),
            Said::Session { expire: Some(s) } => tr!(l, "summary-session-alive-for", seconds = *s),
            Said::Session { expire: None } => tr!(l, "summary-session-alive"),
            Said::Reached { status } => tr!(l, "summary-reached", status = *status),
        }
    }

    /// Whose ticket a redeem found, as the tenant named the user.
    pub fn user_name(&self) -> Option<&str> {
        match &self.said {
            Said::User { name } => name.as_deref(),
            _ => None,
        }
    }

    /// What worked but needs attention, in words: a login status from the catalogue, and after
    /// a refresh, that the token it replaced may have ended with it.
    pub fn warnings(&self, lang: Lang) -> Vec<String> {
        let mut warnings: Vec<String> = (self.warning_statuses.iter())
            .map(|s| warning(s, lang))
            .collect();
        if self.step == Step::Refresh && self.ok() {
            warnings.push(tr!(lang, "warning-old-session-token"));
        }
        warnings
    }

    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// Whether a request went out (a bad CA file stops a call before it is sent).
    pub fn was_sent(&self) -> bool {
        !self.record.request.url.is_empty()
    }

    /// The tenant's own error code, if it gave one.
    pub fn tenant_code(&self) -> Option<&str> {
        self.error.as_ref()?.code()
    }

    /// The HTTP status of the answer, if one arrived.
    pub fn http_status(&self) -> Option<u16> {
        self.record.response.as_ref().map(|r| r.status)
    }

    /// `HTTP 200`, `HTTP 400 IDAAS.SDK.PARAM.0023`, `timeout`… for lists, in `lang`.
    pub fn status(&self, lang: Lang) -> String {
        let l = lang;
        match &self.error {
            None => self
                .http_status()
                .map(|s| format!("HTTP {s}"))
                .unwrap_or_else(|| tr!(l, "status-ok")),
            Some(e) => match (e.status(), e.code()) {
                (Some(s), Some(c)) => format!("HTTP {s} {c}"),
                (Some(s), None) => format!("HTTP {s}"),
                _ => match e {
                    CiamError::InvalidInput { .. } => tr!(l, "status-invalid-input"),
                    CiamError::Dns { .. } => tr!(l, "status-dns"),
                    CiamError::Connect { .. } => tr!(l, "status-connect"),
                    CiamError::Proxy { .. } => tr!(l, "status-proxy"),
                    CiamError::Timeout { .. } => tr!(l, "status-timeout"),
                    CiamError::Tls { .. } => tr!(l, "status-tls"),
                    _ => tr!(l, "status-unexpected"),
                },
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

/// The facts of an answer its summary is written from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "said", rename_all = "snake_case")]
enum Said {
    Nothing,
    AccessToken {
        expires_in: Option<u64>,
    },
    Login {
        user: Option<String>,
        fingerprint: String,
    },
    Ticket {
        expire_secs: u64,
    },
    User {
        name: Option<String>,
    },
    Session {
        expire: Option<u64>,
    },
    Reached {
        status: u16,
    },
}

impl Said {
    fn of(call: &Call, answer: &Answer) -> Self {
        let request = call.request();
        match answer {
            Answer::AccessToken(grant) => Said::AccessToken {
                expires_in: grant.expires_in,
            },
            Answer::Login(_) => Said::Login {
                user: request.plain_field("user_name").map(str::to_owned),
                fingerprint: request
                    .header_value("X-device-fingerprint")
                    .unwrap_or("?")
                    .to_owned(),
            },
            Answer::Ticket(grant) => Said::Ticket {
                expire_secs: grant.expire_secs,
            },
            Answer::User(user) => Said::User {
                name: user.display_name().map(str::to_owned),
            },
            Answer::Session(grant) => Said::Session {
                expire: grant.expire,
            },
            Answer::Reached { status } => Said::Reached { status: *status },
        }
    }
}

/// A login status that logged the user in but needs attention, in words (from the catalogue).
fn warning(status: &str, lang: Lang) -> String {
    match catalogue::lookup(status) {
        Some(entry) => {
            let text = entry.text(lang, &tr!(lang, "advice-wait-default"));
            tr!(
                lang,
                "warning-from-catalogue",
                title = text.title,
                cause = text.cause,
                action = text.action
            )
        }
        None => tr!(lang, "warning-status", status = status),
    }
}
