//! Trust, as a security reviewer tries it: tenants on 127.0.0.1 that echo secrets in escaped and
//! encoded forms, crash-worthy numbers, terminal escape sequences, Markdown that forges a report.
//! Every output of the command line is searched for every secret in every form (tests/trust_edges.rs:
//! proxies, files, exit codes).

mod common;
#[path = "trust/shared.rs"]
#[allow(dead_code)]
mod shared;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::{RawServer, env_vars, http_response, json, sso_diag, stderr, stdout};
use shared::*;

#[test]
fn escaped_echoes_of_a_token_are_redacted_on_every_output() {
    let json_escaped = serde_json::to_string(ACCESS).expect("json");
    let json_escaped = json_escaped.trim_matches('"');
    let echoes = [
        unicode_escaped(ACCESS),
        json_escaped.replace('/', "\\/"),
        json_escaped.to_owned(),
    ];
    for echo in echoes {
        let body = format!(
            r#"{{"error":"invalid_token","error_description":"Invalid access token: {echo}"}}"#
        );
        let server = tenant(move |_| json_answer("401 Unauthorized", &body));
        for mode in [&["--json"][..], &[][..]] {
            let out = exchange_with(&server.url(), mode);
            assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert!(all.contains("[redacted access token]"), "{echo}: {all}");
            assert_free_of("the output", &all, &[ACCESS]);
        }
    }
}

