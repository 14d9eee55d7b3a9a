//! One vocabulary for a step of API.md's login flow, shared by the command line's flow, the
//! window, the report (and later watch mode and HAR export):
//!
//! - [`Step`]: which step (token, login, exchange, redeem) and the words for it, in one table;
//! - [`Call`]: one request of one step, built once, sent as it is;
//! - [`CallOutcome`]: what came back — the evidence and the answer, or a classified error;
//! - [`StepRecord`]: a finished step as everyone shows it, with its one-line summary.
//!
//! Knows the tenant API (`ciam`); knows nothing of the terminal or the window.

mod call;
mod diagnosis;
mod record;
mod transport;

use crate::i18n::Lang;
use crate::tr;

pub use call::{Answer, Call, CallOutcome};
pub use diagnosis::{Cause, FingerprintOrigin, KnownFrom, tail as fingerprint_tail};
pub use record::StepRecord;
pub use transport::Transport;

/// A step of the login flow (API.md), in the order a support engineer walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    AccessToken,
    Login,
    Exchange,
    Redeem,
    Refresh,
    /// `GET /`: is the tenant there at all? Watch mode's probe without a token.
    Reachability,
}

impl Step {
    /// The login flow's steps in flow order: the report lists its steps this way.
    pub const ALL: [Step; 5] = [
        Step::AccessToken,
        Step::Login,
        Step::Refresh,
        Step::Exchange,
        Step::Redeem,
    ];

    /// The title in reports and the inspector.
    pub fn title(self, lang: Lang) -> String {
        match self {
            Step::AccessToken => tr!(lang, "step-access-token"),
            Step::Login => tr!(lang, "step-login"),
            Step::Exchange => tr!(lang, "step-exchange"),
            Step::Redeem => tr!(lang, "step-redeem"),
            Step::Refresh => tr!(lang, "step-refresh"),
            Step::Reachability => tr!(lang, "step-reachability"),
        }
    }

    /// The name of the button that runs it, for the history list and the cards.
    pub fn short(self, lang: Lang) -> String {
        match self {
            Step::AccessToken => tr!(lang, "button-get-token"),
            Step::Login => tr!(lang, "button-log-in"),
            Step::Exchange => tr!(lang, "button-exchange"),
            Step::Redeem => tr!(lang, "button-redeem"),
            Step::Refresh => tr!(lang, "button-refresh"),
            Step::Reachability => tr!(lang, "button-reach"),
        }
    }

    /// A stable name for `--json`.
    pub fn key(self) -> &'static str {
        match self {
            Step::AccessToken => "token",
            Step::Login => "login",
            Step::Exchange => "exchange",
            Step::Redeem => "redeem",
            Step::Refresh => "refresh",
            Step::Reachability => "reachability",
        }
    }
}
