//! What `--flaky RATE` does to each SSO call, chosen by a seeded generator so a run can be
//! repeated and a test can compare what a watch counted with what the mock did.

use std::time::Duration;

use rand::{Rng, SeedableRng};

/// What the mock did to one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Injected {
    /// Answered as a healthy tenant.
    Nothing,
    /// HTTP 500 `IDAAS.TENANT.COM.0002` "system busy".
    Busy,
    /// Held the answer back for [`HANG`]: the client times out first.
    Hang,
    /// Answered correctly after a delay of 300–1200 ms.
    Slow,
}

/// Longer than any probe's timeout.
pub const HANG: Duration = Duration::from_secs(120);

/// The generator behind the choices, seeded for a repeatable run.
pub struct Dice(rand::rngs::StdRng);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Self(rand::rngs::StdRng::seed_from_u64(seed))
    }

    /// With probability `rate`, a misbehaviour (busy 40 %, hang 20 %, slow 40 %), and its delay.
    pub(super) fn roll(&mut self, rate: f64) -> (Injected, Duration) {
        if self.0.random::<f64>() >= rate {
            return (Injected::Nothing, Duration::ZERO);
        }
        match self.0.random_range(0..10) {
            0..=3 => (Injected::Busy, Duration::ZERO),
            4..=5 => (Injected::Hang, HANG),
            _ => (
                Injected::Slow,
                Duration::from_millis(self.0.random_range(300..1200)),
            ),
        }
    }
}

/// What `--flaky RATE --flaky-seed SEED` will do to the first `n` SSO calls: for a test or a demo
/// to pick a seed that shows what it needs.
pub fn choices(rate: f64, seed: u64, n: usize) -> Vec<Injected> {
    let mut dice = Dice::new(seed);
    (0..n).map(|_| dice.roll(rate).0).collect()
}
