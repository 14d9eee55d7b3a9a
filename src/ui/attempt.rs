//! The outcome of the last exchange, as the window shows it.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::ciam::{CiamError, HttpRecord};
use crate::ticket::Ticket;

pub enum AttemptOutcome {
    Ticket {
        ticket: Ticket,
        round_trip: Duration,
    },
    Failed(CiamError),
    Cancelled {
        after: Duration,
    },
}

pub struct Attempt {
    /// What was sent and received; `None` when nothing was sent (bad input, cancelled).
    pub record: Option<HttpRecord>,
    pub outcome: AttemptOutcome,
    pub finished: OffsetDateTime,
}

/// An exchange in flight.
pub struct Running {
    pub id: u64,
    pub started: Instant,
}
