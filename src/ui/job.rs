//! The work the window hands to the background, and what comes back. No egui, no I/O here: the
//! worker runs a `Job`, the session model takes in its `JobResult`.

use std::path::PathBuf;
use std::time::Instant;

use crate::check::CheckReport;
use crate::ciam::{CiamError, ClientOptions, TenantUrl};
use crate::i18n::Lang;
use crate::step::{Call, CallOutcome, Step};
use crate::tr;

/// What a button (or a shortcut) starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Call(Step),
    /// Redeem a ticket the engineer was handed (not the one on screen).
    RedeemGiven,
    Check,
}

impl Operation {
    pub fn title(self, lang: Lang) -> String {
        match self {
            Operation::Call(step) => step.title(lang),
            Operation::RedeemGiven => tr!(lang, "operation-redeem-given"),
            Operation::Check => tr!(lang, "operation-check"),
        }
    }

    /// The button's name, for the history list and the cards.
    pub fn short(self, lang: Lang) -> String {
        match self {
            Operation::Call(step) => step.short(lang),
            Operation::RedeemGiven => tr!(lang, "button-redeem-ticket"),
            Operation::Check => tr!(lang, "button-check"),
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
    /// Refused before anything was sent: the CA file could not be read.
    Refused(CiamError),
}

/// A job with everything checked and assembled once, before a byte is sent: the tenant parsed,
/// the request built. The CA file is only named: the background reads it (never the UI thread).
#[derive(Clone)]
pub struct PreparedCall {
    pub tenant: TenantUrl,
    pub options: ClientOptions,
    pub ca_file: Option<PathBuf>,
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

/// A watch as the window starts it: the tenant, its options, what each probe sends, and the plan.
pub struct WatchJob {
    pub tenant: TenantUrl,
    pub options: ClientOptions,
    pub ca_file: Option<PathBuf>,
    pub target: crate::watch::Target,
    pub plan: crate::watch::Plan,
    pub reuse_connection: bool,
}

/// The call in flight.
pub struct Running {
    pub id: u64,
    pub operation: Operation,
    pub started: Instant,
    pub prepared: PreparedCall,
}
