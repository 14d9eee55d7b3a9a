//! The facts each hand-over document states — step, HTTP status, tenant code, time, the device
//! and where each value came from, the verdict — read back from the document as a vendor would
//! read it, to check that every document of one run says the same.

#![allow(dead_code)]

use serde_json::Value;
use sso_diag::device::{DeviceFieldName, ValueSource};
use sso_diag::i18n::Lang;
use sso_diag::step::Step;

/// One call as a document states it.
#[derive(Debug, Clone, PartialEq)]
pub struct StepFacts {
    /// The step's key (`exchange`).
    pub step: String,
    pub status: Option<u64>,
    pub code: Option<String>,
    /// Milliseconds, to the document's own precision.
    pub ms: f64,
    /// How far `ms` may be from the exact time: the document's rounding.
    pub precision: f64,
}

/// Every device field: its `--json` key, its value and its source's key.
pub type DeviceFacts = Vec<(String, String, String)>;

pub fn from_json(json: &Value) -> Vec<StepFacts> {
    let steps = json["steps"].as_array().expect("steps in --json");
    steps
        .iter()
        .map(|s| StepFacts {
            step: s["step"].as_str().expect("step").to_owned(),
            status: s["status"].as_u64(),
            code: s["code"].as_str().map(str::to_owned),
            ms: s["elapsed_ms"].as_f64().expect("elapsed_ms"),
            precision: 0.051,
        })
        .collect()
}

/// The HAR's entries; each one's timings must add up to its time.
pub fn from_har(har: &Value) -> Vec<StepFacts> {
    let entries = har["log"]["entries"].as_array().expect("entries");
    entries.iter().map(har_entry).collect()
}

pub fn har_entry(e: &Value) -> StepFacts {
    let time = e["time"].as_f64().expect("time");
    let timings = &e["timings"];
    let sum: f64 = ["blocked", "dns", "connect", "send", "wait", "receive"]
        .iter()
        .filter_map(|k| timings[*k].as_f64())
        .filter(|t| *t >= 0.0)
        .sum();
    assert!(
        (sum - time).abs() < 1e-6,
        "timings {sum} against time {time}: {e}"
    );
    let status = e["response"]["status"].as_u64().filter(|s| *s != 0);
    StepFacts {
        step: e["_step"].as_str().expect("_step").to_owned(),
        status,
        code: e["_code"].as_str().map(str::to_owned),
        ms: time,
        precision: 0.001,
    }
}

/// A case file's steps (inside the `{"format","version","data"}` envelope).
pub fn from_case(case: &Value) -> Vec<StepFacts> {
    let steps = case["data"]["steps"].as_array().expect("case steps");
    steps
        .iter()
        .map(|s| {
            let elapsed = &s["record"]["elapsed"];
            let secs = elapsed["secs"].as_f64().expect("secs");
            let nanos = elapsed["nanos"].as_f64().expect("nanos");
            let step: Step = serde_json::from_value(s["step"].clone()).expect("a step");
            StepFacts {
                step: step.key().to_owned(),
                status: s["record"]["response"]["status"].as_u64(),
                code: s["error"]["code"].as_str().map(str::to_owned),
                ms: secs * 1000.0 + nanos / 1e6,
                precision: 0.001,
            }
        })
        .collect()
}

/// The Markdown report's steps table.
pub fn from_report(md: &str) -> Vec<StepFacts> {
    let table = section(md, "## Steps");
    table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        .map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 6, "{row}");
            let title = unescape(cells[1]);
            let step = [Step::ALL.as_slice(), &[Step::Reachability]]
                .concat()
                .into_iter()
                .find(|s| s.title(Lang::En) == title)
                .unwrap_or_else(|| panic!("no step titled {title}"));
            let (ms, precision) = report_ms(cells[5]);
            StepFacts {
                step: step.key().to_owned(),
                status: cells[3].parse().ok(),
                code: Some(cells[4].trim_matches('`').trim().to_owned()).filter(|c| !c.is_empty()),
                ms,
                precision,
            }
        })
        .collect()
}

/// `0.8 ms` (a tenth) or `84 ms` (a whole millisecond).
fn report_ms(cell: &str) -> (f64, f64) {
    let number = cell.trim_end_matches(" ms");
    let ms: f64 = number.parse().unwrap_or_else(|_| panic!("a time: {cell}"));
    (ms, if number.contains('.') { 0.051 } else { 0.51 })
}

