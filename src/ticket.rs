//! A received SSO ticket and its countdown (and the same countdown for anything else that
//! expires, such as an access token).
//!
//! Time is a parameter: every question about the countdown takes `now`, so it is a pure function
//! that tests check at 0 s, mid-way, exactly at expiry and after, without sleeping. The clock is
//! monotonic (`Instant`), so a wall-clock change cannot stretch or shorten a ticket's life.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

/// The last stretch in which the ticket is shown as about to expire.
pub const EXPIRING_WINDOW: Duration = Duration::from_secs(60);

/// Something that lives for `lifetime` from `started`: a ticket, an access token from "Get token".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    pub lifetime: Duration,
    /// Monotonic: the moment the answer arrived.
    pub started: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketState {
    Valid,
    /// Within the last [`EXPIRING_WINDOW`].
    Expiring,
    Expired,
}

impl Countdown {
    pub fn new(lifetime_secs: u64, started: Instant) -> Self {
        Self {
            lifetime: Duration::from_secs(lifetime_secs),
            started,
        }
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.lifetime
            .saturating_sub(now.saturating_duration_since(self.started))
    }

    pub fn state(&self, now: Instant) -> TicketState {
        let remaining = self.remaining(now);
        if remaining.is_zero() {
            TicketState::Expired
        } else if remaining <= EXPIRING_WINDOW {
            TicketState::Expiring
        } else {
            TicketState::Valid
        }
    }

    /// Share of the lifetime left, 1.0 → 0.0, for the shrinking bar.
    pub fn fraction_left(&self, now: Instant) -> f32 {
        if self.lifetime.is_zero() {
            return 0.0;
        }
        self.remaining(now).as_secs_f32() / self.lifetime.as_secs_f32()
    }

    /// `mm:ss`, rounded up, so `00:00` appears exactly when it expires.
    pub fn mm_ss(&self, now: Instant) -> String {
        format_mm_ss(whole_seconds_up(self.remaining(now)))
    }

    /// How long until the displayed `mm:ss` changes: the UI asks for a repaint then, not sooner.
    /// `None` once expired, when nothing changes any more.
    pub fn until_next_tick(&self, now: Instant) -> Option<Duration> {
        let remaining = self.remaining(now);
        if remaining.is_zero() {
            return None;
        }
        let sub = Duration::from_nanos(u64::from(remaining.subsec_nanos()));
        Some(if sub.is_zero() {
            Duration::from_secs(1)
        } else {
            sub
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub value: String,
    /// From the moment the answer arrived: monotonic, so a wall-clock change cannot stretch or
    /// shorten the ticket's life.
    pub life: Countdown,
    /// The same moment on the wall clock, for display and `expires_at`.
    pub received_wall: OffsetDateTime,
}

impl Ticket {
    pub fn new(
        value: String,
        expire_secs: u64,
        received_at: Instant,
        received_wall: OffsetDateTime,
    ) -> Self {
        Self {
            value,
            life: Countdown::new(expire_secs, received_at),
            received_wall,
        }
    }

    /// How long the tenant said the ticket lives.
    pub fn expire(&self) -> Duration {
        self.life.lifetime
    }

    pub fn received_at(&self) -> Instant {
        self.life.started
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.life.remaining(now)
    }

    pub fn state(&self, now: Instant) -> TicketState {
        self.life.state(now)
    }

    pub fn fraction_left(&self, now: Instant) -> f32 {
        self.life.fraction_left(now)
    }

    /// `mm:ss`, rounded up, so `00:00` appears exactly when the ticket expires.
    pub fn countdown(&self, now: Instant) -> String {
        self.life.mm_ss(now)
    }

    pub fn until_next_tick(&self, now: Instant) -> Option<Duration> {
        self.life.until_next_tick(now)
    }

    /// When the ticket expires on the wall clock; `None` past any representable date (a tenant
    /// can answer any `expire`).
    pub fn expires_wall(&self) -> Option<OffsetDateTime> {
        let lifetime = time::Duration::try_from(self.life.lifetime).ok()?;
        self.received_wall.checked_add(lifetime)
    }
}

fn whole_seconds_up(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// `mm:ss`; minutes keep counting past 59 (`75:00`) since tickets rarely last an hour.
pub fn format_mm_ss(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(expire: u64) -> (Ticket, Instant) {
        let t0 = Instant::now();
        (
            Ticket::new("ssoTicket-x".into(), expire, t0, OffsetDateTime::UNIX_EPOCH),
            t0,
        )
    }

    #[test]
    fn countdown_at_the_edges() {
        let (t, t0) = ticket(300);
        assert_eq!(t.countdown(t0), "05:00");
        assert_eq!(t.state(t0), TicketState::Valid);

        let mid = t0 + Duration::from_millis(150_400);
        assert_eq!(t.countdown(mid), "02:30");
        assert_eq!(t.state(mid), TicketState::Valid);

        let nearly = t0 + Duration::from_millis(299_400);
        assert_eq!(t.countdown(nearly), "00:01");
        assert_eq!(t.state(nearly), TicketState::Expiring);

        let at = t0 + Duration::from_secs(300);
        assert_eq!(t.countdown(at), "00:00");
        assert_eq!(t.state(at), TicketState::Expired);

        let after = t0 + Duration::from_secs(301);
        assert_eq!(t.countdown(after), "00:00");
        assert_eq!(t.state(after), TicketState::Expired);
        assert_eq!(t.fraction_left(after), 0.0);
    }

    #[test]
    fn expiring_is_the_last_minute() {
        let (t, t0) = ticket(300);
        assert_eq!(
            t.state(t0 + Duration::from_millis(239_999)),
            TicketState::Valid
        );
        assert_eq!(
            t.state(t0 + Duration::from_secs(240)),
            TicketState::Expiring
        );
    }

    #[test]
    fn zero_expire_is_expired_at_once() {
        let (t, t0) = ticket(0);
        assert_eq!(t.state(t0), TicketState::Expired);
        assert_eq!(t.fraction_left(t0), 0.0);
        assert_eq!(t.until_next_tick(t0), None);
    }

    #[test]
    fn next_tick_is_the_next_change_of_the_display() {
        let (t, t0) = ticket(300);
        assert_eq!(t.until_next_tick(t0), Some(Duration::from_secs(1)));
        let now = t0 + Duration::from_millis(10_250);
        assert_eq!(t.until_next_tick(now), Some(Duration::from_millis(750)));
        // After that wait the display has changed.
        let later = now + Duration::from_millis(750);
        assert_ne!(t.countdown(now), t.countdown(later));
    }

    #[test]
    fn expiry_wall_time_and_long_tickets() {
        let (t, _) = ticket(300);
        assert_eq!(
            t.expires_wall(),
            Some(OffsetDateTime::UNIX_EPOCH + Duration::from_secs(300))
        );
        assert_eq!(format_mm_ss(4500), "75:00");
    }

    #[test]
    fn any_expire_a_tenant_can_send_is_counted_without_a_panic() {
        let t0 = Instant::now();
        for expire in [1_000_000_000_000, (1 << 53) - 1, u64::MAX] {
            let t = Ticket::new("t".into(), expire, t0, OffsetDateTime::now_utc());
            assert_eq!(t.state(t0), TicketState::Valid);
            assert_eq!(t.countdown(t0), format_mm_ss(expire));
            assert!(t.fraction_left(t0) > 0.99);
            assert!(t.until_next_tick(t0).is_some());
            let _ = t.expires_wall();
        }
        let max = Ticket::new("t".into(), u64::MAX, t0, OffsetDateTime::now_utc());
        assert_eq!(max.expires_wall(), None);
    }
}
