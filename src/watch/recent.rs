//! What a watch keeps of one tenant, in bounded memory however long it runs: the running totals
//! ([`Tally`]) of every attempt, the latest [`KEPT`] attempts whole for the chart, the history and
//! the inspector, and the evidence (request and answer) of the latest [`FAILURES_WITH_EVIDENCE`]
//! failures among them — or of every kept attempt, when a HAR of every call was asked for.

use std::collections::VecDeque;

use super::attempt::Attempt;
use super::stats::Summary;
use super::tally::Tally;

/// The attempts kept whole: ~200 bytes each without evidence, so well under a megabyte a tenant.
pub const KEPT: usize = 2_000;
/// The failures that keep their evidence (a few KB each).
pub const FAILURES_WITH_EVIDENCE: usize = 50;

#[derive(Debug, Clone, Default)]
pub struct Watched {
    tally: Tally,
    recent: VecDeque<Attempt>,
    /// The numbers of the kept failures that still have their evidence, oldest first.
    with_evidence: VecDeque<u32>,
    /// Keep every kept attempt's evidence (a HAR of every call was asked for).
    keep_all_evidence: bool,
}

impl Watched {
    /// `keep_all_evidence`: every kept attempt keeps its calls, successes too (for a HAR).
    pub fn new(keep_all_evidence: bool) -> Self {
        Self {
            keep_all_evidence,
            // All at once: no copying as it grows, and no larger block left behind.
            recent: VecDeque::with_capacity(KEPT),
            ..Self::default()
        }
    }

    pub fn add(&mut self, mut attempt: Attempt) {
        self.tally.add(&attempt);
        if !self.keep_all_evidence {
            if attempt.outcome.ok() {
                attempt.forget_evidence();
            } else if attempt.has_evidence() {
                self.with_evidence.push_back(attempt.number);
                if self.with_evidence.len() > FAILURES_WITH_EVIDENCE
                    && let Some(oldest) = self.with_evidence.pop_front()
                    && let Some(kept) = self.get_mut(oldest)
                {
                    kept.forget_evidence();
                }
            }
        }
        if self.recent.len() >= KEPT
            && let Some(gone) = self.recent.pop_front()
        {
            self.with_evidence.retain(|n| *n != gone.number);
        }
        self.recent.push_back(attempt);
    }

    /// Every attempt counted so far (not only the kept ones).
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn summary(&self) -> Summary {
        self.tally.summary()
    }

    /// The kept attempts, oldest first.
    pub fn recent(&self) -> impl DoubleEndedIterator<Item = &Attempt> + ExactSizeIterator {
        self.recent.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.recent.is_empty()
    }

    /// Attempt `number`, while it is kept.
    pub fn get(&self, number: u32) -> Option<&Attempt> {
        self.index(number).and_then(|i| self.recent.get(i))
    }

    fn get_mut(&mut self, number: u32) -> Option<&mut Attempt> {
        self.index(number).and_then(|i| self.recent.get_mut(i))
    }

    /// Numbers only grow: a binary search finds one among the kept.
    fn index(&self, number: u32) -> Option<usize> {
        self.recent.binary_search_by_key(&number, |a| a.number).ok()
    }
}

/// An attempt for unit tests (here and the window's), carrying one call's evidence.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::watch::{Attempt, Outcome, Phases};

    pub(crate) fn attempt(number: u32, outcome: Outcome) -> Attempt {
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
}

#[cfg(test)]
mod tests {
    use super::test_support::attempt;
    use super::*;
    use crate::watch::Outcome;

    fn every_other_fails(n: u32) -> Outcome {
        if n.is_multiple_of(2) {
            Outcome::Unexpected
        } else {
            Outcome::Ok
        }
    }

    #[test]
    fn the_latest_attempts_are_kept_the_latest_failures_with_evidence_and_all_are_counted() {
        let mut w = Watched::new(false);
        let total = KEPT as u32 * 3 + 5;
        for n in 1..=total {
            w.add(attempt(n, every_other_fails(n)));
        }
        assert_eq!(w.recent().len(), KEPT);
        assert_eq!(
            w.recent().next().map(|a| a.number),
            Some(total - KEPT as u32 + 1)
        );
        let with_evidence: Vec<u32> = w
            .recent()
            .filter(|a| a.has_evidence())
            .map(|a| a.number)
            .collect();
        assert_eq!(with_evidence.len(), FAILURES_WITH_EVIDENCE);
        assert!(
            with_evidence.iter().all(|n| n.is_multiple_of(2)),
            "failures only"
        );
        assert_eq!(with_evidence.last(), Some(&(total - 1)), "the latest ones");
        let s = w.summary();
        assert_eq!((s.attempts, s.ok), (total, total.div_ceil(2)));
        assert_eq!(w.get(total - 3).map(|a| a.number), Some(total - 3));
        assert!(w.get(1).is_none(), "no longer kept");
    }

    #[test]
    fn a_har_of_every_call_keeps_every_kept_attempt_s_evidence() {
        let mut w = Watched::new(true);
        for n in 1..=200 {
            w.add(attempt(n, every_other_fails(n)));
        }
        assert!(w.recent().all(Attempt::has_evidence));
    }
}
