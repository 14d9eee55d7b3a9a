//! A watch's running totals for one tenant, in constant memory however long it runs: the counts
//! (attempts, successes, failures by class and tenant code) exact, and each phase's latencies in a
//! mergeable histogram (HdrHistogram, two significant digits: under 1 % relative error) instead of
//! every attempt's times.

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;

use super::attempt::{Attempt, Outcome, Phase};
use super::stats::{Spread, Summary};

/// Distinct (class, code) pairs counted one by one: a tenant's code is its own text, and one that
/// made a new code up every time must not grow the watch. Any further code counts as [`OTHER_CODE`].
pub const MAX_FAILURE_KINDS: usize = 32;
/// The code that stands for every code beyond the first [`MAX_FAILURE_KINDS`] pairs.
pub const OTHER_CODE: &str = "other";

/// The most a percentile may be off, relative to the true one (the summary says so).
pub const RELATIVE_ERROR: f64 = 0.01;

/// The histograms' range, in microseconds: 1 µs to an hour (a longer phase counts as an hour; its
/// exact length is still the maximum).
const HIGHEST_MICROS: u64 = 3_600_000_000;
/// Two significant digits: a recorded value is within 1/128 (0.8 %) of the true one.
const SIGNIFICANT_DIGITS: u8 = 2;

/// One phase's latencies: the histogram, and the exact maximum.
#[derive(Debug, Clone)]
struct Latency {
    histogram: Histogram<u64>,
    max: Duration,
}

impl Latency {
    fn new() -> Self {
        // Constant bounds hdrhistogram accepts (1 ≤ low, high ≥ 2 × low, 0..=5 digits).
        let histogram = match Histogram::new_with_bounds(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS) {
            Ok(h) => h,
            Err(e) => unreachable!("constant histogram bounds: {e:?}"),
        };
        Self {
            histogram,
            max: Duration::ZERO,
        }
    }

    fn record(&mut self, d: Duration) {
        // Rounded to the microsecond, as `--json` prints it.
        let micros = (d.as_nanos().saturating_add(500) / 1000).min(u128::from(u64::MAX)) as u64;
        self.histogram.saturating_record(micros);
        self.max = self.max.max(d);
    }

    fn spread(&self) -> Option<Spread> {
        if self.histogram.is_empty() {
            return None;
        }
        let at = |q: f64| {
            let value = self.histogram.value_at_quantile(q);
            // The middle of the value's bucket halves the worst error; never above the true max.
            let micros = self.histogram.median_equivalent(value);
            Duration::from_micros(micros).min(self.max)
        };
        Some(Spread {
            p50: at(0.50),
            p95: at(0.95),
            p99: at(0.99),
            max: self.max,
        })
    }
}

/// Everything a watch counts of one tenant.
#[derive(Debug, Clone)]
pub struct Tally {
    attempts: u32,
    ok: u32,
    failures: BTreeMap<(&'static str, Option<String>), (u32, Outcome)>,
    /// The five phases (in [`Phase::ALL`]'s order), then the total.
    latencies: [Latency; 6],
}

impl Default for Tally {
    fn default() -> Self {
        Self {
            attempts: 0,
            ok: 0,
            failures: BTreeMap::new(),
            latencies: std::array::from_fn(|_| Latency::new()),
        }
    }
}

impl Tally {
    pub fn add(&mut self, attempt: &Attempt) {
        self.attempts = self.attempts.saturating_add(1);
        if attempt.outcome.ok() {
            self.ok = self.ok.saturating_add(1);
        } else {
            self.count_failure(&attempt.outcome);
        }
        for (i, phase) in Phase::ALL.iter().enumerate() {
            if let Some(d) = attempt.phases.get(*phase) {
                self.latencies[i].record(d);
            }
        }
        self.latencies[5].record(attempt.phases.total);
    }

    fn count_failure(&mut self, outcome: &Outcome) {
        let class = outcome.class();
        let mut key = (class, outcome.code().map(str::to_owned));
        if !self.failures.contains_key(&key) && self.failures.len() >= MAX_FAILURE_KINDS {
            key.1 = Some(OTHER_CODE.to_owned());
        }
        let entry = self.failures.entry(key).or_insert((0, outcome.clone()));
        entry.0 = entry.0.saturating_add(1);
    }

    /// Another tally's attempts added to this one (several tenants' totals, say).
    pub fn merge(&mut self, other: &Tally) {
        self.attempts = self.attempts.saturating_add(other.attempts);
        self.ok = self.ok.saturating_add(other.ok);
        for (key, (n, outcome)) in &other.failures {
            let entry = self
                .failures
                .entry(key.clone())
                .or_insert((0, outcome.clone()));
            entry.0 = entry.0.saturating_add(*n);
        }
        for (mine, theirs) in self.latencies.iter_mut().zip(&other.latencies) {
            // Same bounds on both sides: adding cannot fail.
            let _ = mine.histogram.add(&theirs.histogram);
            mine.max = mine.max.max(theirs.max);
        }
    }

