//! A watch's hand-over keeps what it caught: an attempt that hung is a call of its real length in
//! the HAR (its wait is the time until the timeout, its `_error` says so), on the command line and
//! in the window; a watch of the whole flow records each of its calls with its own phases; and the
//! lines, the JSON, the HAR and the watch report agree on every attempt.

#[path = "har/check.rs"]
#[allow(dead_code)]
mod check;
mod common;
#[path = "hand_over/facts.rs"]
mod facts;

use check::assert_valid_har;
use common::ui::window;
use common::ui::{downloads_home, press, saved_in_downloads, settle, shows, step_until_within};
use common::{demo, env_vars, sso_diag, stderr};
use serde_json::Value;
use sso_diag::mock::Injected;
use sso_diag::ui::Launch;

/// The `--json` lines: each attempt's, then the summary.
fn json_lines(stdout: &[u8]) -> (Vec<Value>, Value) {
    let mut lines: Vec<Value> = String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let summary = lines.pop().expect("a summary")["summary"].clone();
    (lines, summary)
}

/// The HAR's entries of attempt `number`.
fn entries_of(har: &Value, number: u64) -> Vec<&Value> {
    let entries = har["log"]["entries"].as_array().expect("entries");
    entries
        .iter()
        .filter(|e| e["_attempt"].as_u64() == Some(number))
        .collect()
}

#[test]
fn a_hang_is_in_the_har_as_long_as_it_lasted() {
    // Six exchanges, one of them held back past any timeout.
    let tenant = common::flaky_tenant(0.5, 6, |c| {
        c.iter().filter(|i| **i == Injected::Hang).count() == 1
    });
    let dir = tempfile::tempdir().expect("dir");
    let (har, report) = (dir.path().join("w.har"), dir.path().join("w.md"));
    let out = sso_diag()
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
        .args([
            "watch",
            "--domain",
            &tenant.url(),
            "--timeout",
            "1",
            "--interval",
            "0.1",
        ])
        .args(["--count", "6", "--json", "--har"])
        .arg(&har)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("run");
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    let (attempts, summary) = json_lines(&out.stdout);
    assert_eq!(attempts.len(), 6);
    let har = assert_valid_har(&std::fs::read_to_string(&har).expect("har"));
    let mut hung = None;
    for attempt in &attempts {
        let number = attempt["attempt"].as_u64().expect("number");
        let calls = entries_of(&har, number);
        assert_eq!(calls.len(), 1, "attempt {number}: {calls:?}");
        let entry = facts::har_entry(calls[0]);
        let total = attempt["phases_ms"]["total"].as_f64().expect("total");
        assert!(
            (entry.ms - total).abs() <= 0.051,
            "attempt {number}: {} against {total}",
            entry.ms
        );
        assert_eq!(entry.status, attempt["status"].as_u64(), "attempt {number}");
        assert_eq!(
            entry.code.as_deref(),
            attempt["code"].as_str(),
            "attempt {number}"
        );
        if attempt["outcome"] == "timeout" {
            hung = Some((number, calls[0].clone(), attempt.clone()));
        }
    }
    let (number, entry, attempt) = hung.expect("the hang, as a timeout");
    // The whole second the timeout allowed, and all of it after the connection spent waiting.
    let time = entry["time"].as_f64().expect("time");
    assert!(time >= 999.0, "{entry}");
    let phase = |k: &str| entry["timings"][k].as_f64().expect(k).max(0.0);
    let wait = phase("wait");
    let before = phase("blocked") + phase("dns") + phase("connect") + phase("send");
    assert!((before + wait - time).abs() <= 0.051, "{entry}");
    let first_byte = attempt["phases_ms"]["first_byte"]
        .as_f64()
        .expect("first byte");
    assert!(
        (wait - first_byte).abs() <= 0.051,
        "{wait} against {first_byte}"
    );
    assert!(
        entry["_error"]
            .as_str()
            .is_some_and(|e| e.starts_with("timeout")),
        "{entry}"
    );

    let report = std::fs::read_to_string(&report).expect("report");
    let (n, ok) = (summary["attempts"].as_u64(), summary["ok"].as_u64());
    let headline = format!("**{} attempts, {} ok", n.unwrap_or(0), ok.unwrap_or(0));
    assert!(report.contains(&headline), "{headline} in\n{report}");
    assert!(
        report.contains(&format!("### Attempt {number} at ")) && report.contains("timeout"),
        "{report}"
    );
}

