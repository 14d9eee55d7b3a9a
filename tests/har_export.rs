//! `--har FILE` and the window's "Save HAR": a HAR 1.2 file of the session's calls that passes
//! an independent schema check and holds no secret in any encoding.

#[path = "har/check.rs"]
mod check;
mod common;

use check::{assert_no_secret, assert_valid_har};
use common::ui::{downloads_home, press, saved_in_downloads, settle, shows, step_until, window};
use common::{demo, sso_diag, stderr};
use sso_diag::env_vars;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

fn wire_secrets(tenant: &MockTenant) -> Vec<String> {
    let mut secrets = vec![demo::CLIENT_SECRET.to_owned(), demo::PASSWORD.to_owned()];
    secrets.extend(common::secrets_on_the_wire(
        tenant,
        &["session_token", "password", "client_secret", "sso_ticket"],
    ));
    secrets.sort();
    secrets.dedup();
    secrets
}

#[test]
fn the_whole_flow_as_a_har_that_devtools_would_load() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("dir");
    let har = dir.path().join("run.har");
    let out = sso_diag()
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .args([
            "exchange",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
        ])
        .args(["--user", demo::USER_NAME, "--redeem", "--json", "--har"])
        .arg(&har)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&har).expect("har written");
    let parsed = assert_valid_har(&text);
    let entries = parsed["log"]["entries"].as_array().expect("entries");
    let steps: Vec<&str> = entries
        .iter()
        .map(|e| e["_step"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(steps, ["token", "login", "exchange", "redeem"]);
    let exchange = &entries[2];
    assert_eq!(exchange["request"]["method"], "POST");
    assert!(
        exchange["request"]["url"]
            .as_str()
            .unwrap_or("")
            .ends_with("/api/v2/tenant/sso/session-token/sso-ticket")
    );
    assert_eq!(exchange["response"]["status"], 200);
    assert_eq!(exchange["response"]["statusText"], "OK");
    let ticket = common::json(&out)["ticket"]["sso_ticket"]
        .as_str()
        .map(str::to_owned);
    let mut secrets = wire_secrets(&tenant);
    secrets.extend(ticket);
    assert!(secrets.len() >= 5, "{secrets:?}");
    assert_no_secret("the HAR", &text, &secrets);
    assert!(
        text.contains("[redacted"),
        "secrets are marked, not dropped"
    );
}

#[test]
fn a_rejected_call_and_an_unanswered_one_are_in_the_har_too() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let unknown_session = "session-token-the-tenant-never-issued";
    let dir = tempfile::tempdir().expect("dir");
    let har = dir.path().join("rejected.har");
    let out = common::exchange_command(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        unknown_session,
        &["--har", har.to_str().expect("utf8")],
    )
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let text = std::fs::read_to_string(&har).expect("har");
    let parsed = assert_valid_har(&text);
    let entry = &parsed["log"]["entries"][0];
    assert!(
        entry["response"]["status"].as_u64().unwrap_or(0) >= 400,
        "{entry}"
    );
    assert!(
        entry["_error"]
            .as_str()
            .unwrap_or("")
            .starts_with("rejected"),
        "{entry}"
    );
    assert_no_secret(
        "the HAR",
        &text,
        &[demo::ACCESS_TOKEN.into(), unknown_session.into()],
    );

    // Nobody listening: the request went out, no answer came.
    let closed = format!("http://127.0.0.1:{}", common::closed_port());
    let har = dir.path().join("refused.har");
    let out = sso_diag()
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .args([
            "login",
            "--domain",
            &closed,
            "--client-id",
            "app",
            "--user",
            "u",
            "--har",
        ])
        .arg(&har)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = std::fs::read_to_string(&har).expect("har");
    let parsed = assert_valid_har(&text);
    let entry = &parsed["log"]["entries"][0];
    assert_eq!(entry["response"]["status"], 0);
    assert_no_secret("the HAR", &text, &[demo::PASSWORD.into()]);
}

#[test]
fn a_watch_har_has_the_probes_phases() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("dir");
    let har = dir.path().join("watch.har");
    let out = sso_diag()
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
        .args([
            "watch",
            "--domain",
            &tenant.url(),
            "--interval",
            "0.1",
            "--count",
            "3",
            "--json",
            "--har",
        ])
        .arg(&har)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&har).expect("har");
    let parsed = assert_valid_har(&text);
    let entries = parsed["log"]["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 3);
    for e in entries {
        assert!(e["timings"]["dns"].as_f64().expect("dns") >= 0.0, "{e}");
        assert!(
            e["timings"]["connect"].as_f64().expect("connect") >= 0.0,
            "{e}"
        );
        assert_eq!(e["timings"]["ssl"], -1.0, "plain http: no TLS");
    }
    let mut secrets = wire_secrets(&tenant);
    secrets.extend([
        demo::ACCESS_TOKEN.to_owned(),
        demo::SESSION_TOKEN.to_owned(),
    ]);
    assert_no_secret("the watch HAR", &text, &secrets);
}

#[test]
fn the_window_saves_a_har_of_its_calls() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let home = downloads_home();
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            ..Launch::default()
        },
        [1100.0, 1500.0],
    );
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    press(&mut h, "Save HAR");
    settle(&mut h);
    let saved = saved_in_downloads(home.path(), ".har");
    assert_eq!(saved.len(), 1);
    let text = std::fs::read_to_string(&saved[0]).expect("har");
    let parsed = assert_valid_har(&text);
    assert_eq!(parsed["log"]["entries"][0]["_step"], "exchange");
    let mut secrets = wire_secrets(&tenant);
    secrets.extend([
        demo::ACCESS_TOKEN.to_owned(),
        demo::SESSION_TOKEN.to_owned(),
    ]);
    assert_no_secret("the window's HAR", &text, &secrets);
}

#[test]
fn the_check_refuses_what_importers_refuse() {
    use sso_diag::ciam::HttpRecord;
    use sso_diag::ciam::record::{RequestRecord, ResponseRecord};
    let request = RequestRecord {
        method: "POST".into(),
        url: "https://tenant.example.com/api/v2/sdk/login".into(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: "{}".into(),
    };
    let response = ResponseRecord {
        status: 200,
        headers: vec![],
        body: "{}".into(),
    };
    let elapsed = std::time::Duration::from_millis(12);
    let record = HttpRecord::new(request, Some(response), elapsed);
    let call = sso_diag::step::Call::reachability();
    let outcome = call.read(sso_diag::ciam::Outcome {
        record,
        result: Ok(serde_json::Value::Null),
    });
    let step = sso_diag::step::StepRecord::new(&call, &outcome, time::OffsetDateTime::now_utc());
    let setting = sso_diag::report::Setting {
        tenant: "https://tenant.example.com".into(),
        device: Default::default(),
        front_end: sso_diag::report::FrontEnd::CommandLine,
        profile: None,
        fields: Default::default(),
    };
    let good = sso_diag::report::HandOver::new(setting, [&step]).har();
    assert_valid_har(&good);
    let breakages: [(&str, &str); 4] = [
        ("\"wait\":", "\"wai\":"),
        ("\"pages\": [],", ""),
        ("\"time\": 12.0", "\"time\": 13.0"),
        ("https://tenant.example.com", "/relative"),
    ];
    for (from, to) in breakages {
        assert!(good.contains(from), "{from} in {good}");
        let broken = good.replacen(from, to, 1);
        let caught = std::panic::catch_unwind(|| {
            assert_valid_har(&broken);
        });
        assert!(caught.is_err(), "{from} → {to} passed the check");
    }
}
