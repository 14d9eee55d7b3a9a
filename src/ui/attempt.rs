//! What the window remembers of this session's calls: the history (one entry per call, with its
//! evidence) and the verdict the result area shows.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::check::CheckReport;
use crate::ciam::client::ApiRequest;
use crate::ciam::{CiamError, HttpRecord, TenantUrl, UserInfo};
use crate::flow::Step;
use crate::ticket::Ticket;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Call(Step),
    Check,
}

impl Operation {
    pub fn title(self) -> &'static str {
        match self {
            Operation::Call(step) => step.title(),
            Operation::Check => "Connection check",
        }
    }

    /// A short name for the history list.
    pub fn short(self) -> &'static str {
        match self {
            Operation::Call(Step::AccessToken) => "Get token",
            Operation::Call(Step::Login) => "Log in",
            Operation::Call(Step::Exchange) => "Exchange",
            Operation::Call(Step::Redeem) => "Redeem",
            Operation::Check => "Check",
        }
    }
}

/// One call of this session, with its evidence.
pub struct HistoryEntry {
    pub at: OffsetDateTime,
    pub operation: Operation,
    /// `HTTP 200`, `HTTP 400 IDAAS.SDK.PARAM.0023`, `timeout`, `cancelled`…
    pub status: String,
    pub ok: bool,
    pub duration: Duration,
    pub record: Option<HttpRecord>,
    /// The request as built, for "Copy as curl" (its secrets never leave memory).
    pub request: Option<(TenantUrl, ApiRequest)>,
    pub error: Option<CiamError>,
    pub summary: String,
}

pub struct TicketView {
    pub ticket: Ticket,
    pub round_trip: Duration,
    /// Set once redeemed: the ticket is then used up.
    pub user: Option<UserInfo>,
    pub redeem_error: Option<CiamError>,
}

/// What the result area shows.
pub enum Verdict {
    Nothing,
    Ticket(Box<TicketView>),
    Failed {
        operation: Operation,
        error: CiamError,
    },
    Cancelled {
        operation: Operation,
        after: Duration,
    },
    Check(CheckReport),
    /// A step that worked and filled a field (Get token, Log in).
    Done(String),
}

/// The call in flight.
pub struct Running {
    pub id: u64,
    pub operation: Operation,
    pub started: Instant,
    pub request: Option<(TenantUrl, ApiRequest)>,
}
