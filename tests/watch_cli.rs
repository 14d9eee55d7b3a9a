//! `sso-diag watch` against the mock on loopback, bounded in time and count: a line per attempt,
//! phases that account for the total, failures of a flaky mock counted by class exactly, the
//! summary on Ctrl+C, JSON lines, CSV, and the exit code of the most frequent failure.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{demo, sso_diag, stderr, stdout};
use sso_diag::env_vars;
use sso_diag::mock::{Injected, MockConfig, MockTenant};

/// `sso-diag watch` against `tenant`, five probes a second (allowed towards this machine only),
/// the demo tokens in the environment.
fn watch_command(tenant: &MockTenant) -> std::process::Command {
    let mut cmd = sso_diag();
    cmd.arg("watch")
        .args(["--domain", &tenant.url(), "--interval", "0.2"])
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN);
    cmd
}

fn watch(tenant: &MockTenant, args: &[&str]) -> std::process::Output {
    watch_command(tenant)
        .args(args)
        .output()
        .expect("run sso-diag watch")
}

fn json_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn each_attempt_on_its_own_line_and_a_summary() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let started = Instant::now();
    let out = watch(&tenant, &["--count", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for n in ["#1 ", "#2 ", "#3 "] {
        assert!(text.contains(n), "{n} in\n{text}");
    }
    assert!(text.contains("3 attempts, 3 ok (100 %)"), "{text}");
    assert!(text.contains("first byte"), "{text}");
    assert!(
        text.contains("Each successful exchange issues a real ticket"),
        "{text}"
    );
    // One probe at a time, 0.2 s apart: three attempts take two intervals at least.
    assert!(started.elapsed() >= Duration::from_millis(400));
    let exchanges = tenant
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/sso-ticket"))
        .count();
    assert_eq!(exchanges, 3);
}

#[test]
fn the_phases_account_for_the_total() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = watch(&tenant, &["--count", "2", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "two attempts and the summary");
    for attempt in &lines[..2] {
        let p = &attempt["phases_ms"];
        let ms = |k: &str| p[k].as_f64().unwrap_or_else(|| panic!("{k} in {p}"));
        let phases = ms("dns") + ms("connect") + ms("first_byte") + ms("body");
        assert!(
            p["tls"].is_null(),
            "plain http to this machine has no TLS: {p}"
        );
        let total = ms("total");
        assert!(phases <= total + 0.2, "{p}");
        assert!(total - phases < 5.0, "the probe's own time is small: {p}");
        assert_eq!(attempt["outcome"], "ok");
        assert_eq!(attempt["new_connection"], true);
    }
    let summary = &lines[2]["summary"];
    assert_eq!(summary["attempts"], 2);
    assert_eq!(summary["exit_code"], 0);
    assert!(
        summary["phases_ms"]["first_byte"]["p95"].as_f64().is_some(),
        "{summary}"
    );
}

#[test]
fn reusing_the_connection_connects_once() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = watch(&tenant, &["--count", "3", "--json", "--reuse-connection"]);
    let lines = json_lines(&out);
    let fresh: Vec<bool> = lines[..3]
        .iter()
        .map(|l| l["new_connection"].as_bool().expect("bool"))
        .collect();
    assert_eq!(fresh, [true, false, false], "{}", stdout(&out));
    assert!(lines[1]["phases_ms"]["connect"].is_null());
}

