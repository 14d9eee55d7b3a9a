//! `sso-diag watch --metrics`: the probe's results for Prometheus (and anything that reads its
//! formats), through the official `prometheus-client` — the last result per tenant, each phase's
//! duration as a histogram, the attempts by outcome, the failures by class and tenant code, the
//! build. Labels name the tenant (its profile, or its domain) and never a token, a user or a
//! fingerprint; a tenant's code is its own untrusted text, so it is cut to a safe alphabet and
//! length, and a tenant gets at most [`MAX_CODES`] codes of its own (the rest count as `other`).
//!
//! Knows the watch's attempts; knows nothing of HTTP (`serve`) or of the terminal.

pub mod serve;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};

use crate::watch::{Attempt, Phase};

/// Distinct tenant codes per tenant in `sso_diag_probe_failures_total`; more count as `other`.
pub const MAX_CODES: usize = 16;
/// The longest label value: a tenant's name or code longer than this is cut.
const MAX_LABEL: usize = 64;

/// The duration histogram's buckets, in seconds: a loopback answer (0.5 ms) to a hang (30 s).
const BUCKETS: [f64; 15] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct TenantLabels {
    tenant: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PhaseLabels {
    tenant: String,
    phase: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    tenant: String,
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FailureLabels {
    tenant: String,
    class: String,
    code: String,
}

type Durations = Family<PhaseLabels, Histogram, fn() -> Histogram>;

/// Which of the two text formats a scraper asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// OpenMetrics 1.0 (what Prometheus asks for first).
    OpenMetrics,
    /// The Prometheus text format 0.0.4 (curl, `promtool check metrics`, older scrapers).
    Text,
}

impl Format {
    /// The format an `Accept` header asks for.
    pub fn from_accept(accept: &str) -> Self {
        if accept.contains("application/openmetrics-text") {
            Format::OpenMetrics
        } else {
            Format::Text
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::OpenMetrics => "application/openmetrics-text; version=1.0.0; charset=utf-8",
            Format::Text => prometheus_client::encoding::prometheus_text::CONTENT_TYPE,
        }
    }
}

/// The metrics of one watch, of every tenant it probes.
pub struct ProbeMetrics {
    registry: Registry,
    success: Family<TenantLabels, Gauge>,
    durations: Durations,
    attempts: Family<OutcomeLabels, Counter>,
    failures: Family<FailureLabels, Counter>,
    /// The codes each tenant has been counted under so far.
    codes: Mutex<HashMap<String, HashSet<String>>>,
}

impl Default for ProbeMetrics {
    fn default() -> Self {
        Self::new()
    }
}

impl ProbeMetrics {
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let success = Family::<TenantLabels, Gauge>::default();
        registry.register(
            "sso_diag_probe_success",
            "Whether the tenant's latest probe succeeded (1) or failed (0)",
            success.clone(),
        );
        let durations: Durations = Family::new_with_constructor(|| Histogram::new(BUCKETS));
        registry.register_with_unit(
            "sso_diag_probe_duration",
            "Time of each probe's phase (dns, connect, tls, first_byte, body) and in total",
            Unit::Seconds,
            durations.clone(),
        );
        let attempts = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "sso_diag_probe_attempts",
            "Probes by outcome: ok, rejected, server_error, network, timeout, unexpected",
            attempts.clone(),
        );
        let failures = Family::<FailureLabels, Counter>::default();
        registry.register(
            "sso_diag_probe_failures",
            "Failed probes by class and the tenant's error code",
            failures.clone(),
        );
        let build = Info::new(vec![
            ("version", env!("CARGO_PKG_VERSION")),
            ("commit", env!("SSO_DIAG_COMMIT")),
            ("os", std::env::consts::OS),
        ]);
        registry.register("sso_diag_build", "The sso-diag build that probes", build);
        Self {
            registry,
            success,
            durations,
            attempts,
            failures,
            codes: Mutex::new(HashMap::new()),
        }
    }

    /// Counts `attempt` of `tenant` (a profile's name or a domain).
    pub fn record(&self, tenant: &str, attempt: &Attempt) {
        let tenant = label_value(tenant);
        let ok = attempt.outcome.ok();
        let labels = TenantLabels {
            tenant: tenant.clone(),
        };
        self.success.get_or_create(&labels).set(i64::from(ok));
        let phases = Phase::ALL
            .iter()
            .filter_map(|p| Some((p.key(), attempt.phases.get(*p)?)));
        for (phase, d) in phases.chain([("total", attempt.phases.total)]) {
            let labels = PhaseLabels {
                tenant: tenant.clone(),
                phase: phase.to_owned(),
            };
            self.durations
                .get_or_create(&labels)
                .observe(d.as_secs_f64());
        }
        let class = attempt.outcome.class();
        let labels = OutcomeLabels {
            tenant: tenant.clone(),
            outcome: class.to_owned(),
        };
        self.attempts.get_or_create(&labels).inc();
        if !ok {
            let code = self.code_label(&tenant, attempt.outcome.code());
            let labels = FailureLabels {
                tenant,
                class: class.to_owned(),
                code,
            };
            self.failures.get_or_create(&labels).inc();
        }
    }

    /// The code as a label: `none` when the tenant gave none, `other` past [`MAX_CODES`].
    fn code_label(&self, tenant: &str, code: Option<&str>) -> String {
        let Some(code) = code else {
            return "none".to_owned();
        };
        // A tenant may echo a secret anywhere: cut out before it becomes a label.
        let code: String = crate::secret::redact(code)
            .chars()
            .map(|c| match c {
                'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '_' | '-' | ':' => c,
                _ => '_',
            })
            .take(MAX_LABEL)
            .collect();
        let mut codes = self
            .codes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let seen = codes.entry(tenant.to_owned()).or_default();
        if seen.contains(&code) || seen.len() < MAX_CODES {
            seen.insert(code.clone());
            code
        } else {
            "other".to_owned()
        }
    }

    /// Every metric, in `format`.
    pub fn encode(&self, format: Format) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = match format {
            Format::OpenMetrics => {
                prometheus_client::encoding::text::encode(&mut text, &self.registry)
            }
            Format::Text => {
                prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
            }
        };
        text
    }
}

