//! The window's watch, as a model without egui: what to probe and how often, whether it runs,
//! what it keeps (`watch::Watched`: every attempt counted, the latest kept whole, the latest
//! failures' evidence) with its summary, and the attempt picked for the inspector. However long
//! it runs, its memory is bounded, and a frame never goes over every attempt.

use crate::watch::WatchWhat;
use crate::watch::{Attempt, Limit, Plan, Summary, Watched};

#[derive(Debug, Clone, PartialEq)]
pub struct WatchSettings {
    pub what: WatchWhat,
    pub interval_secs: f32,
    /// 0: until stopped.
    pub count: u32,
    pub reuse_connection: bool,
    pub stop_on_failure: bool,
}

impl Default for WatchSettings {
    fn default() -> Self {
        Self {
            what: WatchWhat::Exchange,
            interval_secs: 2.0,
            count: 0,
            reuse_connection: false,
            stop_on_failure: false,
        }
    }
}

impl WatchSettings {
    /// `floor`: the shortest interval towards the tenant ([`crate::watch::floor_for`]).
    pub fn plan(&self, floor: std::time::Duration) -> Plan {
        Plan {
            interval: std::time::Duration::from_secs_f32(self.interval_secs.max(0.1)),
            limit: match self.count {
                0 => Limit::Endless,
                n => Limit::Count(n),
            },
            stop_on_failure: self.stop_on_failure,
            floor,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchState {
    #[default]
    Idle,
    Running,
    Paused,
    /// Done, stopped, or could not start.
    Finished,
}

#[derive(Default)]
pub struct Watching {
    pub settings: WatchSettings,
    pub state: WatchState,
    pub watched: Watched,
    /// The summary as of the last frame (added up from the tally, not from the attempts).
    pub summary: Summary,
    /// The chart's axis: `None` chooses by itself (logarithmic when one attempt took over 100
    /// times the median), `Some` is the user's choice.
    pub log_scale: Option<bool>,
    /// The attempt the inspector shows (its number).
    pub selected: Option<u32>,
    /// Why the watch could not start (an input problem), shown in the watch section.
    pub refused: Option<crate::ciam::CiamError>,
    /// Attempts arrived since the summary was added up.
    stale: bool,
}

impl Watching {
    pub fn begin(&mut self) {
        self.watched = Watched::new(false);
        self.summary = Summary::default();
        self.selected = None;
        self.refused = None;
        self.state = WatchState::Running;
    }

    pub fn add(&mut self, attempt: Attempt) {
        self.watched.add(attempt);
        self.stale = true;
    }

    /// The summary again if attempts came: once a frame at most, from the tally's histograms.
    pub fn refresh(&mut self) {
        if self.stale {
            self.summary = self.watched.summary();
            self.stale = false;
        }
    }

    pub fn running(&self) -> bool {
        matches!(self.state, WatchState::Running | WatchState::Paused)
    }

    /// The attempt picked for the inspector, while it is kept.
    pub fn selected_attempt(&self) -> Option<&Attempt> {
        self.watched.get(self.selected?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::recent::test_support::attempt;
    use crate::watch::{MIN_INTERVAL, Outcome};

    #[test]
    fn every_attempt_counted_the_latest_kept_and_one_picked() {
        let mut w = Watching::default();
        w.begin();
        let total = crate::watch::KEPT as u32 + 5;
        for n in 1..=total {
            w.add(attempt(n, Outcome::Ok));
        }
        w.refresh();
        assert_eq!(w.summary.attempts, total);
        assert_eq!(w.watched.recent().len(), crate::watch::KEPT);
        w.selected = Some(total - 1);
        assert_eq!(w.selected_attempt().map(|a| a.number), Some(total - 1));
        w.selected = Some(1);
        assert!(w.selected_attempt().is_none(), "no longer kept");
    }

    #[test]
    fn the_interval_never_goes_under_a_second() {
        let settings = WatchSettings {
            interval_secs: 0.1,
            ..WatchSettings::default()
        };
        assert_eq!(settings.plan(MIN_INTERVAL).interval(), MIN_INTERVAL);
        assert_eq!(settings.plan(MIN_INTERVAL).limit, Limit::Endless);
    }
}
