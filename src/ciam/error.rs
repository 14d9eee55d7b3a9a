//! Every way a call to the tenant can fail, told apart the way a support engineer needs:
//! whose problem it is (input, network, tenant), the evidence, and what to try.
//!
//! The plain-language advice for each lives in `advice.rs`, which builds on this file.
//!
//! All text in here has already been through the [`crate::secret::Redactor`]: errors are built by
//! the client after redaction, so they can be shown, logged and printed as they are.

use std::time::Duration;

use crate::i18n::Message;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CiamError {
    /// An input was refused before anything was sent.
    #[error("{field}: {problem}")]
    InvalidInput { field: String, problem: Message },

    #[error("could not resolve {host}: {detail}")]
    Dns { host: String, detail: String },

    /// Refused, reset or unreachable.
    #[error("could not connect to {target}: {detail}")]
    Connect { target: String, detail: String },

    #[error("no answer within {} s ({phase})", after.as_secs_f32())]
    Timeout {
        phase: TimeoutPhase,
        after: Duration,
    },

    /// The proxy between this machine and the tenant failed (refused the tunnel, answered 502…):
    /// not the tenant's doing.
    #[error("the proxy could not open a connection to {target}: {detail}")]
    Proxy { target: String, detail: String },

    #[error("TLS failed with {host}: {detail}")]
    Tls { host: String, detail: String },

    /// A 4xx with (usually) the tenant's own error code.
    #[error("{}", rejection_text(*status, code.as_deref(), message.as_deref()))]
    Rejected {
        status: u16,
        code: Option<String>,
        message: Option<String>,
        body: String,
    },

    /// A 5xx.
    #[error("{}", rejection_text(*status, code.as_deref(), message.as_deref()))]
    ServerError {
        status: u16,
        code: Option<String>,
        message: Option<String>,
        body: String,
    },

    /// Not the documented answer: not JSON, wrong shape, a redirect, a body over the cap.
    #[error("unexpected response{}: {problem}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    UnexpectedResponse {
        status: Option<u16>,
        problem: String,
        body: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeoutPhase {
    Connect,
    Total,
}

impl std::fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TimeoutPhase::Connect => "while connecting",
            TimeoutPhase::Total => "for the whole request",
        })
    }
}

fn rejection_text(status: u16, code: Option<&str>, message: Option<&str>) -> String {
    match (code, message) {
        (Some(c), Some(m)) => format!("HTTP {status} {c}: {m}"),
        (Some(c), None) => format!("HTTP {status} {c}"),
        (None, Some(m)) => format!("HTTP {status}: {m}"),
        (None, None) => format!("HTTP {status}"),
    }
}

impl CiamError {
    /// `field`: the name advice words it by (`advice::field_name`); `problem`: what is wrong.
    pub fn invalid_input(field: &str, problem: Message) -> Self {
        CiamError::InvalidInput {
            field: field.to_owned(),
            problem,
        }
    }

    /// A stable machine-readable name, used in `--json` output.
    pub fn kind(&self) -> &'static str {
        match self {
            CiamError::InvalidInput { .. } => "invalid_input",
            CiamError::Dns { .. } => "dns",
            CiamError::Connect { .. } => "connect",
            CiamError::Proxy { .. } => "proxy",
            CiamError::Timeout { .. } => "timeout",
            CiamError::Tls { .. } => "tls",
            CiamError::Rejected { .. } => "rejected",
            CiamError::ServerError { .. } => "server_error",
            CiamError::UnexpectedResponse { .. } => "unexpected_response",
        }
    }

    /// The command line's exit code for this error (documented in README.md).
    pub fn exit_code(&self) -> u8 {
        match self {
            CiamError::InvalidInput { .. } => 2,
            CiamError::Dns { .. }
            | CiamError::Connect { .. }
            | CiamError::Proxy { .. }
            | CiamError::Timeout { .. }
            | CiamError::Tls { .. } => 3,
            CiamError::Rejected { .. } => 4,
            CiamError::ServerError { .. } => 5,
            CiamError::UnexpectedResponse { .. } => 6,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            CiamError::Rejected { status, .. } | CiamError::ServerError { status, .. } => {
                Some(*status)
            }
            CiamError::UnexpectedResponse { status, .. } => *status,
            _ => None,
        }
    }

    /// The tenant's `error_code` (or OAuth `error`).
    pub fn code(&self) -> Option<&str> {
        match self {
            CiamError::Rejected { code, .. } | CiamError::ServerError { code, .. } => {
                code.as_deref()
            }
            _ => None,
        }
    }

    /// The tenant's `error_msg` (or OAuth `error_description`), else our own description.
    pub fn message(&self) -> String {
        match self {
            CiamError::Rejected {
                message: Some(m), ..
            }
            | CiamError::ServerError {
                message: Some(m), ..
            } => m.clone(),
            other => other.to_string(),
        }
    }

    /// The raw response body, when there was one.
    pub fn body(&self) -> Option<&str> {
        match self {
            CiamError::Rejected { body, .. }
            | CiamError::ServerError { body, .. }
            | CiamError::UnexpectedResponse { body, .. } => Some(body),
            _ => None,
        }
    }

    /// `HTTP 400 · IDAAS.SDK.PARAM.0023 · Invalid or expired session token`: what the tenant said,
    /// in one line.
    pub fn evidence(&self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status() {
            parts.push(format!("HTTP {status}"));
        }
        if let Some(code) = self.code() {
            parts.push(code.to_owned());
        }
        parts.push(self.message());
        parts.join(" · ")
    }
}
