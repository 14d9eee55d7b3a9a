//! Real tenants' answers, as OneAccess documents them, through the mock's scenarios: each one
//! diagnosed with its own title, advice and exit code; `redeem` and `refresh` on their own.

mod common;

use common::{demo, env_vars, json, sso_diag, stderr, stdout};
use sso_diag::ciam::catalogue::{self, Lang};
use sso_diag::mock::{MockConfig, MockTenant, Scenario};

fn mock(scenario: Scenario) -> MockTenant {
    MockTenant::start(MockConfig {
        scenario,
        ..MockConfig::default()
    })
    .expect("mock")
}

/// The catalogue's English title for `code`: what the user must read.
fn title(code: &str) -> String {
    catalogue::lookup(code)
        .unwrap_or_else(|| panic!("{code} is in the catalogue"))
        .text(Lang::En, "")
        .title
}

/// `sso-diag SUBCOMMAND` for the demo user against `tenant`, all secrets in the environment.
fn as_demo_user(sub: &str, tenant: &MockTenant, extra: &[&str]) -> std::process::Output {
    sso_diag()
        .args([sub, "--domain", &tenant.url()])
        .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
        .args(extra)
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run")
}

#[test]
fn a_password_warn_login_completes_the_flow_and_carries_the_warning() {
    let tenant = mock(Scenario::PasswordWarn);
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("r.md");
    let report_arg = ["--redeem", "--report", report.to_str().expect("utf-8")];
    let out = as_demo_user("exchange", &tenant, &report_arg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warning = title("PASSWORD_WARN");
    assert!(
        stderr(&out).contains(&format!("warning: {warning}")),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("name        张伟 (Demo User)"),
        "{}",
        stdout(&out)
    );
    let md = std::fs::read_to_string(&report).expect("report");
    assert!(md.contains("## Warnings") && md.contains(&warning), "{md}");

    let out = as_demo_user("exchange", &tenant, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert!(v["sso_ticket"].is_string());
    let warnings = v["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{v}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap_or_default()
            .starts_with(&warning)
    );
}

#[test]
fn login_statuses_that_refuse_are_the_tenants_rejections() {
    for (scenario, status) in [
        (Scenario::Mfa, "MFA_AUTH"),
        (Scenario::PasswordExpired, "PASSWORD_EXPIRED"),
        (Scenario::AccessDenied, "ACCESS_DENIED"),
    ] {
        let tenant = mock(scenario);
        let advice = catalogue::lookup(status)
            .expect("catalogue")
            .text(Lang::En, "");
        for sub in ["login", "exchange"] {
            let out = as_demo_user(sub, &tenant, &[]);
            assert_eq!(
                out.status.code(),
                Some(4),
                "{status} {sub}: {}",
                stderr(&out)
            );
            let err = stderr(&out);
            assert!(
                err.contains(&format!("error: {}", advice.title)),
                "{status}: {err}"
            );
            assert!(err.contains(&advice.action), "{status}: {err}");
            assert!(!err.contains("proxy or a wrong domain"), "{status}: {err}");
            assert!(
                !format!("{}{err}", stdout(&out)).contains("state-"),
                "the state_token"
            );
        }
        let out = as_demo_user("login", &tenant, &["--json"]);
        let v = json(&out);
        assert_eq!(v["error"]["code"], status);
        assert_eq!(v["error"]["kind"], "rejected");
    }
}

#[test]
fn an_unknown_login_status_is_an_unexpected_answer_that_names_it() {
    let server = common::RawServer::start(
        common::http_response(
            "200 OK",
            &[("Content-Type", "application/json")],
            r#"{"status":"NEEDS_COFFEE"}"#,
        ),
        std::time::Duration::ZERO,
    );
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
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(stderr(&out).contains("NEEDS_COFFEE"), "{}", stderr(&out));
}

#[test]
fn a_locked_account_says_how_long_to_wait() {
    let tenant = mock(Scenario::Locked);
    let out = as_demo_user("login", &tenant, &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("error: {}", title("LOGIN.0001"))),
        "{err}"
    );
    assert!(
        err.contains("3 minutes"),
        "the tenant's own wait time: {err}"
    );
}

#[test]
fn wrong_passwords_count_down_then_the_account_locks() {
    let tenant = mock(Scenario::WrongPassword);
    for remaining in (0..10).rev() {
        let out = as_demo_user("login", &tenant, &[]);
        assert_eq!(out.status.code(), Some(4));
        let err = stderr(&out);
        assert!(err.contains(&title("LOGIN.0002")), "{err}");
        assert!(
            err.contains(&format!("Remaining attempts: {remaining}.")),
            "{err}"
        );
    }
    let out = as_demo_user("login", &tenant, &[]);
    assert!(
        stderr(&out).contains(&title("LOGIN.0001")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_fingerprint_answered_as_an_invalid_session_is_diagnosed_as_such() {
    let tenant = mock(Scenario::FingerprintAsInvalidSession);
    let out = common::exchange(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        demo::SESSION_TOKEN,
        &["--fingerprint", "not-the-logins-fingerprint"],
    );
    assert_eq!(out.status.code(), Some(4));
    // The tenant says "invalid session"; the fingerprint set by hand is the likelier cause, and
    // is said first, with the tenant's own code as the evidence.
    let err = stderr(&out);
    assert!(
        err.contains("error: A device fingerprint set by hand"),
        "{err}"
    );
    assert!(
        err.contains("IDAAS.SDK.PARAM.0023 · Invalid or expired session token"),
        "{err}"
    );
}

/// A fresh ticket from `tenant`, through the command line.
fn issued_ticket(tenant: &MockTenant) -> String {
    let out = common::exchange(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        demo::SESSION_TOKEN,
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)["sso_ticket"]
        .as_str()
        .expect("ticket")
        .to_owned()
}

fn redeem(tenant: &MockTenant, ticket: &str, extra: &[&str]) -> std::process::Output {
    sso_diag()
        .args(["redeem", "--domain", &tenant.url()])
        .args(extra)
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::TICKET, ticket)
        .output()
        .expect("run")
}

#[test]
fn redeem_says_whose_a_handed_ticket_is_then_that_it_is_used() {
    for (scenario, used_code) in [
        (Scenario::Normal, "IDAAS.SDK.PARAM.0025"),
        (Scenario::UsedTicket, "PARAM.0032"),
    ] {
        let tenant = mock(scenario);
        let ticket = issued_ticket(&tenant);
        let out = redeem(&tenant, &ticket, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("Ticket redeemed: it belongs to 张伟 (Demo User)"),
            "{text}"
        );
        assert!(text.contains("demo.user@example.com"), "{text}");

        let out = redeem(&tenant, &ticket, &["--json"]);
        assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
        let v = json(&out);
        assert_eq!(v["error"]["code"], used_code);
        assert_eq!(v["error"]["title"], title(used_code));
        assert_eq!(v["error"]["step"], "redeem");
        assert!(
            !stdout(&out).contains(&ticket),
            "the ticket is never printed back"
        );
    }
}

#[test]
fn redeem_reads_the_ticket_from_standard_input_and_never_from_an_argument() {
    let tenant = mock(Scenario::Normal);
    let ticket = issued_ticket(&tenant);
    let mut cmd = sso_diag();
    cmd.args(["redeem", "--json", "--domain", &tenant.url()])
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN);
    let out = common::output_with_stdin(cmd, &ticket);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["user"]["userName"], demo::USER_NAME);

    let out = sso_diag()
        .args(["redeem", "--domain", &tenant.url(), "--ticket", &ticket])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "no --ticket argument");
}