    /// The tally of `attempts`.
    pub fn of<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> Self {
        let mut tally = Tally::default();
        for attempt in attempts {
            tally.add(attempt);
        }
        tally
    }

    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// What the tally adds up to: counts exact, percentiles from the histograms.
    pub fn summary(&self) -> Summary {
        let phases = (Phase::ALL.iter().map(|p| Some(*p)))
            .chain([None])
            .zip(&self.latencies)
            .filter_map(|(phase, latency)| Some((phase, latency.spread()?)))
            .collect();
        let mut failures: Vec<_> = self.failures.iter().collect();
        failures.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
        Summary {
            attempts: self.attempts,
            ok: self.ok,
            phases,
            worst: failures.first().map(|(_, (_, outcome))| outcome.clone()),
            failures: failures
                .into_iter()
                .map(|(k, (n, _))| (k.clone(), *n))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::Phases;

    fn attempt(total: Duration, outcome: Outcome) -> Attempt {
        Attempt {
            number: 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            phases: Phases {
                total,
                ..Phases::default()
            },
            outcome,
            status: None,
            new_connection: true,
            calls: Vec::new(),
        }
    }

    /// Nearest rank, as `--json`'s reader would compute it from every attempt.
    fn exact(sorted: &[u64], q: f64) -> u64 {
        let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
        sorted[rank - 1]
    }

    #[test]
    fn percentiles_within_one_percent_and_the_maximum_exact() {
        let mut tally = Tally::default();
        // A spread from 0.2 ms to ~2 s, uneven (a long tail), deterministic.
        let mut micros: Vec<u64> = (0..20_000u64)
            .map(|i| 200 + (i * i * 7919) % 2_000_000 / (1 + i % 50))
            .collect();
        for m in &micros {
            tally.add(&attempt(Duration::from_micros(*m), Outcome::Ok));
        }
        micros.sort_unstable();
        let s = tally.summary();
        let (_, total) = s.phases.iter().find(|(p, _)| p.is_none()).expect("total");
        for (q, got) in [(0.5, total.p50), (0.95, total.p95), (0.99, total.p99)] {
            let want = exact(&micros, q) as f64;
            let got = got.as_micros() as f64;
            assert!(
                (got - want).abs() <= want * 0.01,
                "p{q}: {got} against {want}"
            );
        }
        assert_eq!(total.max, Duration::from_micros(micros[micros.len() - 1]));
    }

    #[test]
    fn rates_percentiles_and_the_worst_failure() {
        let busy = Outcome::ServerError {
            code: Some("IDAAS.SDK.COMMON.0001".into()),
        };
        let ms = Duration::from_millis;
        let mut attempts: Vec<Attempt> = (1..=17).map(|n| attempt(ms(n), Outcome::Ok)).collect();
        attempts.push(attempt(ms(100), busy.clone()));
        attempts.push(attempt(ms(100), busy.clone()));
        let timeout = Outcome::Timeout {
            phase: Phase::FirstByte,
        };
        attempts.push(attempt(ms(200), timeout));
        let s = Tally::of(&attempts).summary();
        assert_eq!((s.attempts, s.ok), (20, 17));
        assert!((s.success_rate() - 85.0).abs() < 1e-9);
        let (_, total) = s.phases.iter().find(|(p, _)| p.is_none()).expect("total");
        // Within 1 % (the histogram's), the maximum exact.
        let near = |d: Duration, n: u64| d.abs_diff(ms(n)) * 100 <= d;
        assert!(near(total.p50, 10) && near(total.p95, 100), "{total:?}");
        assert_eq!(total.max, ms(200));
        assert_eq!(s.worst, Some(busy));
        assert_eq!(s.exit_code(), 5);
        assert_eq!((s.count("server_error"), s.count("timeout")), (2, 1));
        assert_eq!(Tally::of(&attempts[..3]).summary().exit_code(), 0);
    }

    #[test]
    fn a_tenant_that_makes_codes_up_cannot_grow_the_count() {
        let mut tally = Tally::default();
        for i in 0..1000 {
            let code = Some(format!("CODE.{i}"));
            tally.add(&attempt(
                Duration::from_millis(1),
                Outcome::Rejected { code },
            ));
        }
        let s = tally.summary();
        assert_eq!(s.failures.len(), MAX_FAILURE_KINDS + 1);
        let other = (s.failures.iter()).find(|((_, code), _)| code.as_deref() == Some(OTHER_CODE));
        assert_eq!(
            other.map(|(_, n)| *n),
            Some(1000 - MAX_FAILURE_KINDS as u32)
        );
        assert_eq!(s.count("rejected"), 1000);
    }

    #[test]
    fn two_tallies_merge_into_the_tally_of_both() {
        let (mut a, mut b, mut both) = (Tally::default(), Tally::default(), Tally::default());
        for ms in 1..=100 {
            let x = attempt(Duration::from_millis(ms), Outcome::Ok);
            if ms.is_multiple_of(3) { &mut a } else { &mut b }.add(&x);
            both.add(&x);
        }
        a.merge(&b);
        assert_eq!(a.summary(), both.summary());
    }
}
