//! Where a call's time went, phase by phase, when its transport could tell (watch mode's probe
//! opens its own connection to time each phase; the tenant client's pooled connections cannot).

use std::time::Duration;

use crate::i18n::Lang;
use crate::tr;

/// The phases of one call, each measured on its own (not cumulative, unlike `curl -w`'s
/// `time_connect` and friends). `None`: the phase did not happen (a reused connection, plain
/// http, a failure before it). The last phase that happened is where the call ended: a phase
/// that failed or ran out of time holds the time spent in it until then.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Phases {
    pub dns: Option<Duration>,
    pub connect: Option<Duration>,
    pub tls: Option<Duration>,
    /// From the request sent to the first byte of the answer: the tenant's own time.
    pub first_byte: Option<Duration>,
    /// Reading the rest of the answer.
    pub body: Option<Duration>,
    /// The whole call, connection included.
    pub total: Duration,
}

/// The phases by name, in order, for tables, CSV and the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    Dns,
    Connect,
    Tls,
    FirstByte,
    /// Reading the rest of the answer.
    Body,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Dns,
        Phase::Connect,
        Phase::Tls,
        Phase::FirstByte,
        Phase::Body,
    ];

    /// A stable name for `--json` and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Dns => "dns",
            Phase::Connect => "connect",
            Phase::Tls => "tls",
            Phase::FirstByte => "first_byte",
            Phase::Body => "body",
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            Phase::Dns => tr!(lang, "watch-phase-dns"),
            Phase::Connect => tr!(lang, "watch-phase-connect"),
            Phase::Tls => tr!(lang, "watch-phase-tls"),
            Phase::FirstByte => tr!(lang, "watch-phase-first-byte"),
            Phase::Body => tr!(lang, "watch-phase-body"),
        }
    }
}

impl Phases {
    pub fn get(&self, phase: Phase) -> Option<Duration> {
        match phase {
            Phase::Dns => self.dns,
            Phase::Connect => self.connect,
            Phase::Tls => self.tls,
            Phase::FirstByte => self.first_byte,
            Phase::Body => self.body,
        }
    }

    fn slot(&mut self, phase: Phase) -> &mut Option<Duration> {
        match phase {
            Phase::Dns => &mut self.dns,
            Phase::Connect => &mut self.connect,
            Phase::Tls => &mut self.tls,
            Phase::FirstByte => &mut self.first_byte,
            Phase::Body => &mut self.body,
        }
    }

    pub fn set(&mut self, phase: Phase, spent: Duration) {
        *self.slot(phase) = Some(spent);
    }

    /// The total less every phase: the probe's own time (building the request, the handshake of
    /// HTTP/1.1, reading the answer) — what the phases do not explain.
    pub fn overhead(&self) -> Duration {
        let phases: Duration = Phase::ALL.iter().filter_map(|p| self.get(*p)).sum();
        self.total.saturating_sub(phases)
    }

    /// The last phase that happened: where the call ended.
    pub fn last(&self) -> Option<Phase> {
        Phase::ALL
            .into_iter()
            .rev()
            .find(|p| self.get(*p).is_some())
    }

    /// Several calls' phases added up (a flow's token, login and exchange), each phase over the
    /// calls that went through it; `total` is left for the caller (the calls' own wall time).
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Phases>) -> Phases {
        let mut sum = Phases::default();
        for phases in all {
            for phase in Phase::ALL {
                if let Some(d) = phases.get(phase) {
                    let slot = sum.slot(phase);
                    *slot = Some(slot.unwrap_or_default() + d);
                }
            }
            sum.total += phases.total;
        }
        sum
    }
}
