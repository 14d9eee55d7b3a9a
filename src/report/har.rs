//! The session's calls as a HAR 1.2 file (HTTP Archive), which Chrome and Firefox DevTools,
//! Fiddler and Charles import: what a vendor's engineer opens first. Built from the same redacted
//! records as the report, and the whole text goes through the redactor last, as the report does.
//!
//! What importers insist on beyond the spec: `log.pages` present (Firefox), `cache` an object
//! (Firefox), every size and timing a number (Chrome), absolute URLs (Charles), `postData.text`
//! set (Chrome); custom fields start with `_`.

use std::time::Duration;

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::ciam::{CiamError, HttpRecord};
use crate::watch::Phases;

/// One call: when it started, its evidence, how it ended, and where its time went when that was
/// measured (a watch's probe); otherwise its whole time counts as waiting for the answer.
pub struct HarEntry<'a> {
    pub started: OffsetDateTime,
    pub record: &'a HttpRecord,
    pub error: Option<&'a CiamError>,
    pub phases: Option<&'a Phases>,
    /// `exchange`, `login`… (the step's key), as `_step`.
    pub step: &'static str,
}

impl<'a> HarEntry<'a> {
    /// A step of the flow; its record's time is when the answer arrived.
    pub fn of_step(step: &'a crate::step::StepRecord) -> Self {
        Self {
            started: step.at - step.record.elapsed,
            record: &step.record,
            error: step.error.as_ref(),
            phases: None,
            step: step.step.key(),
        }
    }

    /// A watch's probe that kept its evidence, timed phase by phase.
    pub fn of_attempt(attempt: &'a crate::watch::Attempt) -> Option<Self> {
        Some(Self {
            started: attempt.at,
            record: attempt.record.as_deref()?,
            error: attempt.error.as_deref(),
            phases: Some(&attempt.phases),
            step: "watch",
        })
    }
}

/// The HAR file's text, every secret this process has seen redacted in every form.
pub fn har_json(entries: &[HarEntry<'_>]) -> String {
    let entries: Vec<Value> = entries
        .iter()
        .filter(|e| !e.record.request.url.is_empty())
        .map(entry)
        .collect();
    let har = json!({"log": {
        "version": "1.2",
        "creator": {"name": "sso-diag", "version": env!("CARGO_PKG_VERSION")},
        "pages": [],
        "entries": entries,
    }});
    let text = serde_json::to_string_pretty(&har).unwrap_or_default();
    crate::text::escape_json_text(&crate::secret::redact(&text))
}

fn entry(e: &HarEntry<'_>) -> Value {
    let timings = timings(e.phases, e.record.elapsed);
    let time: f64 = ["blocked", "dns", "connect", "send", "wait", "receive"]
        .iter()
        .filter_map(|k| timings.get(*k).and_then(Value::as_f64))
        .filter(|t| *t >= 0.0)
        .sum();
    let mut entry = json!({
        "startedDateTime": started(e.started),
        "time": time,
        "request": request(e.record),
        "response": response(e.record),
        "cache": {},
        "timings": timings,
        "_step": e.step,
    });
    if let (Some(error), Some(map)) = (e.error, entry.as_object_mut()) {
        map.insert("_error".into(), json!(format!("{}: {error}", error.kind())));
    }
    entry
}

/// ISO 8601 with milliseconds and `Z`, which every importer parses.
fn started(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    at.format(time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    ))
    .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

fn timings(phases: Option<&Phases>, elapsed: Duration) -> Value {
    let Some(p) = phases else {
        return json!({
            "blocked": -1, "dns": -1, "connect": -1, "ssl": -1,
            "send": 0, "wait": ms(elapsed), "receive": 0,
        });
    };
    let or_none = |d: Option<Duration>| d.map_or(-1.0, ms);
    // HAR counts TLS inside `connect` (and again as `ssl`); the probe measures them apart.
    let connect = match (p.connect, p.tls) {
        (None, None) => -1.0,
        (c, t) => ms(c.unwrap_or_default() + t.unwrap_or_default()),
    };
    json!({
        "blocked": -1,
        "dns": or_none(p.dns),
        "connect": connect,
        "ssl": or_none(p.tls),
        "send": 0,
        "wait": p.first_byte.map_or(0.0, ms),
        "receive": p.body.map_or(0.0, ms),
    })
}

fn header_list(headers: &[(String, String)]) -> Vec<Value> {
    headers
        .iter()
        .map(|(name, value)| json!({"name": name, "value": value}))
        .collect()
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn request(record: &HttpRecord) -> Value {
    let r = &record.request;
    let query: Vec<Value> = url::Url::parse(&r.url)
        .map(|u| {
            u.query_pairs()
                .map(|(k, v)| json!({"name": k, "value": v}))
                .collect()
        })
        .unwrap_or_default();
    let mut request = json!({
        "method": r.method,
        "url": r.url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": header_list(&r.headers),
        "queryString": query,
        "headersSize": -1,
        "bodySize": r.body.len(),
    });
    if !r.body.is_empty()
        && let Some(map) = request.as_object_mut()
    {
        let mime = header(&r.headers, "content-type").unwrap_or("application/json");
        map.insert("postData".into(), json!({"mimeType": mime, "text": r.body}));
    }
    request
}

fn response(record: &HttpRecord) -> Value {
    let Some(r) = &record.response else {
        // No answer (refused, timed out): importers still need a response object.
        return json!({
            "status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [],
            "content": {"size": 0, "mimeType": "x-unknown"},
            "redirectURL": "", "headersSize": -1, "bodySize": -1,
        });
    };
    let status_text = hyper::StatusCode::from_u16(r.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let mime = header(&r.headers, "content-type").unwrap_or("x-unknown");
    json!({
        "status": r.status,
        "statusText": status_text,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": header_list(&r.headers),
        "content": {"size": r.body.len(), "mimeType": mime, "text": r.body},
        "redirectURL": header(&r.headers, "location").unwrap_or(""),
        "headersSize": -1,
        "bodySize": r.body.len(),
    })
}