/// The text under `heading`, up to the next heading of its level.
pub fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("{heading}\n"))
        .unwrap_or_else(|| panic!("{heading} in {md}"));
    let rest = &md[start + heading.len() + 1..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

/// Markdown's backslash escapes undone.
pub fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// The report's verdict line, as text.
pub fn verdict_from_report(md: &str) -> String {
    let line = section(md, "## Verdict")
        .trim()
        .lines()
        .next()
        .unwrap_or_default();
    let title = line.trim_start_matches("**");
    let title = title.split("**").next().unwrap_or_default();
    unescape(title)
}

fn source_key(words: &str) -> String {
    let sources = [
        ValueSource::Detected,
        ValueSource::SetByUser,
        ValueSource::MachineId,
        ValueSource::HostName,
        ValueSource::NotRecorded,
    ];
    let source = sources.into_iter().find(|s| s.words(Lang::En) == words);
    source
        .unwrap_or_else(|| panic!("no source worded {words}"))
        .key()
        .to_owned()
}

pub fn device_from_report(md: &str) -> DeviceFacts {
    let table = section(md, "## Device");
    table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| field"))
        .map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
            let field = DeviceFieldName::ALL
                .into_iter()
                .find(|f| f.name(Lang::En) == cells[0])
                .unwrap_or_else(|| panic!("no field named {}", cells[0]));
            let value = cells[1].trim_matches('`').trim().to_owned();
            (
                field.key().to_owned(),
                value,
                source_key(&unescape(cells[2])),
            )
        })
        .collect()
}

pub fn device_from_json(json: &Value) -> DeviceFacts {
    let device = &json["device"];
    DeviceFieldName::ALL
        .into_iter()
        .map(|f| {
            let value = device[f.key()].as_str().expect("device value").to_owned();
            let source = device["sources"][f.key()]
                .as_str()
                .expect("source")
                .to_owned();
            (f.key().to_owned(), value, source)
        })
        .collect()
}

pub fn device_from_case(case: &Value) -> DeviceFacts {
    let device = &case["data"]["device"];
    let names = [
        (DeviceFieldName::OsVersion, "os_version"),
        (DeviceFieldName::DeviceIp, "device_ip"),
        (DeviceFieldName::Fingerprint, "fingerprint"),
        (DeviceFieldName::Agent, "agent"),
    ];
    names
        .into_iter()
        .map(|(f, field)| {
            let value = device[field].as_str().expect("device value").to_owned();
            let source = device["sources"][field]
                .as_str()
                .expect("source")
                .to_owned();
            (f.key().to_owned(), value, source)
        })
        .collect()
}

/// `a` and `b` name the same steps with the same statuses and codes, at the same times (each
/// to the coarser document's precision).
pub fn assert_agree(what: &str, a: &[StepFacts], b: &[StepFacts]) {
    let keys = |f: &[StepFacts]| f.iter().map(|s| s.step.clone()).collect::<Vec<_>>();
    assert_eq!(keys(a), keys(b), "{what}: steps");
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.status, y.status, "{what}: status of {}", x.step);
        assert_eq!(x.code, y.code, "{what}: code of {}", x.step);
        let tolerance = x.precision.max(y.precision);
        assert!(
            (x.ms - y.ms).abs() <= tolerance,
            "{what}: time of {}: {} against {}",
            x.step,
            x.ms,
            y.ms
        );
    }
}

/// Every HAR entry whose answer had nothing cut out keeps the body as received: its size is the
/// `content-length` the tenant sent.
pub fn assert_bodies_as_received(har: &Value) {
    for e in har["log"]["entries"].as_array().expect("entries") {
        let response = &e["response"];
        let Some(text) = response["content"]["text"].as_str() else {
            continue;
        };
        let length = response["headers"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|h| {
                h["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case("content-length"))
            })
            .and_then(|h| h["value"].as_str()?.parse::<u64>().ok());
        if let Some(length) = length
            && !text.contains("[redacted")
        {
            assert_eq!(response["content"]["size"].as_u64(), Some(length), "{e}");
            assert_eq!(text.len() as u64, length, "the body as received: {e}");
        }
    }
}
