//! Watch mode: the same call again and again, each attempt timed phase by phase (DNS, TCP, TLS,
//! first byte, body) on a connection of its own, classified as a call is, and added up — to catch
//! the login that fails one time in twenty, and see where the time goes.
//!
//! A watch of days stays small: every attempt is counted ([`Tally`]: exact counts, latency
//! histograms), only the latest are kept whole ([`Watched`]).
//!
//! Knows the tenant API (`ciam`) and the steps (`step`); knows nothing of the terminal or the window.

pub mod attempt;
pub mod chart;
pub mod colors;
pub mod probe;
pub mod recent;
pub mod run;
pub mod stats;
pub mod tally;
mod what;

pub use attempt::{Attempt, Outcome, Phase, Phases, class_name};
pub use probe::{Probe, Target};
pub use recent::{FAILURES_WITH_EVIDENCE, KEPT, Watched};
pub use run::{Control, LOOPBACK_MIN_INTERVAL, Limit, MIN_INTERVAL, Plan, floor_for, run};
pub use stats::{Spread, Summary};
pub use tally::Tally;
pub use what::WatchWhat;
