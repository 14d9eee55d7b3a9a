//! The redactor as a sink sees it: registered secrets, text in, text out.

use super::*;

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

#[test]
fn redacts_every_occurrence_of_every_secret() {
    let r = Redactor::new()
        .with("access token", &secret("AT-123456"))
        .with("session token", &secret("ST-abcdef"));
    let text = "Invalid access token: AT-123456 (AT-123456) for ST-abcdef";
    let out = r.redact(text);
    assert_eq!(
        out,
        "Invalid access token: [redacted access token] ([redacted access token]) for \
            [redacted session token]"
    );
}

#[test]
fn a_secret_containing_another_is_replaced_whole() {
    let r = Redactor::new()
        .with("short", &secret("abcd"))
        .with("long", &secret("xxabcdxx"));
    assert_eq!(r.redact("[xxabcdxx]"), "[[redacted long]]");
}

#[test]
fn tiny_secrets_are_searched_for_only_in_tenant_text() {
    let r = Redactor::new().with("password", &secret("q7#"));
    assert_eq!(r.redact("xq7#x"), "xq7#x");
    assert_eq!(redact_tenant_text("xq7#x"), "x[redacted password]x");
}

#[test]
fn every_encoding_of_a_secret_is_redacted() {
    let value = "tok/en+\"quoted\"\\é 1";
    register("access token", &secret(value));
    let json = serde_json::to_string(value).expect("json");
    let url: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
    let forms = [
        value.to_owned(),
        json.trim_matches('"').to_owned(),
        json.trim_matches('"').replace('/', "\\/"),
        url.clone(),
        url.replace('+', "%20"),
        url.to_lowercase(),
        STANDARD.encode(value),
        URL_SAFE_NO_PAD.encode(value),
    ];
    for form in forms {
        let out = redact(&format!("echo: {form} ."));
        assert_eq!(out, "echo: [redacted access token] .", "{form}");
    }
}

#[test]
fn masked_shows_length_not_value() {
    let s = secret("top-secret-value");
    let m = masked(&s);
    assert!(m.contains("16 chars"));
    assert!(!m.contains("top-secret"));
}

#[test]
fn debug_of_a_secret_does_not_leak_it() {
    let s = secret("top-secret-value");
    assert!(!format!("{s:?}").contains("top-secret"));
}

#[test]
fn a_line_printed_while_this_thread_builds_the_automaton_is_withheld_not_waited_on() {
    register("session token", &secret("pending-while-building-0001"));
    let building = BuildingHere::start();
    let line = redact("a log line from inside the build: pending-while-building-0001");
    assert_eq!(
        line,
        "[redacted: written while the redactor was being built]"
    );
    drop(building);
    assert_eq!(
        redact("pending-while-building-0001"),
        "[redacted session token]"
    );
}
