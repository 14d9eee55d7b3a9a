//! The watch loop: one probe at a time, at a fixed interval (never under a second, to spare the
//! tenant), until the count or the duration is reached, the first failure if asked, or the user
//! stops it. Pausing holds the loop between probes.

use std::time::Duration;

use tokio::sync::watch;

use super::attempt::Attempt;
use super::probe::Probe;

/// No watch probes a tenant more often than this: it is someone's production system.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);
/// This machine's own mock may be probed faster (the benchmark's two probes a second).
pub const LOOPBACK_MIN_INTERVAL: Duration = Duration::from_millis(100);

/// The shortest interval allowed towards `tenant`.
pub fn floor_for(tenant: &crate::ciam::TenantUrl) -> Duration {
    if tenant.is_loopback() {
        LOOPBACK_MIN_INTERVAL
    } else {
        MIN_INTERVAL
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    Count(u32),
    For(Duration),
    /// Until stopped.
    Endless,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub interval: Duration,
    pub limit: Limit,
    pub stop_on_failure: bool,
    /// The shortest interval allowed ([`floor_for`] the tenant).
    pub floor: Duration,
}

impl Plan {
    /// The interval, raised to the floor if it is shorter.
    pub fn interval(&self) -> Duration {
        self.interval.max(self.floor)
    }
}

/// What the one who started a watch can ask of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Run,
    Pause,
    Stop,
}

/// Runs `plan` with `probe`, handing each attempt to `report` as it ends. Returns when the plan
/// is done or `control` says Stop (a probe in flight is abandoned then).
pub async fn run(
    plan: Plan,
    probe: &mut Probe,
    mut control: watch::Receiver<Control>,
    mut report: impl FnMut(Attempt),
) {
    let started = tokio::time::Instant::now();
    let mut next = started;
    let mut number = 0;
    loop {
        let done = match plan.limit {
            Limit::Count(n) => number >= n,
            Limit::For(d) => next.duration_since(started) >= d,
            Limit::Endless => false,
        };
        if done {
            return;
        }
        // Wait for the next tick, while paused, or until stopped.
        loop {
            let state = *control.borrow_and_update();
            match state {
                Control::Stop => return,
                Control::Pause => {
                    if control.changed().await.is_err() {
                        return;
                    }
                    // Resumed: the next probe goes now, not at a tick that passed meanwhile.
                    next = next.max(tokio::time::Instant::now());
                }
                Control::Run => {
                    tokio::select! {
                        () = tokio::time::sleep_until(next) => break,
                        changed = control.changed() => if changed.is_err() { return },
                    }
                }
            }
        }
        number += 1;
        let attempt = tokio::select! {
            attempt = probe.run(number) => attempt,
            _ = stopped(&mut control) => return,
        };
        let failed = !attempt.outcome.ok();
        report(attempt);
        if failed && plan.stop_on_failure {
            return;
        }
        next += plan.interval();
        // A probe that took longer than the interval is followed at once, never by two.
        next = next.max(tokio::time::Instant::now());
    }
}

/// Resolves when `control` says Stop (or its sender is gone).
async fn stopped(control: &mut watch::Receiver<Control>) {
    loop {
        if *control.borrow() == Control::Stop || control.changed().await.is_err() {
            return;
        }
    }
}
