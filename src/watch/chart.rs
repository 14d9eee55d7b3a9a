//! The watch chart's geometry, the same for the window and the report's PNG: which attempts are
//! drawn (the kept ones), the time axis — logarithmic when the slowest attempt took over 100 times
//! the median, so the usual attempts stay visible beside one outlier — and each bar's segments:
//! a success stacked phase by phase, a failure whole in its class's colour and never too short to
//! see.

use super::attempt::{Attempt, Phase};
use super::colors::{failure_rgb, phase_rgb};

/// Over this many times the median, the slowest attempt switches the axis to logarithmic.
pub const LOG_RATIO: f64 = 100.0;
/// A failure's bar is at least this share of the axis's height.
pub const MIN_FAILURE_SHARE: f64 = 0.04;

/// How times map to heights: linear in milliseconds, or decades above a floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub log: bool,
    /// The log axis's bottom, in ms (a decade under the fastest attempt drawn).
    pub floor_ms: f64,
    /// The axis's top: the slowest attempt's height.
    pub top: f64,
}

/// Whether `attempts` call for a logarithmic axis: the slowest over [`LOG_RATIO`] × the median.
pub fn wants_log(attempts: &[&Attempt]) -> bool {
    let mut totals: Vec<f64> = attempts.iter().map(|a| ms(a.phases.total)).collect();
    if totals.len() < 2 {
        return false;
    }
    let middle = totals.len() / 2;
    let (_, median, _) = totals.select_nth_unstable_by(middle, f64::total_cmp);
    let median = *median;
    let slowest = totals.iter().copied().fold(0.0, f64::max);
    median > 0.0 && slowest > LOG_RATIO * median
}

impl Scale {
    pub fn new(attempts: &[&Attempt], log: bool) -> Self {
        let fastest = attempts
            .iter()
            .map(|a| ms(a.phases.total))
            .fold(f64::INFINITY, f64::min);
        let floor_ms = if fastest.is_finite() && fastest > 0.0 {
            10f64.powf((fastest.log10() - 1.0).floor())
        } else {
            0.001
        };
        let mut scale = Self {
            log,
            floor_ms,
            top: 0.0,
        };
        let slowest = attempts
            .iter()
            .map(|a| ms(a.phases.total))
            .fold(0.0, f64::max);
        scale.top = scale.y(slowest).max(f64::MIN_POSITIVE);
        scale
    }

    /// The height of `ms` milliseconds.
    pub fn y(&self, ms: f64) -> f64 {
        if self.log {
            (ms.max(self.floor_ms) / self.floor_ms).log10()
        } else {
            ms.max(0.0)
        }
    }

    /// The milliseconds at height `y` (for the axis's labels).
    pub fn ms(&self, y: f64) -> f64 {
        if self.log {
            self.floor_ms * 10f64.powf(y)
        } else {
            y
        }
    }
}

/// One coloured piece of a bar: from `base` to `top`, in the scale's heights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub base: f64,
    pub top: f64,
    pub rgb: [u8; 3],
    /// The phase it stands for; `None`: a failed attempt, drawn whole.
    pub phase: Option<Phase>,
}

/// The segments of `attempt`'s bar, bottom up.
pub fn segments(attempt: &Attempt, scale: &Scale) -> Vec<Segment> {
    if !attempt.outcome.ok() {
        let top = scale
            .y(ms(attempt.phases.total))
            .max(scale.top * MIN_FAILURE_SHARE);
        let rgb = failure_rgb(&attempt.outcome);
        return vec![Segment {
            base: 0.0,
            top,
            rgb,
            phase: None,
        }];
    }
    let mut done = 0.0;
    let mut base = 0.0;
    let mut out = Vec::new();
    for phase in Phase::ALL {
        let Some(d) = attempt.phases.get(phase) else {
            continue;
        };
        done += ms(d);
        let top = scale.y(done).max(base);
        out.push(Segment {
            base,
            top,
            rgb: phase_rgb(phase),
            phase: Some(phase),
        });
        base = top;
    }
    out
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::{Outcome, Phases};
    use std::time::Duration;

    fn attempt(total_ms: f64, outcome: Outcome) -> Attempt {
        let total = Duration::from_secs_f64(total_ms / 1000.0);
        Attempt {
            number: 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            phases: Phases {
                first_byte: Some(total),
                total,
                ..Phases::default()
            },
            outcome,
            status: None,
            new_connection: true,
            calls: Vec::new(),
        }
    }

    #[test]
    fn one_outlier_turns_the_axis_logarithmic_and_keeps_the_rest_visible() {
        let mut all: Vec<Attempt> = (0..12).map(|_| attempt(0.4, Outcome::Ok)).collect();
        all.push(attempt(1142.0, Outcome::Ok));
        let shown: Vec<&Attempt> = all.iter().collect();
        assert!(wants_log(&shown));
        assert!(!wants_log(&shown[..12]));
        let scale = Scale::new(&shown, true);
        let usual = segments(&all[0], &scale)[0].top;
        assert!(usual > scale.top * 0.2, "{usual} of {}", scale.top);
        assert!((scale.ms(scale.y(1142.0)) - 1142.0).abs() < 1e-6);
    }

    #[test]
    fn a_quick_failure_never_vanishes() {
        let all = [
            attempt(1000.0, Outcome::Ok),
            attempt(0.01, Outcome::Unexpected),
        ];
        let shown: Vec<&Attempt> = all.iter().collect();
        let scale = Scale::new(&shown, false);
        let failed = segments(&all[1], &scale);
        assert_eq!(failed.len(), 1);
        assert!(failed[0].top >= scale.top * MIN_FAILURE_SHARE);
    }
}
