//! An independent check of a HAR file: the HAR 1.2 JSON schema (har-schema 2.0.0, vendored in
//! tests/data), plus what that schema cannot say and importers insist on (Chrome DevTools'
//! numbers and dates, Firefox's `pages` and `cache`, Charles's absolute URLs, `time` = the sum
//! of the timings).

use serde_json::Value;

pub fn assert_valid_har(text: &str) -> Value {
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
    let har: Value = serde_json::from_str(text).expect("a HAR is one JSON document");
    let schema: Value =
        serde_json::from_str(include_str!("../data/har-schema.json")).expect("the schema");
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the HAR schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&har)
        .map(|e| format!("{e} (at {})", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "HAR schema violations:\n{}",
        errors.join("\n")
    );

    let log = &har["log"];
    assert_eq!(log["version"], "1.2");
    assert!(log["pages"].is_array(), "Firefox needs log.pages");
    let date = |s: &str| {
        let b = s.as_bytes();
        s.len() == 24 && b[10] == b'T' && b[19] == b'.' && s.ends_with('Z')
    };
    let entries = log["entries"].as_array().expect("entries");
    for entry in entries {
        let started = entry["startedDateTime"].as_str().expect("started");
        assert!(date(started), "{started}");
        assert!(entry["cache"].is_object(), "Firefox needs cache");
        let t = &entry["timings"];
        for key in ["send", "wait", "receive"] {
            assert!(t[key].as_f64().expect(key) >= 0.0, "{key} in {t}");
        }
        for key in ["blocked", "dns", "connect", "ssl"] {
            if let Some(v) = t[key].as_f64() {
                assert!(v >= 0.0 || v == -1.0, "{key} in {t}");
            }
        }
        if let (Some(ssl), Some(connect)) = (t["ssl"].as_f64(), t["connect"].as_f64())
            && ssl >= 0.0
        {
            assert!(connect >= ssl, "ssl is counted inside connect: {t}");
        }
        let sum: f64 = ["blocked", "dns", "connect", "send", "wait", "receive"]
            .iter()
            .filter_map(|k| t[*k].as_f64())
            .filter(|v| *v >= 0.0)
            .sum();
        let time = entry["time"].as_f64().expect("time");
        assert!(
            (time - sum).abs() < 1e-6,
            "time {time} is the sum {sum} of {t}"
        );
        let url =
            url::Url::parse(entry["request"]["url"].as_str().expect("url")).expect("absolute");
        assert!(matches!(url.scheme(), "http" | "https") && url.fragment().is_none());
        if let Some(post) = entry["request"].get("postData") {
            assert!(post["text"].is_string(), "Chrome reads postData.text");
        }
        for (key, _) in entry.as_object().expect("entry") {
            let known = [
                "pageref",
                "startedDateTime",
                "time",
                "request",
                "response",
                "cache",
                "timings",
                "serverIPAddress",
                "connection",
                "comment",
            ];
            assert!(
                known.contains(&key.as_str()) || key.starts_with('_'),
                "custom field {key}"
            );
        }
    }
    har
}

/// `secret` as it may travel: raw, JSON-escaped, URL-encoded, base64 and base64url.
pub fn encodings(secret: &str) -> Vec<String> {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let json = serde_json::to_string(secret).expect("json");
    let mut forms = vec![
        secret.to_owned(),
        json.trim_matches('"').to_owned(),
        json.trim_matches('"').replace('/', "\\/"),
        url::form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
    ];
    for engine in [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD] {
        forms.push(engine.encode(secret));
    }
    forms
}

pub fn assert_no_secret(what: &str, text: &str, secrets: &[String]) {
    for secret in secrets {
        for form in encodings(secret) {
            assert!(
                !text.contains(&form),
                "{secret:?} (as {form:?}) found in {what}:\n{text}"
            );
        }
    }
}
