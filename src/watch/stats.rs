//! What a watch adds up to: the success rate, p50/p95/p99/max of each phase, and the failures by
//! class and code. The counts and the maximum are exact; the percentiles come from the tally's
//! histograms (within 1 %), so a watch of days costs no more than one of minutes.

use std::time::Duration;

use super::attempt::{Outcome, Phase};
use crate::i18n::Lang;
use crate::tr;

/// p50, p95, p99 (from a histogram, within 1 %) and the maximum (exact) of one phase, over the
/// attempts that went through it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub max: Duration,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub attempts: u32,
    pub ok: u32,
    /// Per phase (and the total, as `None`), over every attempt that reached it.
    pub phases: Vec<(Option<Phase>, Spread)>,
    /// Failures by (class, tenant code), most frequent first.
    pub failures: Vec<((&'static str, Option<String>), u32)>,
    /// The most frequent failure, which gives a watch its exit code.
    pub worst: Option<Outcome>,
}

impl Summary {
    /// Percent of attempts that succeeded; 100 before any attempt.
    pub fn success_rate(&self) -> f64 {
        if self.attempts == 0 {
            return 100.0;
        }
        f64::from(self.ok) * 100.0 / f64::from(self.attempts)
    }

    /// `23 attempts, 21 ok (91.3 %)`: the line the command line, the window and the report lead with.
    pub fn headline(&self, lang: Lang) -> String {
        let rate = (self.success_rate() * 10.0).round() / 10.0;
        let (attempts, ok) = (u64::from(self.attempts), u64::from(self.ok));
        tr!(
            lang,
            "watch-summary",
            attempts = attempts,
            ok = ok,
            rate = rate
        )
    }

    /// 0 when every attempt succeeded, else the exit code of the most frequent failure class.
    pub fn exit_code(&self) -> u8 {
        self.worst.as_ref().map_or(0, Outcome::exit_code)
    }

    /// How many failures fell in `class` (any code).
    pub fn count(&self, class: &str) -> u32 {
        self.failures
            .iter()
            .filter(|((c, _), _)| *c == class)
            .map(|(_, n)| n)
            .sum()
    }
}
