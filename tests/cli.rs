//! The command line as a user runs it: exit codes, JSON and summaries, and no secret in the output.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::{RawServer, demo, exchange, http_response, json, sso_diag, stderr, stdout};
use sso_diag::mock::{MockConfig, MockTenant};

fn mock() -> MockTenant {
    // Default config: the demo session is bound to this machine's fingerprint, which is what the
    // CLI detects, exactly as for a user running `sso-diag mock` and `exchange` side by side.
    MockTenant::start(MockConfig::default()).expect("mock starts")
}

fn assert_no_secret(out: &std::process::Output, secrets: &[&str]) {
    let all = format!("{}{}", stdout(out), stderr(out));
    for s in secrets {
        assert!(!all.contains(s), "secret {s:?} leaked:\n{all}");
    }
}

#[test]
fn exchange_prints_a_ticket_and_exits_0() {
    let tenant = mock();
    let out = exchange(&tenant.url(), demo::ACCESS_TOKEN, demo::SESSION_TOKEN, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("SSO ticket issued"), "{text}");
    assert!(text.contains("ticket      ssoTicket-"), "{text}");
    assert!(text.contains("expires in  05:00"), "{text}");
    assert_no_secret(&out, &[demo::ACCESS_TOKEN, demo::SESSION_TOKEN]);
}

