//! What `--json` says of a run and of a watch, for machines (English, stable keys): the same
//! records as every other document, so the JSON and the report can never disagree.

use serde_json::{Map, Value, json};

use super::HandOver;
use crate::clock::{millis, millis_to_the_microsecond as micro_ms, rfc3339};
use crate::device::SentDevice;
use crate::i18n::Lang;
use crate::step::StepRecord;
use crate::watch::{Attempt, Phase, Summary};

impl HandOver<'_> {
    /// What every run's JSON carries: the tenant, the device as sent, each step, the warnings and
    /// the verdict.
    pub fn json_fields(&self) -> Map<String, Value> {
        let verdict = self.verdict();
        let mut map = Map::new();
        map.insert("tenant".into(), json!(self.setting.tenant));
        map.insert("device".into(), device_json(&self.setting.device));
        let steps: Vec<Value> = self.steps.iter().map(|s| step_json(s)).collect();
        map.insert("steps".into(), Value::Array(steps));
        let warnings: Vec<String> = self
            .steps
            .iter()
            .flat_map(|s| s.warnings(Lang::En))
            .collect();
        map.insert("warnings".into(), json!(warnings));
        map.insert(
            "verdict".into(),
            json!({
                "ok": verdict.ok(),
                "step": verdict.step().map(|s| s.key()),
                "title": verdict.title(Lang::En),
            }),
        );
        map
    }
}

/// One step: which, its HTTP status and tenant code, its time, its one-line summary.
pub fn step_json(step: &StepRecord) -> Value {
    json!({
        "step": step.step.key(),
        "status": step.http_status(),
        "code": step.tenant_code(),
        "elapsed_ms": millis(step.record.elapsed),
        "summary": step.summary(Lang::En),
    })
}

/// The device fields by their API names, and where each value came from.
pub fn device_json(device: &SentDevice) -> Value {
    let mut values = Map::new();
    let mut sources = Map::new();
    for (field, value, source) in device.rows() {
        values.insert(field.key().into(), json!(value));
        sources.insert(field.key().into(), json!(source.key()));
    }
    values.insert("sources".into(), Value::Object(sources));
    Value::Object(values)
}

fn phases_json(attempt: &Attempt) -> Value {
    let mut map = Map::new();
    for phase in Phase::ALL {
        map.insert(
            phase.key().to_owned(),
            json!(attempt.phases.get(phase).map(micro_ms)),
        );
    }
    map.insert("total".to_owned(), json!(micro_ms(attempt.phases.total)));
    Value::Object(map)
}

/// One attempt of a watch, as its line says it; `profile`: the tenant's profile, when the watch
/// was given one (several tenants are told apart by it).
pub fn attempt_json(attempt: &Attempt, profile: Option<&str>) -> Value {
    json!({
        "profile": profile,
        "attempt": attempt.number,
        "at": rfc3339(attempt.at),
        "outcome": attempt.outcome.class(),
        "code": attempt.outcome.code(),
        "status": attempt.status,
        "new_connection": attempt.new_connection,
        "phases_ms": phases_json(attempt),
    })
}

/// What a watch added up to (of one tenant): the counts and the maximum exact, the percentiles
/// from a histogram within `percentiles_relative_error`.
pub fn summary_json(summary: &Summary) -> Value {
    let phases: Map<String, Value> = summary
        .phases
        .iter()
        .map(|(phase, s)| {
            let key = phase.map_or("total", Phase::key).to_owned();
            let [p50, p95, p99, max] = [s.p50, s.p95, s.p99, s.max].map(micro_ms);
            (key, json!({"p50": p50, "p95": p95, "p99": p99, "max": max}))
        })
        .collect();
    let failures: Vec<Value> = summary
        .failures
        .iter()
        .map(|((class, code), n)| json!({"class": class, "code": code, "count": n}))
        .collect();
    json!({
        "attempts": summary.attempts,
        "ok": summary.ok,
        "success_rate": summary.success_rate(),
        "phases_ms": phases,
        "percentiles_relative_error": crate::watch::tally::RELATIVE_ERROR,
        "failures": failures,
        "exit_code": summary.exit_code(),
    })
}
