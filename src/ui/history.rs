//! What the window remembers of this session's calls: the history, one entry per call with its
//! evidence.

use std::time::Duration;

use time::OffsetDateTime;

use super::job::Operation;
use crate::ciam::{HttpRecord, TenantUrl};
use crate::i18n::Lang;
use crate::step::{Call, StepRecord};
use crate::tr;

/// One entry of the history list.
pub enum HistoryEntry {
    /// A call to the tenant: its record, and the call as sent (for "Copy as curl"; not in a case
    /// file, which keeps only the redacted record).
    Call {
        record: Box<StepRecord>,
        sent: Option<Box<(TenantUrl, Call)>>,
    },
    Check {
        at: OffsetDateTime,
        duration: Duration,
        passed: usize,
        total: usize,
    },
    Cancelled {
        operation: Operation,
        at: OffsetDateTime,
        after: Duration,
        sent: Option<Box<(TenantUrl, Call)>>,
    },
}

impl HistoryEntry {
    pub fn operation(&self) -> Operation {
        match self {
            HistoryEntry::Call { record, .. } => Operation::Call(record.step),
            HistoryEntry::Check { .. } => Operation::Check,
            HistoryEntry::Cancelled { operation, .. } => *operation,
        }
    }

    pub fn at(&self) -> OffsetDateTime {
        match self {
            HistoryEntry::Call { record, .. } => record.at,
            HistoryEntry::Check { at, .. } | HistoryEntry::Cancelled { at, .. } => *at,
        }
    }

    pub fn duration(&self) -> Duration {
        match self {
            HistoryEntry::Call { record, .. } => record.record.elapsed,
            HistoryEntry::Check { duration, .. } => *duration,
            HistoryEntry::Cancelled { after, .. } => *after,
        }
    }

    pub fn ok(&self) -> bool {
        match self {
            HistoryEntry::Call { record, .. } => record.ok(),
            HistoryEntry::Check { passed, total, .. } => passed == total,
            HistoryEntry::Cancelled { .. } => false,
        }
    }

    /// `HTTP 200`, `HTTP 400 IDAAS.SDK.PARAM.0023`, `4 of 5 passed`, `cancelled`…
    pub fn status(&self, lang: Lang) -> String {
        match self {
            HistoryEntry::Call { record, .. } => record.status(lang),
            HistoryEntry::Check { passed, total, .. } => {
                tr!(
                    lang,
                    "history-check-passed",
                    passed = *passed as u64,
                    total = *total as u64
                )
            }
            HistoryEntry::Cancelled { .. } => tr!(lang, "history-cancelled"),
        }
    }

    pub fn summary(&self, lang: Lang) -> String {
        match self {
            HistoryEntry::Call { record, .. } => record.summary(lang),
            HistoryEntry::Check { passed, total, .. } if passed == total => {
                tr!(lang, "history-check-works")
            }
            HistoryEntry::Check { .. } => tr!(lang, "history-check-failed"),
            HistoryEntry::Cancelled { .. } => tr!(lang, "history-cancelled-by-you"),
        }
    }

    /// The step's record, when a request went out.
    pub fn step_record(&self) -> Option<&StepRecord> {
        match self {
            HistoryEntry::Call { record, .. } if record.was_sent() => Some(record),
            _ => None,
        }
    }

    /// The evidence, when a request went out.
    pub fn http_record(&self) -> Option<&HttpRecord> {
        self.step_record().map(|r| &r.record)
    }

    /// The call as built, for "Copy as curl".
    pub fn sent(&self) -> Option<&(TenantUrl, Call)> {
        match self {
            HistoryEntry::Call { sent, .. } | HistoryEntry::Cancelled { sent, .. } => {
                sent.as_deref()
            }
            HistoryEntry::Check { .. } => None,
        }
    }
}
