//! The work the window hands to the background, and what comes back. No egui, no I/O here: the
//! worker runs a `Job`, the session model takes in its `JobResult`.

use crate::check::CheckReport;
use crate::ciam::{ClientOptions, TenantUrl};
use crate::step::{Call, CallOutcome, Step};

/// What a button (or a shortcut) starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Call(Step),
    /// Redeem a ticket the engineer was handed (not the one on screen).
    RedeemGiven,
    Check,
}

impl Operation {
    pub fn title(self) -> &'static str {
        match self {
            Operation::Call(step) => step.title(),
            Operation::RedeemGiven => "Redeem a ticket handed over",
            Operation::Check => "Connection check",
        }
    }

    /// The button's name, for the history list and the cards.
    pub fn short(self) -> &'static str {
        match self {
            Operation::Call(step) => step.short(),
            Operation::RedeemGiven => "Redeem ticket",
            Operation::Check => "Check",
        }
    }
}

/// One piece of work for the background.
#[derive(Clone)]
pub enum Job {
    Call(Call),
    Check,
}

/// A finished job's result.
pub enum JobResult {
    Call(Box<CallOutcome>),
    Check(CheckReport),
}

/// A job with everything checked and assembled once, before a byte is sent: the tenant parsed,
/// the CA file read, the request built.
#[derive(Clone)]
pub struct PreparedCall {
    pub tenant: TenantUrl,
    pub options: ClientOptions,
    pub job: Job,
}

impl PreparedCall {
    pub fn call(&self) -> Option<&Call> {
        match &self.job {
            Job::Call(call) => Some(call),
            Job::Check => None,
        }
    }
}
