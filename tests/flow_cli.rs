//! The whole flow from the command line, as a new user would try it against the mock tenant:
//! from client credentials and a test user alone to a ticket and the user's name; the report and
//! the curl command without any secret; the login command; the connectivity check.

mod common;

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use common::{TlsServer, demo, http_response, json, sso_diag, stderr, stdout};
use sso_diag::mock::{MockConfig, MockTenant, VerifyShape};

fn mock(shape: VerifyShape) -> MockTenant {
    MockTenant::start(MockConfig {
        verify_shape: shape,
        ..MockConfig::default()
    })
    .expect("mock")
}

/// `exchange` with only client credentials and a test user.
fn full_flow(tenant: &MockTenant, extra: &[&str]) -> std::process::Output {
    sso_diag()
        .args([
            "exchange",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .args(extra)
        .env("SSO_DIAG_CLIENT_SECRET", demo::CLIENT_SECRET)
        .env("SSO_DIAG_PASSWORD", demo::PASSWORD)
        .output()
        .expect("run")
}

/// Every secret the run used or obtained, read off the wire at the mock.
fn secrets_seen_by(tenant: &MockTenant) -> Vec<String> {
    let mut secrets = vec![demo::CLIENT_SECRET.to_owned(), demo::PASSWORD.to_owned()];
    for r in tenant.requests() {
        if let Some(auth) = r.header("authorization") {
            secrets.push(auth.trim_start_matches("Bearer ").to_owned());
        }
        if let Ok(body) = serde_json::from_slice::<serde_json::Value>(&r.body) {
            for key in ["session_token", "sso_ticket", "password"] {
                if let Some(v) = body.get(key).and_then(|v| v.as_str()) {
                    secrets.push(v.to_owned());
                }
            }
        }
    }
    secrets
}

#[test]
fn from_client_credentials_and_a_test_user_to_the_users_name() {
    for shape in [VerifyShape::Flat, VerifyShape::Envelope] {
        let tenant = mock(shape);
        let out = full_flow(&tenant, &["--redeem", "--json"]);
        assert_eq!(out.status.code(), Some(0), "{shape:?}: {}", stderr(&out));
        let v = json(&out);
        assert!(
            v["sso_ticket"]
                .as_str()
                .is_some_and(|t| t.starts_with("ssoTicket-"))
        );
        assert_eq!(v["user"]["userName"], demo::USER_NAME, "{shape:?}: {v}");
        assert_eq!(v["user"]["name"], "张伟 (Demo User)");
        assert_eq!(v["ticket_used"], true);
        let steps: Vec<&str> = v["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .filter_map(|s| s["step"].as_str())
            .collect();
        assert_eq!(steps, ["token", "login", "exchange", "redeem"]);
        let paths: Vec<String> = tenant.requests().iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            paths,
            [
                "/api/v2/tenant/token",
                "/api/v2/sdk/login",
                "/api/v2/tenant/sso/session-token/sso-ticket",
                "/api/v2/tenant/sso/sso-ticket/verify",
            ]
        );
        let login = &tenant.requests()[1];
        let exchange: serde_json::Value =
            serde_json::from_slice(&tenant.requests()[2].body).expect("json");
        assert_eq!(
            login.header("x-device-fingerprint"),
            exchange["device_fingerprint"].as_str(),
            "login and exchange use one fingerprint"
        );
        let all = format!("{}{}", stdout(&out), stderr(&out));
        for secret in secrets_seen_by(&tenant) {
            if !secret.starts_with("ssoTicket-") {
                assert!(!all.contains(&secret), "{secret} leaked");
            }
        }
    }
}

#[test]
fn the_human_summary_names_the_user() {
    let tenant = mock(VerifyShape::Flat);
    let out = full_flow(&tenant, &["--redeem"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Test login"), "{text}");
    assert!(text.contains("redeemed (one-time"), "{text}");
    assert!(text.contains("name        张伟 (Demo User)"), "{text}");
}

#[test]
fn each_step_fails_with_its_own_verdict_and_exit_code() {
    let tenant = mock(VerifyShape::Flat);
    let out = sso_diag()
        .args([
            "exchange",
            "--json",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .env("SSO_DIAG_CLIENT_SECRET", "not-the-secret")
        .env("SSO_DIAG_PASSWORD", demo::PASSWORD)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["error"]["step"], "token");
    assert_eq!(v["error"]["code"], "invalid_client");
    assert_eq!(v["error"]["title"], "Client credentials rejected");

    let out = sso_diag()
        .args([
            "exchange",
            "--json",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .env("SSO_DIAG_CLIENT_SECRET", demo::CLIENT_SECRET)
        .env("SSO_DIAG_PASSWORD", "wrong-password")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["error"]["step"], "login");
    assert_eq!(v["error"]["code"], "LOGIN.0002");
    assert!(!stdout(&out).contains("wrong-password"));
}

#[test]
fn the_report_has_the_whole_story_and_no_secret() {
    let tenant = mock(VerifyShape::Flat);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.md");
    let out = full_flow(
        &tenant,
        &["--redeem", "--report", path.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = std::fs::read_to_string(&path).expect("report written");
    for want in [
        "# sso-diag report",
        "Ticket issued and redeemed for 张伟 (Demo User)",
        "| 3 | Exchange session token for SSO ticket | ticket issued, valid for 300 s | 200 |",
        "POST http://127.0.0.1:",
        "Authorization: Bearer •••••••• (",
        "\"access_token\": \"[redacted access token]\"",
        "\"session_token\": \"[redacted session token]\"",
        "\"sso_ticket\": \"[redacted ticket]\"",
        "client_secret=•••••••• (",
        "| fingerprint |",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(report.contains(want), "missing {want:?} in\n{report}");
    }
    for secret in secrets_seen_by(&tenant) {
        assert!(!report.contains(&secret), "{secret} in the report");
    }
}

#[test]
fn a_failed_run_reports_the_verdict_and_advice() {
    let tenant = mock(VerifyShape::Flat);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.md");
    let out = sso_diag()
        .args([
            "exchange",
            "--domain",
            &tenant.url(),
            "--report",
            path.to_str().expect("utf-8"),
        ])
        .env("SSO_DIAG_ACCESS_TOKEN", "echoed-access-token-1234")
        .env("SSO_DIAG_SESSION_TOKEN", demo::SESSION_TOKEN)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    let report = std::fs::read_to_string(&path).expect("report");
    assert!(report.contains("**Access token rejected**"), "{report}");
    assert!(
        report.contains("Invalid access token: [redacted access token]"),
        "{report}"
    );
    assert!(report.contains("**Try:**"));
    assert!(!report.contains("echoed-access-token-1234") && !report.contains(demo::SESSION_TOKEN));
}

#[test]
fn the_curl_command_has_no_secret_and_reproduces_the_request() {
    let tenant = mock(VerifyShape::Flat);
    let out = sso_diag()
        .args([
            "exchange",
            "--curl",
            "--domain",
            &tenant.url(),
            "--tenant-id",
            "isv'7",
        ])
        .env("SSO_DIAG_ACCESS_TOKEN", demo::ACCESS_TOKEN)
        .env("SSO_DIAG_SESSION_TOKEN", demo::SESSION_TOKEN)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cmd = stdout(&out);
    assert!(
        !cmd.contains(demo::ACCESS_TOKEN) && !cmd.contains(demo::SESSION_TOKEN),
        "{cmd}"
    );
    assert!(
        cmd.contains("$SSO_DIAG_ACCESS_TOKEN") && cmd.contains("$SSO_DIAG_SESSION_TOKEN"),
        "{cmd}"
    );
    assert!(tenant.requests().is_empty(), "--curl sends nothing");

    // Pasted into a shell with the variables set, it gets a ticket from the same tenant.
    let run = std::process::Command::new("sh")
        .args(["-c", &cmd])
        .env("SSO_DIAG_ACCESS_TOKEN", demo::ACCESS_TOKEN)
        .env("SSO_DIAG_SESSION_TOKEN", demo::SESSION_TOKEN)
        .output()
        .expect("sh and curl are installed");
    let body = String::from_utf8_lossy(&run.stdout);
    assert!(
        body.contains("\"sso_ticket\":\"ssoTicket-"),
        "curl got: {body} {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let seen = &tenant.requests()[0];
    assert_eq!(seen.header("x-tenant-id"), Some("isv'7"));
    assert_eq!(
        seen.header("content-type"),
        Some("application/json;charset=utf8")
    );
}

#[test]
fn login_gives_a_session_token_the_exchange_accepts() {
    let tenant = mock(VerifyShape::Flat);
    let out = sso_diag()
        .args([
            "login",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .env("SSO_DIAG_PASSWORD", demo::PASSWORD)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("demo.user logged in"),
        "{}",
        stdout(&out)
    );
    let issued = secrets_seen_by(&tenant);
    assert!(!stdout(&out).contains(demo::PASSWORD));

    // The password from standard input, the token printed for a script.
    let mut child = sso_diag()
        .args([
            "login",
            "--print-token",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{}\n", demo::PASSWORD).as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let token = stdout(&out).trim().to_owned();
    assert!(token.starts_with("st-"), "{token}");
    assert!(!issued.contains(&token), "a new session each login");

    let out = common::exchange(&tenant.url(), demo::ACCESS_TOKEN, &token, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_expired_jwt_access_token_is_flagged_before_sending() {
    use base64::Engine;
    let b64 = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let expired = format!(
        "{}.{}.c2ln",
        b64(serde_json::json!({"alg": "RS256"})),
        b64(
            serde_json::json!({"iss": "https://tenant", "aud": "app", "iat": 1_700_000_000, "exp": 1_700_001_800})
        )
    );
    let tenant = mock(VerifyShape::Flat);
    let out = common::exchange(&tenant.url(), &expired, demo::SESSION_TOKEN, &[]);
    let err = stderr(&out);
    assert!(err.contains("warning: the access token expired"), "{err}");
    assert!(err.contains("signature not checked"), "{err}");
    assert!(!err.contains(&expired));
}

#[test]
fn check_explains_a_closed_port() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let out = sso_diag()
        .args(["check", "--domain", &format!("http://127.0.0.1:{port}")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    assert!(
        text.contains("[FAIL] TCP    Nothing accepts connections on port"),
        "{text}"
    );
    assert!(
        text.contains("[skip] HTTP"),
        "later steps are skipped, not faked: {text}"
    );
}

#[test]
fn check_explains_an_untrusted_certificate() {
    let server = TlsServer::start(&["localhost"], http_response("200 OK", &[], "{}"));
    let out = sso_diag()
        .args([
            "check",
            "--json",
            "--domain",
            &format!("https://localhost:{}", server.addr.port()),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let v = json(&out);
    let steps = v["steps"].as_array().expect("steps");
    let tls = steps.iter().find(|s| s["name"] == "TLS").expect("TLS step");
    assert_eq!(tls["status"], "fail");
    assert!(
        tls["sentence"].as_str().is_some_and(
            |s| s.contains("not trusted by this machine") && s.contains("unknown issuer")
        ),
        "{tls}"
    );
    let details = tls["details"].to_string();
    assert!(
        details.contains("CN=rcgen self signed cert") || details.contains("rcgen"),
        "{details}"
    );
    let http = steps
        .iter()
        .find(|s| s["name"] == "HTTP")
        .expect("HTTP step");
    assert_eq!(http["status"], "skipped");
    let _ = Duration::ZERO;
}

#[test]
fn check_passes_against_the_mock() {
    let tenant = mock(VerifyShape::Flat);
    let out = sso_diag()
        .args(["check", "--domain", &tenant.url()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("[pass] HTTP"));
    assert!(stdout(&out).contains("[pass] Clock"));
}
