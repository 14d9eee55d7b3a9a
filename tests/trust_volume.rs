//! Trust at volume, as a hostile tenant on 127.0.0.1 tries it: an answer stuffed with hundreds of
//! tokens cannot switch redaction off, echoes in every encoding are caught in every sink (stdout,
//! stderr, `--json`, the report, HAR, case, the log), JSON outputs escape what reorders a line,
//! and a watch's CSV and report cannot be turned into formulas or forged headings.

mod common;
#[path = "forms/every.rs"]
mod every;
#[path = "forms/flood.rs"]
mod flood;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{RawServer, env_vars, http_response, sso_diag, stderr, stdout};
use every::assert_free_of;
use flood::flood_answer;
use sso_diag::mock::{MockConfig, MockTenant, Scenario};

/// Tokens with what JSON, URLs and HTML escape.
const ACCESS: &str = "volume/access+token=\"odd\"\\chars&more-01";
const SESSION: &str = "volume-session-token-éé-0002";
const CLIENT_SECRET: &str = "volume<client>/secret+0003";

fn flooding_tenant(echo: &'static [&'static str]) -> RawServer {
    RawServer::start_with(Arc::new(move |_, stream| {
        let _ = stream.write_all(&flood_answer(echo));
    }))
}

/// Runs `args` twice (human output and `--json`), with every file sink and trace logging on;
/// returns everything each sink holds, named.
fn run_with_every_sink(
    args: &[&str],
    env: &[(&str, &str)],
    want_exit: i32,
) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = |name: &str| dir.path().join(name);
    let mut sinks = Vec::new();
    for mode in [&[][..], &["--json"][..]] {
        let mut cmd = sso_diag();
        cmd.args(args)
            .args(mode)
            .arg("--report")
            .arg(file("r.md"))
            .arg("--har")
            .arg(file("r.har"))
            .arg("--case")
            .arg(file("r.case"))
            .arg("--log-file")
            .arg(file("trace.log"))
            .env("RUST_LOG", "trace");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(want_exit), "{}", stderr(&out));
        let mode = mode.join("");
        sinks.push((format!("stdout {mode}"), stdout(&out)));
        sinks.push((format!("stderr {mode}"), stderr(&out)));
        for name in ["r.md", "r.har", "r.case"] {
            let text = std::fs::read_to_string(file(name)).unwrap_or_default();
            assert!(!text.is_empty(), "{name} written");
            sinks.push((format!("{name} {mode}"), text));
        }
    }
    let log = std::fs::read_to_string(file("trace.log")).expect("log");
    assert!(log.contains("TRACE"), "trace logging was on");
    sinks.push(("the log".to_owned(), log));
    sinks
}

fn assert_sinks_free_of(sinks: &[(String, String)], secrets: &[&str]) {
    for (sink, text) in sinks {
        assert_free_of(sink, text, secrets);
    }
    let all: String = sinks.iter().map(|(_, t)| t.as_str()).collect();
    assert!(all.contains("[redacted"), "the echo was there, redacted");
}

#[test]
fn six_hundred_tokens_in_one_answer_switch_off_nothing() {
    let server = flooding_tenant(&[ACCESS, SESSION]);
    let sinks = run_with_every_sink(
        &["exchange", "--domain", &server.url()],
        &[
            (env_vars::ACCESS_TOKEN, ACCESS),
            (env_vars::SESSION_TOKEN, SESSION),
        ],
        4,
    );
    assert_sinks_free_of(&sinks, &[ACCESS, SESSION]);
    let decoy = sinks
        .iter()
        .any(|(_, t)| t.contains("flood-0000-decoy-token"));
    assert!(!decoy, "the answer's own tokens are hidden too");
}

#[test]
fn a_flooded_client_credentials_answer_keeps_the_client_secret() {
    let server = flooding_tenant(&[CLIENT_SECRET]);
    let sinks = run_with_every_sink(
        &["exchange", "--domain", &server.url(), "--client-id", "app"],
        &[
            (env_vars::CLIENT_SECRET, CLIENT_SECRET),
            (env_vars::SESSION_TOKEN, SESSION),
        ],
        4,
    );
    assert_sinks_free_of(&sinks, &[CLIENT_SECRET, SESSION]);
}

