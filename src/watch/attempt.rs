//! One probe of a watch: where its time went, phase by phase, and how it ended.

use std::time::Duration;

use time::OffsetDateTime;

use crate::ciam::error::TimeoutPhase;
use crate::ciam::{CiamError, HttpRecord};
use crate::i18n::Lang;
use crate::tr;

/// The phases of one attempt, each measured on its own (not cumulative, unlike `curl -w`'s
/// `time_connect` and friends). `None`: the phase did not happen (a reused connection, plain http,
/// a failure before it).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Phases {
    pub dns: Option<Duration>,
    pub connect: Option<Duration>,
    pub tls: Option<Duration>,
    /// From the request sent to the first byte of the answer: the tenant's own time.
    pub first_byte: Option<Duration>,
    /// Reading the rest of the answer.
    pub body: Option<Duration>,
    /// The whole attempt, connection included.
    pub total: Duration,
}

/// The phases by name, in order, for tables, CSV and the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    Dns,
    Connect,
    Tls,
    FirstByte,
    /// Reading the rest of the answer.
    Body,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Dns,
        Phase::Connect,
        Phase::Tls,
        Phase::FirstByte,
        Phase::Body,
    ];

    /// A stable name for `--json` and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Dns => "dns",
            Phase::Connect => "connect",
            Phase::Tls => "tls",
            Phase::FirstByte => "first_byte",
            Phase::Body => "body",
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            Phase::Dns => tr!(lang, "watch-phase-dns"),
            Phase::Connect => tr!(lang, "watch-phase-connect"),
            Phase::Tls => tr!(lang, "watch-phase-tls"),
            Phase::FirstByte => tr!(lang, "watch-phase-first-byte"),
            Phase::Body => tr!(lang, "watch-phase-body"),
        }
    }
}

impl Phases {
    pub fn get(&self, phase: Phase) -> Option<Duration> {
        match phase {
            Phase::Dns => self.dns,
            Phase::Connect => self.connect,
            Phase::Tls => self.tls,
            Phase::FirstByte => self.first_byte,
            Phase::Body => self.body,
        }
    }

    /// The total less every phase: the probe's own time (building the request, the handshake of
    /// HTTP/1.1, reading the answer) — what the phases do not explain.
    pub fn overhead(&self) -> Duration {
        let phases: Duration = Phase::ALL.iter().filter_map(|p| self.get(*p)).sum();
        self.total.saturating_sub(phases)
    }
}

/// How an attempt ended, by whose problem it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The answer the API documents (a ticket, for an exchange).
    Ok,
    /// A 4xx (or a login status) with the tenant's code.
    Rejected { code: Option<String> },
    /// A 5xx with the tenant's code ("system busy").
    ServerError { code: Option<String> },
    /// The network failed in this phase (no DNS answer, refused, TLS, a proxy).
    Network { phase: Phase },
    /// No answer in time; `phase`: where it was waiting.
    Timeout { phase: Phase },
    /// An answer, but not what the API documents.
    Unexpected,
}

impl Outcome {
    /// How a call's error reads as a watch outcome; `phase` is where a network error struck.
    pub fn of(error: &CiamError, phase: Phase) -> Self {
        match error {
            CiamError::Rejected { code, .. } => Outcome::Rejected { code: code.clone() },
            CiamError::ServerError { code, .. } => Outcome::ServerError { code: code.clone() },
            CiamError::Timeout { phase: p, .. } => Outcome::Timeout {
                phase: match p {
                    TimeoutPhase::Connect => Phase::Connect,
                    TimeoutPhase::Total => phase,
                },
            },
            CiamError::Dns { .. } => Outcome::Network { phase: Phase::Dns },
            CiamError::Tls { .. } => Outcome::Network { phase: Phase::Tls },
            CiamError::Connect { .. }
            | CiamError::Proxy { .. }
            | CiamError::InvalidInput { .. } => Outcome::Network { phase },
            CiamError::UnexpectedResponse { .. } => Outcome::Unexpected,
        }
    }

    pub fn ok(&self) -> bool {
        *self == Outcome::Ok
    }

    /// The class: a stable name for `--json`, CSV and counting.
    pub fn class(&self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Rejected { .. } => "rejected",
            Outcome::ServerError { .. } => "server_error",
            Outcome::Network { .. } => "network",
            Outcome::Timeout { .. } => "timeout",
            Outcome::Unexpected => "unexpected",
        }
    }

    /// The tenant's code, if it gave one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Outcome::Rejected { code } | Outcome::ServerError { code } => code.as_deref(),
            _ => None,
        }
    }

    /// The command line's exit code for a watch whose most frequent failure this is (as for
    /// `exchange`: 3 network, 4 rejected, 5 server error, 6 unexpected).
    pub fn exit_code(&self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Network { .. } | Outcome::Timeout { .. } => 3,
            Outcome::Rejected { .. } => 4,
            Outcome::ServerError { .. } => 5,
            Outcome::Unexpected => 6,
        }
    }

    /// `ticket`, `rejected IDAAS.SDK.PARAM.0023`, `timeout (first byte)`… in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let l = lang;
        match self {
            Outcome::Ok => tr!(l, "watch-outcome-ok"),
            Outcome::Rejected { code } => {
                tr!(
                    l,
                    "watch-outcome-rejected",
                    code = code.clone().unwrap_or_default()
                )
            }
            Outcome::ServerError { code } => {
                tr!(
                    l,
                    "watch-outcome-server-error",
                    code = code.clone().unwrap_or_default()
                )
            }
            Outcome::Network { phase } => tr!(l, "watch-outcome-network", phase = phase.name(l)),
            Outcome::Timeout { phase } => tr!(l, "watch-outcome-timeout", phase = phase.name(l)),
            Outcome::Unexpected => tr!(l, "watch-outcome-unexpected"),
        }
    }
}

/// A failure class (`Outcome::class`) in words.
pub fn class_name(class: &str, lang: Lang) -> String {
    match class {
        "ok" => tr!(lang, "watch-class-ok"),
        "rejected" => tr!(lang, "watch-class-rejected"),
        "server_error" => tr!(lang, "watch-class-server-error"),
        "network" => tr!(lang, "watch-class-network"),
        "timeout" => tr!(lang, "watch-class-timeout"),
        _ => tr!(lang, "watch-class-unexpected"),
    }
}

/// One attempt of a watch.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// 1, 2, 3…
    pub number: u32,
    pub at: OffsetDateTime,
    pub phases: Phases,
    pub outcome: Outcome,
    pub status: Option<u16>,
    /// Whether it opened a connection of its own (with `reuse`, only the first does).
    pub new_connection: bool,
    /// The error, for a failure: its advice and evidence. Boxed, like the record: a long watch
    /// keeps thousands of attempts and these only for its latest failures.
    pub error: Option<Box<CiamError>>,
    /// The request and the answer, redacted. Kept by a watch for failures only, so a long watch
    /// stays small.
    pub record: Option<Box<HttpRecord>>,
}