#[test]
fn a_flaky_tenant_s_failures_are_counted_by_class_exactly() {
    // The first eight calls include both a "system busy" and a hang.
    let tenant = common::flaky_tenant(0.6, 8, |c| {
        c.contains(&Injected::Busy) && c.contains(&Injected::Hang)
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("attempts.csv");
    let csv_arg = csv.to_string_lossy().into_owned();
    let out = watch(
        &tenant,
        &[
            "--count",
            "8",
            "--timeout",
            "1",
            "--json",
            "--csv",
            &csv_arg,
        ],
    );
    let injected = tenant.injected();
    assert_eq!(injected.len(), 8, "{injected:?}");
    let count = |i: Injected| injected.iter().filter(|x| **x == i).count() as u64;
    let (busy, hang) = (count(Injected::Busy), count(Injected::Hang));
    assert!(
        busy > 0 && hang > 0,
        "the seed must exercise both: {injected:?}"
    );
    let lines = json_lines(&out);
    let summary = &lines.last().expect("summary")["summary"];
    let counted = |class: &str| -> u64 {
        summary["failures"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["class"] == class)
            .map(|f| f["count"].as_u64().unwrap_or_default())
            .sum()
    };
    assert_eq!(counted("server_error"), busy, "{summary}");
    assert_eq!(counted("timeout"), hang, "{summary}");
    assert_eq!(summary["ok"].as_u64(), Some(8 - busy - hang), "{summary}");
    let worst = if busy >= hang { 5 } else { 3 };
    assert_eq!(out.status.code(), Some(worst), "{summary}");
    let busy_line = lines
        .iter()
        .find(|l| l["outcome"] == "server_error")
        .expect("a busy attempt");
    assert_eq!(busy_line["code"], "IDAAS.TENANT.COM.0002");
    assert_eq!(busy_line["status"], 500);

    let rows = std::fs::read_to_string(&csv).expect("csv");
    let rows: Vec<&str> = rows.lines().collect();
    assert_eq!(rows.len(), 9, "a header and a row per attempt: {rows:?}");
    assert!(rows[0].starts_with("attempt,at,outcome,code,status,new_connection,dns_ms"));
    assert_eq!(
        rows.iter().filter(|r| r.contains(",timeout,")).count() as u64,
        hang
    );
}

#[test]
fn ctrl_c_prints_the_summary() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut child = watch_command(&tenant)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut seen = Vec::new();
    while let Some(Ok(line)) = lines.next() {
        let second = line.starts_with("#2 ");
        seen.push(line);
        if second {
            break;
        }
    }
    // SAFETY: `kill` with the child's own pid and SIGINT, as a terminal's Ctrl+C sends it.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    seen.extend(lines.map_while(Result::ok));
    let status = child.wait().expect("wait");
    let text = seen.join("\n");
    assert_eq!(status.code(), Some(0), "{text}");
    let summary = text
        .lines()
        .find(|l| l.contains(" attempts, "))
        .unwrap_or_else(|| panic!("no summary after Ctrl+C:\n{text}"));
    assert!(summary.ends_with("ok (100 %)"), "{summary}");
}

#[test]
fn a_rejected_exchange_gives_exit_4_and_the_tenant_s_code() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = watch_command(&tenant)
        .args(["--count", "2"])
        .env(
            env_vars::SESSION_TOKEN,
            "a-session-token-the-tenant-never-issued",
        )
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("rejected IDAAS.SDK.PARAM.0023"), "{text}");
    assert!(
        text.contains("failed: rejected IDAAS.SDK.PARAM.0023 × 2"),
        "{text}"
    );
    assert!(!text.contains("a-session-token-the-tenant-never-issued"));
}

#[test]
fn reachability_needs_no_token_and_the_interval_has_a_floor() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = sso_diag()
        .arg("watch")
        .args(["--what", "check", "--domain", &tenant.url(), "--count", "1"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        tenant
            .requests()
            .iter()
            .all(|r| r.header("authorization").is_none())
    );

    for (domain, interval) in [
        (tenant.url(), "0.05"),
        ("tenant.example.com".to_owned(), "0.5"),
    ] {
        let out = sso_diag()
            .arg("watch")
            .args([
                "--what",
                "check",
                "--domain",
                &domain,
                "--interval",
                interval,
            ])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{domain} every {interval} s");
        assert!(
            stderr(&out).contains("at least 1 second"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn the_report_has_the_summary_the_failures_and_the_chart() {
    let tenant = common::flaky_tenant(0.5, 4, |c| {
        c.contains(&Injected::Busy) && !c.contains(&Injected::Hang)
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("watch.md");
    let report_arg = report.to_string_lossy().into_owned();
    let out = watch(&tenant, &["--count", "4", "--report", &report_arg]);
    assert_eq!(out.status.code(), Some(5), "{}", stdout(&out));
    let md = std::fs::read_to_string(&report).expect("report");
    for want in [
        "# sso-diag watch report",
        "![Where each attempt's time went](watch.png)",
        "| phase | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |",
        "The counts and the maximum are exact; p50, p95 and p99 come from a histogram",
        "Colours in the chart: DNS #5b8def, TCP #3fb0ac, TLS #9b6bd6",
        "| first byte |",
        "## Failures",
        "| server error | ` IDAAS.TENANT.COM.0002 ` |",
        "HTTP 500",
        "system busy",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    for secret in [demo::ACCESS_TOKEN, demo::SESSION_TOKEN] {
        assert!(!md.contains(secret), "{secret} in the report");
    }
    let png = std::fs::read(dir.path().join("watch.png")).expect("the chart");
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn the_whole_flow_each_time() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = sso_diag()
        .arg("watch")
        .args([
            "--what",
            "flow",
            "--domain",
            &tenant.url(),
            "--interval",
            "0.2",
        ])
        .args([
            "--count",
            "2",
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
        ])
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("2 attempts, 2 ok (100 %)"),
        "{}",
        stdout(&out)
    );
    let paths: Vec<String> = tenant.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths.len(),
        6,
        "token, login and exchange, twice: {paths:?}"
    );
    assert!(!stdout(&out).contains(demo::PASSWORD) && !stdout(&out).contains(demo::CLIENT_SECRET));
}

#[test]
fn duration_stops_the_watch_as_for_does() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = watch(&tenant, &["--duration", "1s"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(" attempts, ") && text.contains("ok (100 %)"),
        "{text}"
    );
    let out = watch(&tenant, &["--duration", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"soon\" is not a duration like 90s"),
        "{}",
        stderr(&out)
    );
}
