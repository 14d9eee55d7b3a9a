//! What the result area shows: the ticket counting down, a failure with its advice, a finished
//! check, a step that filled a field.

use std::time::Duration;

use super::job::Operation;
use crate::check::CheckReport;
use crate::ciam::{CiamError, SessionEnd, UserInfo};
use crate::step::StepRecord;
use crate::ticket::Ticket;

pub struct TicketView {
    pub ticket: Ticket,
    pub round_trip: Duration,
    /// Set once redeemed: the ticket is then used up.
    pub user: Option<UserInfo>,
    pub redeem_error: Option<CiamError>,
    /// The exchange issued the ticket, but its answer was not what the API means (a lifetime
    /// beyond any real ticket's).
    pub problem: Option<CiamError>,
}

/// What the result area shows.
#[derive(Default)]
pub enum Verdict {
    #[default]
    Nothing,
    Ticket(Box<TicketView>),
    Failed {
        operation: Operation,
        error: CiamError,
        /// What the failure means beyond its advice (a refresh: expired or revoked?).
        note: Option<SessionEnd>,
    },
    Cancelled {
        operation: Operation,
        after: Duration,
    },
    Check(CheckReport),
    /// A step that worked and filled a field (Get token, Log in, Refresh); its record says what
    /// needs attention (a password that expires soon).
    Done(Box<StepRecord>),
    /// A ticket handed over, redeemed: whose it is.
    User(Box<UserInfo>),
}
