//! How a run ended, in one place: the last step's outcome (the latest call of each step), as the
//! report's verdict and `--json`'s say it.

use super::HandOver;
use crate::ciam::{CiamError, UserInfo};
use crate::i18n::Lang;
use crate::step::{Step, StepRecord};
use crate::tr;

/// How the run ended: the last step's outcome.
pub enum Verdict<'r> {
    Nothing,
    /// The last step worked; `user` is whom a redeemed ticket belonged to.
    Success {
        last: &'r StepRecord,
        user: Option<String>,
    },
    Failure {
        record: &'r StepRecord,
        error: &'r CiamError,
    },
}

impl<'r> Verdict<'r> {
    fn of(steps: &[&'r StepRecord], user: Option<&UserInfo>) -> Self {
        let Some(last) = steps.last() else {
            return Verdict::Nothing;
        };
        match &last.error {
            Some(error) => Verdict::Failure {
                record: last,
                error,
            },
            None => Verdict::Success {
                last,
                user: user
                    .and_then(UserInfo::display_name)
                    .or(last.user_name())
                    .map(str::to_owned),
            },
        }
    }

    /// The verdict in one line, for a success.
    fn success_text(&self, lang: Lang) -> String {
        let l = lang;
        let Verdict::Success { last, user } = self else {
            return tr!(l, "report-nothing-run");
        };
        match (user, last.step) {
            (Some(user), Step::Redeem) if !user.is_empty() => {
                tr!(l, "report-ticket-redeemed-for", user = user.as_str())
            }
            (_, Step::Redeem) => tr!(l, "report-ticket-redeemed"),
            (_, Step::Exchange) => tr!(l, "report-ticket-issued"),
            (_, step) => tr!(
                l,
                "report-step-done",
                step = step.title(l),
                summary = last.summary(l)
            ),
        }
    }
}

impl<'a> HandOver<'a> {
    pub fn verdict(&self) -> Verdict<'a> {
        Verdict::of(&self.latest_steps(), self.user)
    }
}

impl Verdict<'_> {
    /// The verdict as a title: the failure's, or the success in one line.
    pub fn title(&self, lang: Lang) -> String {
        match self {
            Verdict::Failure { record, error } => {
                record
                    .advice(lang)
                    .unwrap_or_else(|| error.advice(lang))
                    .title
            }
            verdict => verdict.success_text(lang),
        }
    }

    /// The step it speaks of.
    pub fn step(&self) -> Option<Step> {
        match self {
            Verdict::Nothing => None,
            Verdict::Success { last, .. } => Some(last.step),
            Verdict::Failure { record, .. } => Some(record.step),
        }
    }

    pub fn ok(&self) -> bool {
        !matches!(self, Verdict::Failure { .. })
    }
}
