//! What a watch adds up to: the success rate, p50/p95/max of each phase, and the failures by class
//! and code.

use std::collections::BTreeMap;
use std::time::Duration;

use super::attempt::{Attempt, Outcome, Phase};
use crate::i18n::Lang;
use crate::tr;

/// p50, p95 and the maximum of one phase, over the attempts that went through it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub p50: Duration,
    pub p95: Duration,
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
    pub fn of<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> Self {
        let mut summary = Summary::default();
        let mut per_phase: BTreeMap<usize, Vec<Duration>> = BTreeMap::new();
        let mut totals = Vec::new();
        let mut failures: BTreeMap<(&'static str, Option<String>), (u32, Outcome)> =
            BTreeMap::new();
        for attempt in attempts {
            summary.attempts += 1;
            if attempt.outcome.ok() {
                summary.ok += 1;
            } else {
                let key = (
                    attempt.outcome.class(),
                    attempt.outcome.code().map(str::to_owned),
                );
                let entry = failures.entry(key).or_insert((0, attempt.outcome.clone()));
                entry.0 += 1;
            }
            for (i, phase) in Phase::ALL.iter().enumerate() {
                if let Some(d) = attempt.phases.get(*phase) {
                    per_phase.entry(i).or_default().push(d);
                }
            }
            totals.push(attempt.phases.total);
        }
        summary.phases = per_phase
            .into_iter()
            .filter_map(|(i, mut values)| Some((Some(Phase::ALL[i]), spread(&mut values)?)))
            .chain(spread(&mut totals).map(|s| (None, s)))
            .collect();
        let mut failures: Vec<_> = failures.into_iter().collect();
        failures.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
        summary.worst = failures.first().map(|(_, (_, outcome))| outcome.clone());
        summary.failures = failures.into_iter().map(|(k, (n, _))| (k, n)).collect();
        summary
    }

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

/// Nearest-rank percentiles; `None` for no values.
fn spread(values: &mut [Duration]) -> Option<Spread> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = |p: f64| {
        let i = ((p / 100.0) * values.len() as f64).ceil() as usize;
        values[i.clamp(1, values.len()) - 1]
    };
    Some(Spread {
        p50: rank(50.0),
        p95: rank(95.0),
        max: values[values.len() - 1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::attempt::Phases;

    fn attempt(total_ms: u64, outcome: Outcome) -> Attempt {
        Attempt {
            number: 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            phases: Phases {
                dns: Some(Duration::from_millis(1)),
                total: Duration::from_millis(total_ms),
                ..Phases::default()
            },
            outcome,
            status: None,
            new_connection: true,
            calls: Vec::new(),
        }
    }

    #[test]
    fn percentiles_rates_and_the_worst_failure() {
        let busy = Outcome::ServerError {
            code: Some("IDAAS.SDK.COMMON.0001".into()),
        };
        let mut attempts: Vec<Attempt> = (1..=17).map(|ms| attempt(ms, Outcome::Ok)).collect();
        attempts.push(attempt(100, busy.clone()));
        attempts.push(attempt(100, busy.clone()));
        attempts.push(attempt(
            200,
            Outcome::Timeout {
                phase: Phase::FirstByte,
            },
        ));
        let s = Summary::of(&attempts);
        assert_eq!((s.attempts, s.ok), (20, 17));
        assert!((s.success_rate() - 85.0).abs() < 1e-9);
        let (_, total) = s.phases.iter().find(|(p, _)| p.is_none()).expect("total");
        assert_eq!(total.p50, Duration::from_millis(10));
        assert_eq!(total.p95, Duration::from_millis(100));
        assert_eq!(total.max, Duration::from_millis(200));
        assert_eq!(s.worst, Some(busy));
        assert_eq!(s.exit_code(), 5);
        assert_eq!((s.count("server_error"), s.count("timeout")), (2, 1));
        assert_eq!(Summary::of(&attempts[..3]).exit_code(), 0);
    }
}
