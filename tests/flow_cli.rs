//! The whole flow from the command line, as a new user would try it against the mock tenant:
//! from client credentials and a test user alone to a ticket and the user's name; the report and
//! the curl command without any secret; the login command; the connectivity check.

mod common;

use std::time::Duration;

use common::{TlsServer, demo, env_vars, http_response, json, sso_diag, stderr, stdout};
use sso_diag::mock::{MockConfig, MockTenant, VerifyShape};

fn mock(shape: VerifyShape) -> MockTenant {
    MockTenant::start(MockConfig {
        verify_shape: shape,
        ..MockConfig::default()
    })
    .expect("mock")
}

/// `sso-diag SUBCOMMAND --domain … --client-id … --user …` for the mock's demo user, no secret set.
fn demo_user(subcommand: &str, tenant: &MockTenant, extra: &[&str]) -> std::process::Command {
    let mut cmd = sso_diag();
    cmd.args([subcommand, "--domain", &tenant.url()])
        .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
        .args(extra);
    cmd
}

/// `exchange` with only client credentials and a test user.
fn full_flow(tenant: &MockTenant, extra: &[&str]) -> std::process::Output {
    demo_user("exchange", tenant, extra)
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run")
}

/// Every secret the run used or obtained, read off the wire at the mock.
fn secrets_seen_by(tenant: &MockTenant) -> Vec<String> {
    let mut secrets = vec![demo::CLIENT_SECRET.to_owned(), demo::PASSWORD.to_owned()];
    let keys = ["session_token", "sso_ticket", "password"];
    secrets.extend(common::secrets_on_the_wire(tenant, &keys));
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
    let out = demo_user("exchange", &tenant, &["--json"])
        .env(env_vars::CLIENT_SECRET, "not-the-secret")
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["error"]["step"], "token");
    assert_eq!(v["error"]["code"], "invalid_client");
    assert_eq!(v["error"]["title"], "Client credentials rejected");

    let out = demo_user("exchange", &tenant, &["--json"])
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, "wrong-password")
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
        // The answers as the tenant sent them, each credential cut out in place.
        "\"access_token\":\"[redacted access token]\"",
        "\"session_token\":\"[redacted session token]\"",
        "\"sso_ticket\":\"[redacted ticket]\"",
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
        .env(env_vars::ACCESS_TOKEN, "echoed-access-token-1234")
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
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
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
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
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
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
    let out = demo_user("login", &tenant, &[])
        .env(env_vars::PASSWORD, demo::PASSWORD)
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
    let login = demo_user("login", &tenant, &["--print-token"]);
    let out = common::output_with_stdin(login, demo::PASSWORD);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let token = stdout(&out).trim().to_owned();
    assert!(token.starts_with("st-"), "{token}");
    assert!(!issued.contains(&token), "a new session each login");

    let out = common::exchange(&tenant.url(), demo::ACCESS_TOKEN, &token, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_expired_jwt_access_token_is_flagged_before_sending() {
    let expired = common::expired_jwt();
    let tenant = mock(VerifyShape::Flat);
    let out = common::exchange(&tenant.url(), &expired, demo::SESSION_TOKEN, &[]);
    let err = stderr(&out);
    assert!(err.contains("warning: the access token expired"), "{err}");
    assert!(err.contains("signature not checked"), "{err}");
    assert!(!err.contains(&expired));
}

#[test]
fn check_explains_a_closed_port() {
    let port = common::closed_port();
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
