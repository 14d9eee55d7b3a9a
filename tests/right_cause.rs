//! The right cause of a refused session: a fingerprint that is not the login's is named as the
//! cause — with both fingerprints' tails — on the command line (`--json`'s `cause` too) and in the
//! window, after the window's own Log in and with a fingerprint set by hand; a session that ended
//! with an unchanged fingerprint is not blamed on the fingerprint, and offers Refresh session.

mod common;

use common::ui::{Window, all_text, fill, press, settle, shows, step_until, window};
use common::{demo, env_vars, json, sso_diag, stderr, stdout};
use egui_kittest::kittest::Queryable;
use sso_diag::mock::{MockConfig, MockTenant, Scenario};
use sso_diag::ui::Launch;

const LOGIN_FP: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa1111";
const OTHER_FP: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbb9999";

fn tenant() -> MockTenant {
    MockTenant::start(MockConfig {
        scenario: Scenario::FingerprintAsInvalidSession,
        ..MockConfig::default()
    })
    .expect("mock")
}

/// This machine's fingerprint, as `sso-diag device --json` says it.
fn detected_fingerprint() -> String {
    let out = sso_diag().args(["device", "--json"]).output().expect("run");
    json(&out)["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_owned()
}

fn tail(fingerprint: &str) -> &str {
    &fingerprint[fingerprint.len() - 4..]
}

/// `sso-diag login --fingerprint LOGIN_FP`: the session token, bound to that fingerprint.
fn login_elsewhere(tenant: &MockTenant) -> String {
    let out = sso_diag()
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .args([
            "login",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
        ])
        .args([
            "--user",
            demo::USER_NAME,
            "--fingerprint",
            LOGIN_FP,
            "--print-token",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

#[test]
fn a_fingerprint_set_by_hand_is_named_as_the_cause_on_the_command_line() {
    let tenant = tenant();
    let session = login_elsewhere(&tenant);
    let detected = detected_fingerprint();
    let exchange = |args: &[&str]| {
        common::exchange_command(&tenant.url(), demo::ACCESS_TOKEN, &session, args)
            .output()
            .expect("run")
    };
    let out = exchange(&["--fingerprint", OTHER_FP]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("A device fingerprint set by hand"), "{text}");
    assert!(
        text.contains(&format!("…{}", tail(OTHER_FP)))
            && text.contains(&format!("…{}", tail(&detected))),
        "both tails: {text}"
    );
    assert!(
        !text.contains("Have the user sign in again"),
        "not the session's end: {text}"
    );

    let out = exchange(&["--fingerprint", OTHER_FP, "--json"]);
    let v = json(&out);
    assert_eq!(v["error"]["cause"], "fingerprint_edited", "{v}");
    assert_eq!(v["error"]["code"], "IDAAS.SDK.PARAM.0023", "{v}");
    assert_eq!(
        v["verdict"]["title"], "A device fingerprint set by hand",
        "{v}"
    );

    // The login's own fingerprint works: the evidence was right.
    let out = exchange(&["--fingerprint", LOGIN_FP]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_session_that_ended_is_not_blamed_on_the_fingerprint() {
    let tenant = tenant();
    let out = common::exchange_command(&tenant.url(), demo::ACCESS_TOKEN, "st-long-gone-1", &[])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("Session token rejected"), "{text}");
    assert!(
        text.contains("Refresh session (sso-diag refresh)"),
        "{text}"
    );
    assert!(!text.contains("fingerprint …"), "{text}");
    let out = common::exchange_command(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        "st-long-gone-1",
        &["--json"],
    )
    .output()
    .expect("run");
    assert_eq!(json(&out)["error"]["cause"], "session_ended");
}

#[test]
fn the_report_and_the_chinese_words_say_the_same_cause() {
    let tenant = tenant();
    let session = login_elsewhere(&tenant);
    let dir = tempfile::tempdir().expect("dir");
    let report = dir.path().join("r.md");
    let args = ["--fingerprint", OTHER_FP, "--lang", "zh-CN", "--report"];
    let out = common::exchange_command(&tenant.url(), demo::ACCESS_TOKEN, &session, &args)
        .arg(&report)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("设备指纹是手动设置的"),
        "{}",
        stderr(&out)
    );
    let md = std::fs::read_to_string(&report).expect("report");
    assert!(md.contains("设备指纹是手动设置的"), "{md}");
    assert!(md.contains(&format!("…{}", tail(OTHER_FP))), "{md}");
}

fn start(tenant: &MockTenant, fingerprint: Option<&str>) -> Window {
    let mut launch = Launch {
        domain: Some(tenant.url()),
        client_id: Some(demo::CLIENT_ID.into()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some(demo::SESSION_TOKEN.into()),
        ..Launch::default()
    };
    launch.overrides.fingerprint = fingerprint.map(str::to_owned);
    let mut h = window(launch, [1100.0, 1600.0]);
    // The device line names the detected address once detection is done.
    step_until(&mut h, "device detection", |h| shows(h, "· 127.0.0.1 ·"));
    h
}

/// Presses Exchange and waits for the tenant's answer to be on screen.
fn exchange(h: &mut Window, tenant: &MockTenant) {
    let before = tenant.requests().len();
    press(h, "Exchange");
    step_until(h, "the answer", |h| {
        tenant.requests().len() > before && shows(h, "Ctrl+Enter")
    });
    settle(h);
}

#[test]
fn after_its_own_log_in_the_window_names_the_logins_fingerprint() {
    let tenant = tenant();
    let detected = detected_fingerprint();
    let mut h = start(&tenant, None);
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);
    fill(&mut h, "User name", demo::USER_NAME);
    fill(&mut h, "Password", demo::PASSWORD);
    press(&mut h, "Log in");
    step_until(&mut h, "the session token", |h| {
        shows(h, "Session token filled in")
    });
    h.get_by_label_contains("Device").click();
    settle(&mut h);
    fill(&mut h, "Fingerprint", OTHER_FP);
    exchange(&mut h, &tenant);
    let text = all_text(&h);
    assert!(
        shows(&h, "The session belongs to another device fingerprint"),
        "{text}"
    );
    assert!(
        text.contains(&format!("…{}", tail(&detected)))
            && text.contains(&format!("…{}", tail(OTHER_FP))),
        "{text}"
    );
    let button = format!("Use the login's fingerprint (…{})", tail(&detected));
    press(&mut h, &button);
    settle(&mut h);
    exchange(&mut h, &tenant);
    assert!(
        shows(&h, "ssoTicket-"),
        "the login's fingerprint works: {}",
        all_text(&h)
    );
}

#[test]
fn a_fingerprint_set_by_hand_is_named_in_the_window_and_reset_fixes_it() {
    let tenant = tenant();
    let detected = detected_fingerprint();
    let mut h = start(&tenant, Some(OTHER_FP));
    exchange(&mut h, &tenant);
    let text = all_text(&h);
    assert!(shows(&h, "A device fingerprint set by hand"), "{text}");
    assert!(
        text.contains(&format!("…{}", tail(OTHER_FP)))
            && text.contains(&format!("…{}", tail(&detected))),
        "{text}"
    );
    press(&mut h, "Reset to this machine's fingerprint");
    settle(&mut h);
    exchange(&mut h, &tenant);
    assert!(shows(&h, "ssoTicket-"), "{}", all_text(&h));
}

#[test]
fn an_ended_session_offers_refresh_in_the_window() {
    let tenant = tenant();
    let mut launch = Launch {
        domain: Some(tenant.url()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some("st-long-gone-1".into()),
        ..Launch::default()
    };
    launch.lang = None;
    let mut h = window(launch, [1100.0, 1600.0]);
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    exchange(&mut h, &tenant);
    assert!(shows(&h, "Session token rejected"), "{}", all_text(&h));
    assert!(!shows(&h, "another device fingerprint"));
    let refresh = h.query_all_by_label("Refresh session").count();
    assert_eq!(
        refresh, 2,
        "the card offers Refresh session beside the field's"
    );
}