#[test]
fn exchange_json_has_the_ticket_and_its_expiry() {
    let tenant = mock();
    let out = exchange(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        demo::SESSION_TOKEN,
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert!(
        v["sso_ticket"]
            .as_str()
            .is_some_and(|t| t.starts_with("ssoTicket-")),
        "{v}"
    );
    assert_eq!(v["expire"], 300);
    let expires_at = v["expires_at"].as_str().expect("expires_at");
    assert!(
        time::OffsetDateTime::parse(expires_at, &time::format_description::well_known::Rfc3339)
            .is_ok(),
        "{expires_at}"
    );
    assert!(v["elapsed_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
    assert_no_secret(&out, &[demo::ACCESS_TOKEN, demo::SESSION_TOKEN]);
}

#[test]
fn a_wrong_session_token_exits_4_with_code_status_and_hint() {
    let tenant = mock();
    let out = exchange(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        "stale-session-token-123",
        &[],
    );
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(err.contains("Session token rejected"), "{err}");
    assert!(
        err.contains("HTTP 400 · IDAAS.SDK.PARAM.0023 · Invalid or expired session token"),
        "{err}"
    );
    assert!(err.contains("sign in again"), "{err}");

    let out = exchange(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        "stale-session-token-123",
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["error"]["kind"], "rejected");
    assert_eq!(v["error"]["status"], 400);
    assert_eq!(v["error"]["code"], "IDAAS.SDK.PARAM.0023");
    assert_eq!(v["error"]["message"], "Invalid or expired session token");
    assert!(
        v["error"]["hint"]
            .as_str()
            .is_some_and(|h| h.contains("sign in again"))
    );
    assert_no_secret(&out, &["stale-session-token-123"]);
}

#[test]
fn an_echoed_access_token_never_reaches_the_terminal() {
    let tenant = mock();
    let leaky = "leaky-access-token-5555";
    for extra in [&[][..], &["--json"][..]] {
        let out = exchange(&tenant.url(), leaky, demo::SESSION_TOKEN, extra);
        assert_eq!(out.status.code(), Some(4));
        assert!(format!("{}{}", stdout(&out), stderr(&out)).contains("[redacted access token]"));
        assert_no_secret(&out, &[leaky, demo::SESSION_TOKEN]);
    }
}

#[test]
fn bad_input_exits_2_before_anything_is_sent() {
    let tenant = mock();
    let cases: [(&str, &str, &str, &[&str], &str); 6] = [
        (
            "tenant.example.com/api",
            "access-token-x",
            "session-token-x",
            &[],
            "domain: enter the domain only, without a path",
        ),
        (
            "http://tenant.example.com",
            "access-token-x",
            "session-token-x",
            &[],
            "unencrypted",
        ),
        (
            "",
            "access-token-x",
            "session-token-x",
            &[],
            "domain: the domain is empty",
        ),
        (
            &tenant.url(),
            "  ",
            "session-token-x",
            &[],
            "access token: it is empty",
        ),
        (
            &tenant.url(),
            "access-token-x",
            "session token",
            &[],
            "session token: it contains spaces",
        ),
        (
            &tenant.url(),
            "access-token-x",
            "session-token-x",
            &["--device-ip", "not-an-ip"],
            "device IP: \"not-an-ip\" is not an IP address",
        ),
    ];
    for (domain, access, session, args, want) in cases {
        let out = exchange(domain, access, session, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{domain} {args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains(want),
            "want {want:?} in {}",
            stderr(&out)
        );
    }
    assert!(
        tenant.requests().is_empty(),
        "no request may be sent for bad input"
    );
}

#[test]
fn a_missing_token_names_where_to_put_it() {
    let out = sso_diag()
        .args(["exchange", "--domain", "tenant.example.com"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("$SSO_DIAG_ACCESS_TOKEN"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tokens_can_come_from_a_file_and_from_standard_input() {
    let tenant = mock();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("access.txt");
    std::fs::write(&file, format!("Bearer {}\n", demo::ACCESS_TOKEN)).expect("write");
    let mut cmd = sso_diag();
    cmd.args([
        "exchange",
        "--json",
        "--domain",
        &tenant.url(),
        "--session-token-file",
        "-",
    ])
    .arg("--access-token-file")
    .arg(&file);
    let out = common::output_with_stdin(cmd, demo::SESSION_TOKEN);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(json(&out)["sso_ticket"].is_string());
}

#[test]
fn tokens_are_not_accepted_as_arguments() {
    let out = sso_diag()
        .args([
            "exchange",
            "--domain",
            "tenant.example.com",
            "--access-token",
            "abc",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn network_trouble_exits_3() {
    let port = common::closed_port();
    let out = exchange(
        &format!("http://127.0.0.1:{port}"),
        "access-token-x",
        "session-token-x",
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(json(&out)["error"]["kind"], "connect");

    let silent = RawServer::start(Vec::new(), Duration::from_secs(30));
    let out = exchange(
        &silent.url(),
        "access-token-x",
        "session-token-x",
        &["--timeout", "0.5", "--json"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(json(&out)["error"]["kind"], "timeout");
}

#[test]
fn a_tenant_server_error_exits_5_and_an_odd_answer_6() {
    let busy = RawServer::start(
        http_response(
            "500 Internal Server Error",
            &[("Content-Type", "application/json")],
            r#"{"error_code":"IDAAS.TENANT.COM.0002","error_msg":"System busy, please try again later"}"#,
        ),
        Duration::ZERO,
    );
    let out = exchange(
        &busy.url(),
        "access-token-x",
        "session-token-x",
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(json(&out)["error"]["code"], "IDAAS.TENANT.COM.0002");

    let html = RawServer::start(
        http_response(
            "502 Bad Gateway",
            &[("Content-Type", "text/html")],
            "<h1>502</h1>",
        ),
        Duration::ZERO,
    );
    let out = exchange(&html.url(), "access-token-x", "session-token-x", &[]);
    assert_eq!(out.status.code(), Some(5));

    let odd = RawServer::start(
        http_response(
            "200 OK",
            &[("Content-Type", "application/json")],
            r#"{"expire":300}"#,
        ),
        Duration::ZERO,
    );
    let out = exchange(&odd.url(), "access-token-x", "session-token-x", &["--json"]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(json(&out)["error"]["kind"], "unexpected_response");
}

#[test]
fn device_json_shows_sensible_values() {
    let out = sso_diag().args(["device", "--json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    for key in ["os_version", "os_name", "device_ip", "fingerprint", "agent"] {
        assert!(
            v[key].as_str().is_some_and(|s| !s.is_empty()),
            "{key} in {v}"
        );
    }
    assert!(
        v["device_ip"]
            .as_str()
            .is_some_and(|ip| ip.parse::<std::net::IpAddr>().is_ok())
    );
    assert!(v["addresses"].as_array().is_some_and(|a| !a.is_empty()));
    let fp = v["fingerprint"].as_str().unwrap_or_default();
    assert_eq!(fp.len(), 32);
    if let Ok(raw) = std::fs::read_to_string("/etc/machine-id") {
        assert!(
            !stdout(&out).contains(raw.trim()),
            "the raw machine id must never be shown"
        );
    }
}

#[test]
fn mock_prints_its_url_first_then_the_demo_credentials() {
    let mut child = sso_diag()
        .args(["mock", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("a line").expect("utf-8");
    let url = first
        .strip_prefix("listening on ")
        .expect("first line names the URL")
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let rest: Vec<String> = lines.take(6).map_while(Result::ok).collect();
    assert!(
        rest.iter().any(|l| l.contains(demo::SESSION_TOKEN)),
        "{rest:?}"
    );
    // And it serves: the printed credentials get a ticket.
    let out = exchange(&url, demo::ACCESS_TOKEN, demo::SESSION_TOKEN, &[]);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn version_prints_the_version() {
    let out = sso_diag().arg("--version").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")));
}