#[test]
fn a_flow_watch_records_each_call_timed_phase_by_phase() {
    let tenant =
        sso_diag::mock::MockTenant::start(sso_diag::mock::MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("dir");
    let har = dir.path().join("flow.har");
    let out = sso_diag()
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .args(["watch", "--what", "flow", "--domain", &tenant.url()])
        .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
        .args(["--count", "3", "--interval", "0.1", "--json", "--har"])
        .arg(&har)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (attempts, _) = json_lines(&out.stdout);
    assert_eq!(attempts.len(), 3);
    let har = assert_valid_har(&std::fs::read_to_string(&har).expect("har"));
    assert_eq!(tenant.requests().len(), 9, "three calls an attempt");
    for attempt in &attempts {
        let number = attempt["attempt"].as_u64().expect("number");
        let calls = entries_of(&har, number);
        let steps: Vec<&str> = calls.iter().filter_map(|e| e["_step"].as_str()).collect();
        assert_eq!(steps, ["token", "login", "exchange"], "attempt {number}");
        let mut sum = 0.0;
        for call in &calls {
            let entry = facts::har_entry(call);
            assert!(entry.ms > 0.0, "{call}");
            sum += entry.ms;
            let timings = &call["timings"];
            for phase in ["dns", "connect", "wait"] {
                assert!(
                    timings[phase].as_f64() >= Some(0.0),
                    "{phase} measured: {call}"
                );
            }
            assert_eq!(call["serverIPAddress"], "127.0.0.1", "{call}");
            assert!(
                call["connection"]
                    .as_str()
                    .is_some_and(|c| c.parse::<u16>().is_ok())
            );
        }
        let total = attempt["phases_ms"]["total"].as_f64().expect("total");
        assert!(
            (sum - total).abs() <= 0.06,
            "attempt {number}: {sum} against {total}"
        );
    }
}

#[test]
fn the_windows_har_keeps_the_hang_too() {
    let home = downloads_home();
    // The first exchange hangs: the window's watch times it out after 5 s.
    let tenant = common::flaky_tenant(0.5, 1, |c| c == [Injected::Hang]);
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            watch: true,
            ..Launch::default()
        },
        [1100.0, 1700.0],
    );
    // The timeout comes after 5 s: a loaded machine may take as long again to get there.
    let limit = std::time::Duration::from_secs(30);
    step_until_within(&mut h, limit, "the timed-out attempt", |h| {
        shows(h, "failed: timeout")
    });
    press(&mut h, "Stop");
    settle(&mut h);
    press(&mut h, "Save HAR");
    settle(&mut h);
    let saved = saved_in_downloads(home.path(), ".har");
    let har = assert_valid_har(&std::fs::read_to_string(&saved[0]).expect("har"));
    let entries = har["log"]["entries"].as_array().expect("entries");
    let timed_out = |e: &&Value| {
        e["_error"]
            .as_str()
            .is_some_and(|e| e.starts_with("timeout"))
    };
    let entry = entries.iter().find(timed_out).expect("the timed-out call");
    let wait = entry["timings"]["wait"].as_f64().expect("wait");
    assert!(wait >= 4990.0, "the hang's wait: {entry}");
    facts::har_entry(entry);
    assert_eq!(tenant.injected()[0], Injected::Hang, "the first call hung");
}
