//! Time: a monotonic clock that tests can move forward, the process start, local wall-clock time,
//! and the one way times and durations are written (RFC 3339, milliseconds).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use time::{OffsetDateTime, UtcOffset};

/// `Instant::now()` plus an offset that only tests move, so a test can look at a ticket five
/// minutes later without waiting five minutes.
#[derive(Clone, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicU64>,
}

impl Clock {
    pub fn now(&self) -> Instant {
        Instant::now() + Duration::from_millis(self.offset_ms.load(Ordering::Relaxed))
    }

    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }
}

static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();
static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Call first thing in `main`: start-up time is measured from here (dist/bench.sh reads it).
pub fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}

pub fn since_process_start() -> Option<Duration> {
    PROCESS_START.get().map(Instant::elapsed)
}

/// Reads the local UTC offset. Call it at the very start of `main`: the `time` crate refuses to
/// read it once other threads exist (the C library call is not thread-safe on Linux).
pub fn init_local_offset() {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let _ = LOCAL_OFFSET.set(offset);
}

/// `14:02:11` in local time (UTC if the local offset could not be read, marked as such).
pub fn local_hms(t: OffsetDateTime) -> String {
    let offset = LOCAL_OFFSET.get().copied().unwrap_or(UtcOffset::UTC);
    let local = t.to_offset(offset);
    let suffix = if offset == UtcOffset::UTC { " UTC" } else { "" };
    format!(
        "{:02}:{:02}:{:02}{suffix}",
        local.hour(),
        local.minute(),
        local.second()
    )
}

/// Whole seconds, RFC 3339: sub-second digits only make the times harder to read.
pub fn rfc3339(t: OffsetDateTime) -> String {
    use time::format_description::well_known::Rfc3339;
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// Milliseconds to one decimal, for `--json` (`elapsed_ms`).
pub fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// Milliseconds to the microsecond, for a watch's `--json` (its phases and percentiles): on a
/// loopback a whole phase is a few tenths of a millisecond, and a reader recomputing the
/// percentiles from the lines must not lose more than the histogram's 1 %.
pub fn millis_to_the_microsecond(d: Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

/// `84 ms`, or `0.8 ms` on a fast loopback where whole milliseconds would say 0.
pub fn format_ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}
