//! One probe of a watch: where its time went, phase by phase, and how it ended.

use time::OffsetDateTime;

use crate::ciam::CiamError;
use crate::ciam::error::TimeoutPhase;
pub use crate::ciam::timing::{Phase, Phases};
use crate::i18n::Lang;
use crate::step::StepRecord;
use crate::tr;

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
    /// Where the attempt's time went: each phase added up over its calls (a flow makes three),
    /// `total` the whole attempt.
    pub phases: Phases,
    pub outcome: Outcome,
    pub status: Option<u16>,
    /// Whether it opened a connection of its own (with `reuse`, only the first does).
    pub new_connection: bool,
    /// Every call it made, with its evidence (request, answer, timing, error). A watch keeps them
    /// for its latest failures only, so a long watch stays small: empty once given up.
    pub calls: Vec<StepRecord>,
}

impl Attempt {
    /// The error of the call that failed, while the evidence is kept.
    pub fn error(&self) -> Option<&CiamError> {
        self.calls.last()?.error.as_ref()
    }

    /// Whether the evidence (the calls) is still kept.
    pub fn has_evidence(&self) -> bool {
        !self.calls.is_empty()
    }

    /// Gives the evidence up, keeping the counts and times.
    pub fn forget_evidence(&mut self) {
        self.calls = Vec::new();
    }
}
