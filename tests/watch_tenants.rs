//! Several tenants in one watch, and its metrics for Prometheus: `--profile acme --profile globex`
//! probes both, each line and JSON object and CSV row names its profile, a summary per tenant;
//! `--profile` twice elsewhere is refused; `--metrics` says where it serves and whether beyond
//! this machine, and `/metrics` holds every metric by tenant, never a secret.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{demo, env_vars, sso_diag, stderr, stdout};
use sso_diag::mock::{Injected, MockConfig, MockTenant};

fn new_profile(data: &Path, name: &str, tenant: &MockTenant) {
    let out = sso_diag()
        .env(env_vars::DATA_DIR, data)
        .args(["profile", "new", name, "--domain", &tenant.url()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

fn watch_in(data: &Path) -> Command {
    let mut cmd = sso_diag();
    cmd.env(env_vars::DATA_DIR, data)
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
        .args(["watch", "--interval", "0.1"]);
    cmd
}

#[test]
fn two_profiles_two_tenants_each_named_in_every_output() {
    let (acme, globex) = (
        MockTenant::start(MockConfig::default()).expect("mock"),
        MockTenant::start(MockConfig::default()).expect("mock"),
    );
    let data = tempfile::tempdir().expect("data");
    new_profile(data.path(), "acme", &acme);
    new_profile(data.path(), "globex", &globex);
    let out = watch_in(data.path())
        .args(["--profile", "acme", "--profile", "globex", "--count", "3"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "[acme] #1 ",
        "[acme] #3 ",
        "[globex] #3 ",
        "[acme] 3 attempts, 3 ok (100 %)",
        "[globex] 3 attempts, 3 ok (100 %)",
        "[globex]   phase (ms)          p50       p95       p99       max",
        "(counts and max exact; p50/p95/p99 from a histogram, within 1 %)",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
    let sent = |t: &MockTenant| {
        t.requests()
            .iter()
            .filter(|r| r.path.ends_with("/sso-ticket"))
            .count()
    };
    assert_eq!(
        (sent(&acme), sent(&globex)),
        (3, 3),
        "each tenant on its own"
    );

    let csv = data.path().join("attempts.csv");
    let out = watch_in(data.path())
        .args([
            "--profile",
            "acme",
            "--profile",
            "globex",
            "--count",
            "2",
            "--json",
            "--csv",
        ])
        .arg(&csv)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let profiles = |want: &str| lines.iter().filter(|l| l["profile"] == want).count();
    assert_eq!(
        (profiles("acme"), profiles("globex")),
        (3, 3),
        "two attempts and a summary each"
    );
    let summaries: Vec<_> = lines
        .iter()
        .filter(|l| l.get("summary").is_some())
        .collect();
    assert_eq!(summaries.len(), 2);
    let rows = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        rows.lines()
            .next()
            .is_some_and(|h| h.ends_with(",total_ms,profile")),
        "{rows}"
    );
    assert_eq!(
        rows.lines().filter(|r| r.ends_with(",\"globex\"")).count(),
        2,
        "{rows}"
    );
}

#[test]
fn several_profiles_are_for_watch_only_and_each_once() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let data = tempfile::tempdir().expect("data");
    new_profile(data.path(), "acme", &tenant);
    new_profile(data.path(), "globex", &tenant);
    let out = sso_diag()
        .env(env_vars::DATA_DIR, data.path())
        .args(["exchange", "--profile", "acme", "--profile", "globex"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("only `watch` takes --profile more than once"),
        "{}",
        stderr(&out)
    );
    let out = watch_in(data.path())
        .args(["--profile", "acme", "--profile", "acme", "--count", "1"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the profile \"acme\" is named twice"),
        "{}",
        stderr(&out)
    );
    assert!(tenant.requests().is_empty(), "nothing sent");
    // A command without a timeout takes a profile as before.
    let out = sso_diag()
        .env(env_vars::DATA_DIR, data.path())
        .args(["check", "--profile", "acme"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

/// Starts `cmd` and reads its standard error up to the line that names the metrics' address.
fn with_metrics(mut cmd: Command) -> (Child, String, String) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut said = String::new();
    err.read_line(&mut said).expect("a line");
    let url = said
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("an address in {said:?}"))
        .to_owned();
    // The rest of standard error is read too: a closed pipe is not what a terminal does.
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    (child, url, said)
}

/// `GET path` on `url`'s host, with `accept`; the whole answer.
fn get(url: &str, accept: &str) -> String {
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_once('/').expect("a path");
    let mut stream = std::net::TcpStream::connect(host).expect("connect");
    let request = format!(
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}

/// The child's `--json` attempt lines: the first `n` of them, then (after a Ctrl+C) the rest.
struct Lines {
    child: Child,
    lines: std::io::Lines<BufReader<std::process::ChildStdout>>,
    seen: Vec<serde_json::Value>,
}

impl Lines {
    fn new(mut child: Child) -> Self {
        let lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    fn until(&mut self, n: usize) {
        while self.seen.len() < n {
            let line = self.lines.next().expect("another attempt").expect("a line");
            self.seen
                .push(serde_json::from_str(&line).expect("a JSON line"));
        }
    }

    /// Ctrl+C, then every attempt line left (not the summary).
    fn stop(mut self) -> Vec<serde_json::Value> {
        // SAFETY: `kill` with the child's own pid and SIGINT, as a terminal's Ctrl+C sends it.
        let sent = unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGINT) };
        assert_eq!(sent, 0);
        for line in self.lines.by_ref().map_while(Result::ok) {
            let value: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
            if value.get("attempt").is_some() {
                self.seen.push(value);
            }
        }
        self.child.wait().expect("wait");
        self.seen
    }
}

/// The number in the line of `text` that starts with `series`.
fn value_of(text: &str, series: &str) -> usize {
    let line = text.lines().find(|l| l.starts_with(series));
    let value = line
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok());
    value.unwrap_or_else(|| panic!("{series} in\n{text}"))
}

#[test]
fn the_metrics_endpoint_serves_every_metric_by_tenant() {
    // Among the first six calls a "system busy"; a hang times out after a second.
    let tenant = common::flaky_tenant(0.5, 6, |c| c.contains(&Injected::Busy));
    let data = tempfile::tempdir().expect("data");
    new_profile(data.path(), "acme", &tenant);
    let mut cmd = watch_in(data.path());
    cmd.args([
        "--profile",
        "acme",
        "--timeout",
        "1",
        "--json",
        "--metrics",
        "127.0.0.1:0",
    ]);
    let (child, url, said) = with_metrics(cmd);
    assert!(said.contains("(this machine only"), "{said}");
    let mut lines = Lines::new(child);
    lines.until(6);
    let text = get(&url, "*/*");
    let attempts = lines.stop();
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        text.contains("content-type: text/plain; version=0.0.4"),
        "{text}"
    );
    // However many attempts the scrape saw, it saw the first n of the lines.
    let n = value_of(
        &text,
        "sso_diag_probe_duration_seconds_count{tenant=\"acme\",phase=\"total\"}",
    );
    assert!(n >= 6 && n <= attempts.len(), "{n} of {}", attempts.len());
    let counted = |class: &str| {
        attempts[..n]
            .iter()
            .filter(|a| a["outcome"] == class)
            .count()
    };
    let busy = counted("server_error");
    assert!(busy > 0);
    let ok = value_of(&text, "sso_diag_probe_success{tenant=\"acme\"}");
    assert_eq!(
        ok == 1,
        attempts[n - 1]["outcome"] == "ok",
        "the latest result"
    );
    for want in [
        "sso_diag_probe_duration_seconds_bucket{tenant=\"acme\",phase=\"first_byte\",le=\"+Inf\"}"
            .to_owned(),
        format!(
            "sso_diag_probe_attempts_total{{tenant=\"acme\",outcome=\"server_error\"}} {busy}\n"
        ),
        format!(
            "sso_diag_probe_attempts_total{{tenant=\"acme\",outcome=\"ok\"}} {}\n",
            counted("ok")
        ),
        format!(
            "sso_diag_probe_failures_total{{tenant=\"acme\",class=\"server_error\",\
             code=\"IDAAS.TENANT.COM.0002\"}} {busy}\n"
        ),
        format!(
            "sso_diag_build_info{{version=\"{}\"",
            env!("CARGO_PKG_VERSION")
        ),
    ] {
        assert!(text.contains(&want), "{want} in\n{text}");
    }
    for secret in [demo::ACCESS_TOKEN, demo::SESSION_TOKEN, demo::USER_NAME] {
        assert!(!text.contains(secret), "{secret} in the metrics");
    }
}

#[test]
fn openmetrics_for_prometheus_and_a_warning_when_open_to_the_network() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut cmd = sso_diag();
    cmd.env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
        .args([
            "watch",
            "--domain",
            &tenant.url(),
            "--interval",
            "0.1",
            "--json",
        ])
        .args(["--metrics", "0.0.0.0:0"]);
    let (child, url, said) = with_metrics(cmd);
    assert!(
        said.starts_with("Warning: metrics at http://0.0.0.0:"),
        "{said}"
    );
    assert!(said.contains("open to the network"), "{said}");
    let mut lines = Lines::new(child);
    lines.until(2);
    let url = url.replace("0.0.0.0", "127.0.0.1");
    let text = get(&url, "application/openmetrics-text; version=1.0.0");
    lines.stop();
    assert!(text.contains("application/openmetrics-text"), "{text}");
    assert!(text.contains("# TYPE sso_diag_build info"), "{text}");
    // Without a profile, the tenant is named by its domain.
    let host = tenant.url().trim_start_matches("http://").to_owned();
    assert!(
        text.contains(&format!("sso_diag_probe_success{{tenant=\"{host}\"}} 1")),
        "{text}"
    );
    assert!(text.trim_end().ends_with("# EOF"), "{text}");
}
