//! Time for the window: a monotonic clock that tests can move forward, and local wall-clock time.

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
