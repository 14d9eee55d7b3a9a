//! When the window wakes: at the next second a countdown shows, or when a notice goes — never
//! every frame, so an idle window costs no CPU. A running call repaints through its spinner.

use std::time::{Duration, Instant};

use super::app::SsoDiagApp;
use super::panels;

/// Just past a second boundary: a timer that fires a hair early would otherwise draw the same
/// second again, then ask for another frame a moment later.
const TICK_MARGIN: Duration = Duration::from_millis(15);

impl SsoDiagApp {
    pub(super) fn schedule_repaint(&self, ctx: &egui::Context, now: Instant) {
        let jwt_tick = panels::credentials::shows_jwt_countdown(&self.form).then(|| {
            // Unix-second resolution: the next whole second of the wall clock.
            let sub = time::OffsetDateTime::now_utc().nanosecond();
            Duration::from_nanos(u64::from(1_000_000_000 - sub))
        });
        let ticks = [
            self.session.next_tick(now),
            self.form
                .access_token_expiry
                .and_then(|c| c.until_next_tick(now)),
            jwt_tick,
        ];
        let notice_end = self
            .view
            .notice
            .as_ref()
            .map(|(_, until)| until.saturating_duration_since(now));
        let next = ticks
            .into_iter()
            .flatten()
            .map(|d| d + TICK_MARGIN)
            .chain(notice_end)
            .min();
        if let Some(after) = next {
            ctx.request_repaint_after(after);
        }
    }
}