#[test]
fn the_echo_mock_s_whole_flow_leaks_nothing_anywhere() {
    let tenant = MockTenant::start(MockConfig {
        scenario: Scenario::Echo,
        ..MockConfig::default()
    })
    .expect("mock");
    let sinks = run_with_every_sink(
        &[
            "exchange",
            "--domain",
            &tenant.url(),
            "--client-id",
            common::demo::CLIENT_ID,
            "--user",
            common::demo::USER_NAME,
            "--redeem",
        ],
        &[
            (env_vars::CLIENT_SECRET, common::demo::CLIENT_SECRET),
            (env_vars::PASSWORD, common::demo::PASSWORD),
        ],
        0,
    );
    let issued = common::secrets_on_the_wire(&tenant, &["session_token", "sso_ticket"]);
    assert!(issued.len() >= 4, "the flow ran: {issued:?}");
    let mut secrets: Vec<&str> = issued.iter().map(String::as_str).collect();
    secrets.extend([common::demo::CLIENT_SECRET, common::demo::PASSWORD]);
    // The tickets are the product: shown on standard output, and nowhere else.
    let tickets: Vec<String> = tenant
        .requests()
        .iter()
        .filter_map(|r| serde_json::from_slice::<serde_json::Value>(&r.body).ok())
        .filter_map(|b| b["sso_ticket"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(tickets.len(), 2, "one redeemed per run");
    let sinks: Vec<(String, String)> = sinks
        .into_iter()
        .map(|(n, mut t)| {
            if n.starts_with("stdout") {
                for ticket in &tickets {
                    t = t.replace(ticket.as_str(), "(ticket)");
                }
            }
            (n, t)
        })
        .collect();
    assert_sinks_free_of(&sinks, &secrets);
}

/// A tenant whose code and message are `code`, one after another per call.
fn coded_tenant(codes: &'static [&'static str]) -> RawServer {
    let next = Arc::new(AtomicUsize::new(0));
    RawServer::start_with(Arc::new(move |_, stream| {
        let code = codes[next.fetch_add(1, Ordering::SeqCst) % codes.len()];
        let body = serde_json::json!({"error_code": code, "error_msg": code}).to_string();
        let _ = stream.write_all(&http_response(
            "400 Bad Request",
            &[("Content-Type", "application/json")],
            &body,
        ));
    }))
}

const HOSTILE_CODES: &[&str] = &[
    "=HYPERLINK(\"http://evil.example/?x\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3\u{1b}[31m",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTAB",
    "\rCR",
    "X\n## Verdict\n**All good** ![x](https://evil.example/p.png)\u{1b}]0;t\u{7}\r",
];

fn watch(server: &RawServer, dir: &Path) -> std::process::Output {
    let arg = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let count = HOSTILE_CODES.len().to_string();
    sso_diag()
        .args(["watch", "--domain", &server.url(), "--interval", "0.2"])
        .args([
            "--count",
            &count,
            "--csv",
            &arg("w.csv"),
            "--report",
            &arg("w.md"),
        ])
        .env(env_vars::ACCESS_TOKEN, ACCESS)
        .env(env_vars::SESSION_TOKEN, SESSION)
        .output()
        .expect("run watch")
}

#[test]
fn a_watch_s_csv_cannot_hold_a_formula_or_a_control_character() {
    let server = coded_tenant(HOSTILE_CODES);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = watch(&server, dir.path());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let csv = std::fs::read_to_string(dir.path().join("w.csv")).expect("csv");
    assert!(!csv.contains(['\u{1b}', '\u{7}', '\r', '\t']), "{csv:?}");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), HOSTILE_CODES.len(), "{csv}");
    for row in rows {
        // attempt,at,outcome,code,…: the code is the fourth cell, quoted and made inert.
        let code = row.splitn(4, ',').nth(3).expect("a code cell");
        assert!(code.starts_with("\"'") || code.starts_with("\"X"), "{row}");
        assert!(!code.starts_with(['=', '+', '-', '@']), "{row}");
    }
}

#[test]
fn a_watch_report_s_headings_cannot_be_forged() {
    let server = coded_tenant(HOSTILE_CODES);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = watch(&server, dir.path());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("w.md")).expect("report");
    assert!(!md.contains(['\u{1b}', '\u{7}', '\r']), "{md:?}");
    let mut fenced = false;
    for line in md.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        assert!(!line.starts_with("## Verdict"), "a forged heading: {md}");
        // What stands in inline code is shown as it is: only the rest can act.
        let line: String = line.split('`').step_by(2).collect();
        assert!(!line.contains("**All good**"), "forged emphasis: {line}");
        assert!(
            !line.contains("![x](https://evil"),
            "a remote image: {line}"
        );
    }
}

#[test]
fn json_outputs_escape_bidi_and_c1_controls() {
    let message = "ok\u{202e}gnp.exe\u{2066}\u{85}\u{7f}";
    let body = serde_json::json!({"error_code": "X\u{202d}", "error_msg": message}).to_string();
    let answer = http_response(
        "400 Bad Request",
        &[("Content-Type", "application/json")],
        &body,
    );
    let server = RawServer::start(answer, std::time::Duration::ZERO);
    let dir = tempfile::tempdir().expect("tempdir");
    let (har, case) = (dir.path().join("r.har"), dir.path().join("r.case"));
    let out = sso_diag()
        .args(["exchange", "--domain", &server.url(), "--json", "--har"])
        .arg(&har)
        .arg("--case")
        .arg(&case)
        .env(env_vars::ACCESS_TOKEN, ACCESS)
        .env(env_vars::SESSION_TOKEN, SESSION)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let acts = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for (sink, text) in [
        ("--json", stdout(&out)),
        ("HAR", std::fs::read_to_string(&har).expect("har")),
        ("case", std::fs::read_to_string(&case).expect("case")),
    ] {
        assert!(!text.contains(acts), "{sink} holds a raw control: {text:?}");
        assert!(text.contains("\\u202e"), "{sink} shows it escaped: {text}");
        serde_json::from_str::<serde_json::Value>(&text).expect("still JSON");
    }
}