/// A tenant's name as a label value: no control characters, at most [`MAX_LABEL`] characters
/// (the encoder escapes quotes and backslashes).
fn label_value(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .take(MAX_LABEL)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::{Outcome, Phases};
    use std::time::Duration;

    fn attempt(outcome: Outcome) -> Attempt {
        Attempt {
            number: 1,
            at: time::OffsetDateTime::UNIX_EPOCH,
            phases: Phases {
                dns: Some(Duration::from_micros(300)),
                connect: Some(Duration::from_micros(200)),
                first_byte: Some(Duration::from_millis(40)),
                body: Some(Duration::from_micros(100)),
                total: Duration::from_millis(41),
                ..Phases::default()
            },
            outcome,
            status: Some(200),
            new_connection: true,
            calls: Vec::new(),
        }
    }

    #[test]
    fn every_metric_by_tenant_in_both_formats() {
        let m = ProbeMetrics::new();
        m.record("acme", &attempt(Outcome::Ok));
        let busy = Outcome::ServerError {
            code: Some("IDAAS.TENANT.COM.0002".into()),
        };
        m.record("globex", &attempt(busy));
        let text = m.encode(Format::Text);
        for want in [
            "sso_diag_probe_success{tenant=\"acme\"} 1\n",
            "sso_diag_probe_success{tenant=\"globex\"} 0\n",
            "sso_diag_probe_duration_seconds_bucket{tenant=\"acme\",phase=\"first_byte\",le=\"0.05\"} 1\n",
            "sso_diag_probe_duration_seconds_count{tenant=\"acme\",phase=\"total\"} 1\n",
            "sso_diag_probe_attempts_total{tenant=\"acme\",outcome=\"ok\"} 1\n",
            concat!(
                "sso_diag_probe_failures_total{tenant=\"globex\",class=\"server_error\",",
                "code=\"IDAAS.TENANT.COM.0002\"} 1\n"
            ),
            "# TYPE sso_diag_build_info gauge\n",
        ] {
            assert!(text.contains(want), "{want} in\n{text}");
        }
        assert!(
            !text.contains("phase=\"tls\""),
            "no TLS on plain http: {text}"
        );
        let open = m.encode(Format::OpenMetrics);
        assert!(open.ends_with("# EOF\n"), "{open}");
        assert!(open.contains("# TYPE sso_diag_build info\n"), "{open}");
        assert!(
            open.contains("# UNIT sso_diag_probe_duration_seconds seconds\n"),
            "{open}"
        );
    }

    #[test]
    fn a_tenant_s_code_cannot_break_out_of_its_label_nor_multiply_the_series() {
        let m = ProbeMetrics::new();
        let hostile = "X\"} 1\nsso_diag_probe_success{tenant=\"evil\"} 1\n#";
        m.record(
            "a\"cme\n",
            &attempt(Outcome::Rejected {
                code: Some(hostile.into()),
            }),
        );
        for i in 0..100 {
            let code = Some(format!("MADE.UP.{i}"));
            m.record("acme", &attempt(Outcome::Rejected { code }));
        }
        let text = m.encode(Format::Text);
        assert!(!text.contains("tenant=\"evil\""), "{text}");
        assert!(
            text.contains("code=\"X___1_sso_diag_probe_success_tenant__evil___1__\""),
            "{text}"
        );
        assert!(text.contains("tenant=\"a\\\"cme_\""), "{text}");
        let series = text
            .lines()
            .filter(|l| l.starts_with("sso_diag_probe_failures_total{"))
            .count();
        assert_eq!(series, 1 + MAX_CODES + 1, "{text}");
        assert!(
            text.contains("tenant=\"acme\",class=\"rejected\",code=\"other\"} 84\n"),
            "{text}"
        );
    }
}