#[test]
fn refresh_tells_a_live_session_from_an_ended_one() {
    let tenant = mock(Scenario::Normal);
    let refresh = |session: &str, extra: &[&str]| {
        sso_diag()
            .args(["refresh", "--domain", &tenant.url()])
            .args(extra)
            .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
            .env(env_vars::SESSION_TOKEN, session)
            .output()
            .expect("run")
    };
    let out = refresh(demo::SESSION_TOKEN, &["--json", "--print-token"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["session_state"], "alive");
    let new = v["session_token"].as_str().expect("new token").to_owned();
    assert!(new.starts_with("st-"), "{v}");
    // What became of the old token is the tenant's to decide: said, with how to check.
    assert_eq!(v["old_session_token"], "may_have_ended", "{v}");
    let warned = v["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| w.as_str());
    assert!(
        warned
            .clone()
            .any(|w| w.starts_with("The old session token may no longer work")),
        "{v}"
    );

    // The old token ended with the refresh: opaque, so "ended" without guessing why.
    let out = refresh(demo::SESSION_TOKEN, &[]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("The session has ended."),
        "{}",
        stderr(&out)
    );
    let out = refresh(&new, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("The session is alive"),
        "{}",
        stdout(&out)
    );
    assert!(
        !stdout(&out).contains("st-"),
        "the new token only with --print-token"
    );
    assert!(
        stderr(&out).contains("The old session token may no longer work")
            && stderr(&out).contains("exchange with the old token"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_revoked_session_is_told_revoked() {
    let tenant = mock(Scenario::SessionRevoked);
    let out = as_demo_user("refresh", &tenant, &["--json"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let v = json(&out);
    assert_eq!(v["session_state"], "revoked", "{v}");
    assert_eq!(v["error"]["code"], "IDAAS.SDK.PARAM.0023");
    let out = as_demo_user("refresh", &tenant, &[]);
    assert!(
        stderr(&out).contains("The session was revoked"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_login_says_which_language_it_wants_and_the_report_shows_it() {
    let tenant = mock(Scenario::Normal);
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("r.md");
    let out = as_demo_user(
        "exchange",
        &tenant,
        &["--report", report.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let login = tenant
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v2/sdk/login")
        .expect("a login");
    assert_eq!(login.header("x-l"), Some("en"));
    let md = std::fs::read_to_string(&report).expect("report");
    assert!(md.contains("X-L: en"), "{md}");
}

#[test]
fn every_code_the_mock_sends_is_in_the_catalogue_and_mock_help_lists_the_scenarios() {
    for code in [
        "IDAAS.SDK.PARAM.0001",
        "IDAAS.SDK.PARAM.0002",
        "IDAAS.SDK.PARAM.0023",
        "IDAAS.SDK.PARAM.0024",
        "IDAAS.SDK.PARAM.0025",
        "PARAM.0032",
        "APP.0001",
        "APP.0002",
        "LOGIN.0001",
        "LOGIN.0002",
        "invalid_token",
        "invalid_client",
        "unsupported_grant_type",
        "IDAAS.COM.0404",
        "MFA_AUTH",
        "PASSWORD_EXPIRED",
        "ACCESS_DENIED",
        "PASSWORD_WARN",
    ] {
        assert!(
            catalogue::lookup(code).is_some(),
            "{code} is not in the catalogue"
        );
    }
    let out = sso_diag().args(["mock", "--help"]).output().expect("run");
    let help = stdout(&out);
    for name in [
        "password-warn",
        "mfa",
        "password-expired",
        "access-denied",
        "locked",
        "wrong-password",
        "used-ticket",
        "fingerprint-as-invalid-session",
        "session-revoked",
    ] {
        assert!(help.contains(name), "{name} in mock --help:\n{help}");
    }
}
