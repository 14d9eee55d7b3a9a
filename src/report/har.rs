//! The calls as a HAR 1.2 file (HTTP Archive), which Chrome and Firefox DevTools, Fiddler and
//! Charles import: what a vendor's engineer opens first. Every entry is one [`StepRecord`] — a
//! step of the flow, or a call of a watch's attempt — so its time is the step's own.
//!
//! What importers insist on beyond the spec: `log.pages` present (Firefox), `cache` an object
//! (Firefox), every size and timing a number (Chrome), absolute URLs (Charles), `postData.text`
//! set (Chrome); custom fields start with `_`.

use std::time::Duration;

use serde_json::{Value, json};
use time::OffsetDateTime;

use super::HandOver;
use crate::ciam::HttpRecord;
use crate::step::StepRecord;

impl HandOver<'_> {
    /// The HAR file's text: every call that went out, then the watch's calls that kept their
    /// evidence; every secret this process has seen redacted in every form.
    pub fn har(&self) -> String {
        let steps = self.steps.iter().map(|s| entry(s, None));
        let attempts = self.watch.iter().flat_map(|w| &w.attempts);
        let watched = attempts.flat_map(|a| a.calls.iter().map(move |s| entry(s, Some(a.number))));
        let entries: Vec<Value> = steps.chain(watched).flatten().collect();
        let har = json!({"log": {
            "version": "1.2",
            "creator": {"name": "sso-diag", "version": env!("CARGO_PKG_VERSION")},
            "pages": [],
            "entries": entries,
        }});
        let text = serde_json::to_string_pretty(&har).unwrap_or_default();
        crate::text::escape_json_text(&crate::secret::redact(&text))
    }

    /// The HAR as a value, for the case file that carries it.
    pub(super) fn har_value(&self) -> Value {
        serde_json::from_str(&self.har()).unwrap_or_default()
    }
}

/// One call, if it went out; `attempt`: the watch's attempt it belongs to.
fn entry(step: &StepRecord, attempt: Option<u32>) -> Option<Value> {
    if !step.was_sent() {
        return None;
    }
    let record = &step.record;
    let timings = timings(record);
    let mut entry = json!({
        "startedDateTime": started(step.at - record.elapsed),
        "time": ms(record.elapsed),
        "request": request(record),
        "response": response(record),
        "cache": {},
        "timings": timings,
        "_step": step.step.key(),
    });
    let map = entry.as_object_mut()?;
    if let Some(ip) = &record.server_ip {
        map.insert("serverIPAddress".into(), json!(ip));
    }
    if let Some(connection) = &record.connection {
        map.insert("connection".into(), json!(connection));
    }
    if let Some(number) = attempt {
        map.insert("_attempt".into(), json!(number));
    }
    if let Some(error) = &step.error {
        map.insert("_error".into(), json!(format!("{}: {error}", error.kind())));
    }
    if let Some(code) = step.tenant_code() {
        map.insert("_code".into(), json!(code));
    }
    Some(entry)
}

/// ISO 8601 with milliseconds and `Z`, which every importer parses.
fn started(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    at.format(time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    ))
    .unwrap_or_default()
}

/// Milliseconds to the microsecond: whole microseconds add up exactly, so the timings sum to
/// the entry's time.
fn ms(d: Duration) -> f64 {
    micros(d) as f64 / 1000.0
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// Where the call's time went. Without phases (the tenant client's pooled connection) it all
/// counts as waiting for the answer; with them, what no phase explains (the probe's own work) is
/// `blocked`, so the timings always add up to the call's time, a hang's included.
fn timings(record: &HttpRecord) -> Value {
    let Some(p) = record.phases.as_ref() else {
        return json!({
            "blocked": -1, "dns": -1, "connect": -1, "ssl": -1,
            "send": 0, "wait": ms(record.elapsed), "receive": 0,
        });
    };
    let part = |d: Option<Duration>| d.map_or(0, micros);
    // HAR counts TLS inside `connect` (and again as `ssl`); the probe measures them apart.
    let connect = part(p.connect) + part(p.tls);
    let measured = part(p.dns) + connect + part(p.first_byte) + part(p.body);
    let blocked = micros(record.elapsed).saturating_sub(measured);
    let or_none = |d: Option<Duration>, us: u64| d.map_or(-1.0, |_| us as f64 / 1000.0);
    let connect_ms = match (p.connect, p.tls) {
        (None, None) => -1.0,
        _ => connect as f64 / 1000.0,
    };
    json!({
        "blocked": blocked as f64 / 1000.0,
        "dns": or_none(p.dns, part(p.dns)),
        "connect": connect_ms,
        "ssl": or_none(p.tls, part(p.tls)),
        "send": 0,
        "wait": part(p.first_byte) as f64 / 1000.0,
        "receive": part(p.body) as f64 / 1000.0,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ciam::record::RequestRecord;
    use crate::ciam::timing::Phases;

    fn record(phases: Option<Phases>, elapsed_us: u64) -> HttpRecord {
        let request = RequestRecord {
            method: "POST".into(),
            url: "https://tenant.example.com/x".into(),
            headers: Vec::new(),
            body: String::new(),
        };
        let mut record = HttpRecord::new(request, None, Duration::from_micros(elapsed_us));
        record.phases = phases;
        record
    }

    fn sum(timings: &Value) -> f64 {
        ["blocked", "dns", "connect", "send", "wait", "receive"]
            .iter()
            .filter_map(|k| timings[*k].as_f64())
            .filter(|t| *t >= 0.0)
            .sum()
    }

    #[test]
    fn the_timings_add_up_to_the_calls_time_a_hang_included() {
        let hang = Phases {
            dns: Some(Duration::from_micros(40)),
            connect: Some(Duration::from_micros(90)),
            first_byte: Some(Duration::from_micros(2_000_123)),
            total: Duration::from_micros(2_000_401),
            ..Phases::default()
        };
        let t = timings(&record(Some(hang), 2_000_401));
        assert_eq!(t["wait"], json!(2000.123));
        assert_eq!(t["ssl"], json!(-1.0));
        assert!((sum(&t) - 2000.401).abs() < 1e-9, "{t}");
        let pooled = timings(&record(None, 84_250));
        assert!((sum(&pooled) - 84.25).abs() < 1e-9, "{pooled}");
    }
}
