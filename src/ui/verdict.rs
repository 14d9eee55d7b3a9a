//! What the result area shows: the ticket counting down, a failure with its advice, a finished
//! check, a step that filled a field.

use std::time::Duration;

use super::job::Operation;
use crate::check::CheckReport;
use crate::ciam::Advice;
use crate::ciam::{CiamError, SessionEnd, UserInfo};
use crate::i18n::Lang;
use crate::step::{Cause, StepRecord};
use crate::ticket::Ticket;

pub struct TicketView {
    pub ticket: Ticket,
    pub round_trip: Duration,
    /// Set once redeemed: the ticket is then used up.
    pub user: Option<UserInfo>,
    pub redeem_error: Option<Failure>,
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
        failure: Failure,
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

/// A call that failed, and the cause the evidence points at.
pub struct Failure {
    pub error: CiamError,
    pub cause: Option<Cause>,
}

impl Failure {
    /// An error with no more to it (an input refused before anything was sent).
    pub fn of(error: CiamError) -> Self {
        Self { error, cause: None }
    }

    /// The advice, the cause the evidence points at first.
    pub fn advice(&self, lang: Lang) -> Advice {
        match &self.cause {
            Some(cause) => cause.advise(&self.error, lang),
            None => self.error.advice(lang),
        }
    }
}