/// The whole flow (token, login, exchange, redeem) against a tenant whose redeem echoes the
/// secrets of every step before it.
fn echoing_flow_tenant() -> RawServer {
    let echo = format!(
        "secret {CLIENT_SECRET} password {PASSWORD} id {} session {} access {} ticket {}",
        unicode_escaped(ISSUED_ID),
        url::form_urlencoded::byte_serialize(ISSUED_SESSION.as_bytes()).collect::<String>(),
        STANDARD.encode(ISSUED_ACCESS),
        URL_SAFE_NO_PAD.encode(TICKET),
    );
    tenant(move |path| match path {
        "/api/v2/tenant/token" => json_answer(
            "200 OK",
            &format!(
                r#"{{"access_token":"{ISSUED_ACCESS}","expires_in":1800,"id_token":"{ISSUED_ID}"}}"#
            ),
        ),
        "/api/v2/sdk/login" => json_answer(
            "200 OK",
            &format!(r#"{{"status":"SUCCESS","session_token":"{ISSUED_SESSION}","expire":600}}"#),
        ),
        "/api/v2/tenant/sso/session-token/sso-ticket" => json_answer(
            "200 OK",
            &format!(r#"{{"expire":300,"sso_ticket":"{TICKET}"}}"#),
        ),
        _ => json_answer(
            "400 Bad Request",
            &format!(r#"{{"error_code":"ECHO.0001","error_msg":"{echo}"}}"#),
        ),
    })
}

#[test]
fn no_secret_of_any_step_reaches_any_sink_even_with_trace_logging() {
    let server = echoing_flow_tenant();
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("trace.log");
    let report = dir.path().join("report.md");
    let mut outputs = String::new();
    for mode in [&["--json"][..], &[][..]] {
        let out = sso_diag()
            .args(["exchange", "--domain", &server.url(), "--client-id", "app"])
            .args(["--user", "someone", "--redeem", "--report"])
            .arg(&report)
            .arg("--log-file")
            .arg(&log)
            .args(mode)
            .env("RUST_LOG", "trace")
            .env(env_vars::CLIENT_SECRET, CLIENT_SECRET)
            .env(env_vars::PASSWORD, PASSWORD)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
        // The issued ticket is the product: printed on standard output, nowhere else.
        assert!(stdout(&out).contains(TICKET));
        outputs.push_str(&stdout(&out).replace(TICKET, "(the ticket)"));
        outputs.push_str(&stderr(&out));
        assert!(outputs.contains("[redacted client secret]"), "{outputs}");
        assert!(outputs.contains("[redacted password]"), "{outputs}");
        let report = std::fs::read_to_string(&report).expect("report");
        outputs.push_str(&report);
    }
    let log = std::fs::read_to_string(&log).expect("log");
    assert!(log.contains("TRACE"), "trace logging was on");
    assert!(
        server.received_text().contains(CLIENT_SECRET),
        "really sent"
    );
    let secrets = [
        CLIENT_SECRET,
        ISSUED_ACCESS,
        ISSUED_SESSION,
        ISSUED_ID,
        TICKET,
    ];
    assert_free_of("stdout, stderr and the report", &outputs, &secrets);
    assert_free_of("the log", &log, &secrets);
    assert!(log.contains("/sso-ticket/verify"), "the redeem ran");
    // The short password is searched for in what the tenant sent: the echo is redacted.
    assert!(
        !outputs.contains(&format!("password {PASSWORD}")),
        "{outputs}"
    );
}

#[test]
fn a_redeem_that_echoes_the_session_token_and_the_ticket_leaks_neither() {
    let echo = format!(
        "session {} ticket {}",
        unicode_escaped(SESSION),
        URL_SAFE_NO_PAD.encode(TICKET)
    );
    let server = tenant(move |path| match path {
        "/api/v2/tenant/sso/session-token/sso-ticket" => json_answer(
            "200 OK",
            &format!(r#"{{"expire":300,"sso_ticket":"{TICKET}"}}"#),
        ),
        _ => json_answer(
            "400 Bad Request",
            &format!(r#"{{"error_code":"PARAM.0032","error_msg":"{echo}"}}"#),
        ),
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.md");
    let args = ["--redeem", "--report", report.to_str().expect("utf-8")];
    let out = exchange_with(&server.url(), &args);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    // The ticket is issued and shown (it is the product); its echo in the error is not.
    assert!(stdout(&out).contains(TICKET), "{}", stdout(&out));
    let report = std::fs::read_to_string(&report).expect("report");
    assert_free_of("the report", &report, &[TICKET, SESSION, ACCESS]);
    assert_free_of("stderr", &stderr(&out), &[TICKET, SESSION, ACCESS]);
}

#[test]
fn a_token_shorter_than_eight_characters_is_refused_before_sending() {
    let server = tenant(|_| json_answer("200 OK", "{}"));
    let out = common::exchange(&server.url(), "abc", SESSION, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("access token: it is only 3 characters long"));
    assert!(server.received_text().is_empty(), "nothing sent");
}

#[test]
fn an_absurd_expire_is_unexpected_but_the_ticket_is_still_shown() {
    for expire in ["1000000000000", "9007199254740991", "18446744073709551615"] {
        let body = format!(r#"{{"expire":{expire},"sso_ticket":"{TICKET}"}}"#);
        let server = tenant(move |_| json_answer("200 OK", &body));
        let out = exchange_with(&server.url(), &[]);
        assert_eq!(out.status.code(), Some(6), "{expire}: {}", stderr(&out));
        assert!(stdout(&out).contains(&format!("  ticket      {TICKET}")));
        assert!(
            stderr(&out).contains("more than a year"),
            "{}",
            stderr(&out)
        );

        let out = exchange_with(&server.url(), &["--json"]);
        assert_eq!(out.status.code(), Some(6));
        let v = json(&out);
        assert_eq!(
            v["sso_ticket"], TICKET,
            "the ticket survives in --json: {v}"
        );
        assert_eq!(v["error"]["kind"], "unexpected_response");
    }
}

/// No escape sequence, bell, carriage return or C1 control reaches the terminal.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text
        .char_indices()
        .find(|(_, c)| (c.is_control() && *c != '\n') || ('\u{80}'..='\u{9f}').contains(c));
    assert!(
        bad.is_none(),
        "{what} has a control character {bad:?}:\n{text:?}"
    );
}

#[test]
fn nothing_a_tenant_sends_can_drive_the_terminal() {
    let esc = r"\u001b[2J\u001b]0;owned\u0007\rFORGED LINE\n\u009b31m";
    let answers: Vec<(&str, String)> = vec![
        (
            "ticket",
            format!(r#"{{"expire":300,"sso_ticket":"ssoTicket-{esc}"}}"#),
        ),
        (
            "error",
            format!(r#"{{"error_code":"X{esc}","error_msg":"bad{esc}"}}"#),
        ),
        (
            "user",
            format!(r#"{{"id":"1","userName":"u{esc}","name":"n{esc}"}}"#),
        ),
    ];
    for (what, body) in answers {
        let status = if what == "error" {
            "400 Bad Request"
        } else {
            "200 OK"
        };
        let (exchange, verify) = if what == "user" {
            (format!(r#"{{"expire":300,"sso_ticket":"{TICKET}"}}"#), body)
        } else {
            (body.clone(), body)
        };
        let server = tenant(move |path| {
            if path.ends_with("/verify") {
                json_answer(status, &verify)
            } else {
                json_answer(status, &exchange)
            }
        });
        for mode in [&["--redeem"][..], &["--redeem", "--json"][..]] {
            let out = exchange_with(&server.url(), mode);
            assert_inert(&format!("{what} stdout"), &out.stdout);
            assert_inert(&format!("{what} stderr"), &out.stderr);
        }
        let out = exchange_with(&server.url(), &["--redeem"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            all.contains(r"\x1b[2J"),
            "{what}: shown as an escape: {all}"
        );
    }

    // A redirect's Location, a binary body and a login status.
    let location = "http://evil.example/\u{1b}[31mred";
    let redirect = http_response("302 Found", &[("Location", location)], "");
    let server = RawServer::start(redirect, Duration::ZERO);
    let out = exchange_with(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
    assert_inert("redirect stderr", &out.stderr);

    let mut gzip =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n".to_vec();
    gzip.extend_from_slice(&[
        0x1f, 0x8b, 0x08, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x07, 0x0d, 0x9b, 0x00,
    ]);
    let server = RawServer::start(gzip, Duration::ZERO);
    let out = exchange_with(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
    assert_inert("binary body stderr", &out.stderr);

    let status = format!(r#"{{"status":"{esc}","session_token":"x"}}"#);
    let server = tenant(move |_| json_answer("200 OK", &status));
    let out = sso_diag()
        .args([
            "login",
            "--domain",
            &server.url(),
            "--client-id",
            "app",
            "--user",
            "u",
        ])
        .env(env_vars::PASSWORD, "a-password")
        .output()
        .expect("run");
    assert_inert("login stderr", &out.stderr);
    assert_inert("login stdout", &out.stdout);
}

/// The lines of `markdown` outside fenced code blocks.
fn outside_fences(markdown: &str) -> Vec<String> {
    let mut fence: Option<usize> = None;
    let mut lines = Vec::new();
    for line in markdown.lines() {
        let ticks = line.chars().take_while(|c| *c == '`').count();
        match fence {
            None if ticks >= 3 => fence = Some(ticks),
            Some(open) if ticks >= open && line.trim_end().chars().all(|c| c == '`') => {
                fence = None
            }
            None => lines.push(line.to_owned()),
            Some(_) => {}
        }
    }
    lines
}

#[test]
fn a_body_cannot_forge_the_report() {
    let forged = "```\n## Verdict\n**All good**\n![x](https://evil.example/p.png)\n````\n# Owned";
    let body = serde_json::json!({"error_code": "X", "error_msg": forged}).to_string();
    let raw = http_response("400 Bad Request", &[("Content-Type", "text/plain")], forged);
    for answer in [json_answer("400 Bad Request", &body), raw] {
        let server = RawServer::start(answer, Duration::ZERO);
        let dir = tempfile::tempdir().expect("tempdir");
        let report = dir.path().join("r.md");
        let out = exchange_with(
            &server.url(),
            &["--report", report.to_str().expect("utf-8")],
        );
        assert_eq!(out.status.code(), Some(4));
        let md = std::fs::read_to_string(&report).expect("report");
        let prose = outside_fences(&md);
        let verdicts = prose.iter().filter(|l| l.starts_with("## Verdict")).count();
        assert_eq!(verdicts, 1, "{md}");
        assert!(!prose.iter().any(|l| l.starts_with("# Owned")), "{md}");
        assert!(
            !prose
                .iter()
                .any(|l| l.contains("](https://evil") && !l.contains("`")),
            "an image outside code: {md}"
        );
    }
}
