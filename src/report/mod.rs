//! The hand-over: every document a run is handed to a vendor in — the Markdown report, the HAR,
//! the case file, the watch report and its chart, the command line's `--json` — printed from one
//! value, the [`HandOver`]: the setting (built once, from the device as sent), the step records
//! and the watch's attempts. Like ripgrep's printers over one stream of results, no document
//! re-derives a fact, so no two can differ on one. Nothing outside this module assembles any of
//! them; every one is redacted last, against every secret the process has seen.

pub mod case;
pub mod chart_png;
pub mod curl;
mod har;
pub mod json;
mod markdown;
mod setting;
mod verdict;
mod watch;

pub use case::Case;
pub use curl::curl_command;
pub use setting::{FrontEnd, Setting};
pub use verdict::Verdict;
pub use watch::WatchReport;

use crate::ciam::UserInfo;
use crate::step::StepRecord;
use crate::watch::{Attempt, Summary};

/// One run (or one window's session) as it is handed over.
pub struct HandOver<'a> {
    pub setting: Setting,
    /// Every call, in the order it ran.
    pub steps: Vec<&'a StepRecord>,
    /// Whose ticket a redeem found.
    pub user: Option<&'a UserInfo>,
    /// A watch's summary and the attempts it kept.
    pub watch: Option<WatchRun<'a>>,
}

/// What a watch adds up to, and the attempts it kept (oldest first).
pub struct WatchRun<'a> {
    pub summary: &'a Summary,
    pub attempts: Vec<&'a Attempt>,
}

impl<'a> HandOver<'a> {
    pub fn new(setting: Setting, steps: impl IntoIterator<Item = &'a StepRecord>) -> Self {
        Self {
            setting,
            steps: steps.into_iter().collect(),
            user: None,
            watch: None,
        }
    }

    pub fn with_user(mut self, user: Option<&'a UserInfo>) -> Self {
        self.user = user;
        self
    }

    pub fn with_watch(
        mut self,
        summary: &'a Summary,
        attempts: impl Iterator<Item = &'a Attempt>,
    ) -> Self {
        self.watch = Some(WatchRun {
            summary,
            attempts: attempts.collect(),
        });
        self
    }

    /// Whether there is anything to hand over: a call that went out, or a watch's attempt.
    pub fn is_empty(&self) -> bool {
        !self.steps.iter().any(|s| s.was_sent())
            && self.watch.as_ref().is_none_or(|w| w.attempts.is_empty())
    }

    /// The latest call of each step, in the order they ran: what the Markdown report and its
    /// verdict speak of (a window may have run the exchange five times).
    fn latest_steps(&self) -> Vec<&'a StepRecord> {
        let mut latest: Vec<(usize, &'a StepRecord)> = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            latest.retain(|(_, s)| s.step != step.step);
            latest.push((i, step));
        }
        latest.into_iter().map(|(_, s)| s).collect()
    }
}
