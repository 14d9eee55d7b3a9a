//! The window's watch, as a model without egui: what to probe and how often, whether it runs, the
//! attempts so far with their summary, and the attempt picked for the inspector.

use crate::watch::WatchWhat;
use crate::watch::{Attempt, Limit, Plan, Summary};

/// The attempts kept: a ten-hour watch at one probe every four seconds. Each is ~200 bytes.
pub const MAX_ATTEMPTS: usize = 10_000;
/// The evidence (request and answer, a few KB) is kept for the latest failures only.
pub const FAILURES_WITH_EVIDENCE: usize = 50;

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
    pub attempts: Vec<Attempt>,
    pub summary: Summary,
    /// The attempt the inspector shows (its number).
    pub selected: Option<u32>,
    /// Why the watch could not start (an input problem), shown in the watch section.
    pub refused: Option<crate::ciam::CiamError>,
    /// Attempts arrived since the summary was added up.
    stale: bool,
}

impl Watching {
    pub fn begin(&mut self) {
        self.attempts.clear();
        self.summary = Summary::default();
        self.selected = None;
        self.refused = None;
        self.state = WatchState::Running;
    }

    pub fn add(&mut self, mut attempt: Attempt) {
        if attempt.outcome.ok() {
            attempt.forget_evidence();
        } else {
            // The oldest failure beyond the latest ones gives its evidence up.
            let mut kept = (self.attempts.iter_mut().rev()).filter(|a| a.has_evidence());
            if let Some(oldest) = kept.nth(FAILURES_WITH_EVIDENCE - 1) {
                oldest.forget_evidence();
            }
        }
        if self.attempts.len() >= MAX_ATTEMPTS {
            self.attempts.remove(0);
        }
        self.attempts.push(attempt);
        self.stale = true;
    }

    /// Adds the attempts up again if new ones came: once a frame, however many arrived.
    pub fn refresh(&mut self) {
        if self.stale {
            self.summary = Summary::of(&self.attempts);
            self.stale = false;
        }
    }

    pub fn running(&self) -> bool {
        matches!(self.state, WatchState::Running | WatchState::Paused)
    }

    /// The attempt picked for the inspector, if its evidence was kept.
    pub fn selected_attempt(&self) -> Option<&Attempt> {
        let number = self.selected?;
        self.attempts.iter().find(|a| a.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::{MIN_INTERVAL, Outcome, Phases};

    fn attempt(number: u32, outcome: Outcome) -> Attempt {
        Attempt {
            number,
            at: time::OffsetDateTime::UNIX_EPOCH,
            phases: Phases::default(),
            outcome,
            status: Some(200),
            new_connection: true,
            calls: vec![evidence()],
        }
    }

    fn evidence() -> crate::step::StepRecord {
        let call = crate::step::Call::reachability();
        let outcome = call.not_sent(crate::ciam::CiamError::invalid_input(
            "test",
            crate::i18n::Message::verbatim("not sent"),
        ));
        crate::step::StepRecord::new(&call, &outcome, time::OffsetDateTime::UNIX_EPOCH)
    }

    #[test]
    fn evidence_is_kept_for_failures_and_the_history_is_bounded() {
        let mut w = Watching::default();
        w.begin();
        for n in 1..=(MAX_ATTEMPTS as u32 + 5) {
            let outcome = if n % 2 == 0 {
                Outcome::Unexpected
            } else {
                Outcome::Ok
            };
            w.add(attempt(n, outcome));
        }
        assert_eq!(w.attempts.len(), MAX_ATTEMPTS);
        assert_eq!(w.attempts[0].number, 6, "the oldest went first");
        let with_evidence: Vec<u32> = w
            .attempts
            .iter()
            .filter(|a| a.has_evidence())
            .map(|a| a.number)
            .collect();
        assert_eq!(with_evidence.len(), FAILURES_WITH_EVIDENCE);
        assert!(with_evidence.iter().all(|n| n % 2 == 0), "failures only");
        assert_eq!(
            with_evidence.last(),
            Some(&(MAX_ATTEMPTS as u32 + 4)),
            "the latest ones"
        );
        w.refresh();
        assert_eq!(w.summary.attempts as usize, MAX_ATTEMPTS);
        w.selected = Some(8);
        assert_eq!(w.selected_attempt().map(|a| a.number), Some(8));
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
