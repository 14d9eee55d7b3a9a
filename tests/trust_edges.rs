//! Trust on the command line's edges, as a security reviewer tries it: a proxy for plain HTTP, a
//! report that cannot be written, files private to the user, exit codes, a failing proxy, a clock
//! that cannot be read.

mod common;
#[path = "trust/shared.rs"]
#[allow(dead_code)]
mod shared;

use std::time::Duration;

use common::{RawServer, env_vars, http_response, json, sso_diag, stderr, stdout};
use shared::*;
use sso_diag::mock::{MockConfig, MockTenant};

#[test]
fn plain_http_never_goes_through_a_proxy() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let proxy = RawServer::start(http_response("502 Bad Gateway", &[], ""), Duration::ZERO);
    let out = common::exchange_command(
        &tenant.url(),
        sso_diag::mock::demo::ACCESS_TOKEN,
        sso_diag::mock::demo::SESSION_TOKEN,
        &["--json"],
    )
    .env("HTTP_PROXY", proxy.url())
    .env("ALL_PROXY", proxy.url())
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let explicit = ["--json", "--proxy", &proxy.url()];
    let out = common::exchange(
        &tenant.url(),
        sso_diag::mock::demo::ACCESS_TOKEN,
        sso_diag::mock::demo::SESSION_TOKEN,
        &explicit,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        proxy.received_text().is_empty(),
        "the proxy saw the bearer token"
    );
}

#[test]
fn a_report_that_cannot_be_written_is_found_before_the_ticket_is_spent() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("tempdir");
    for bad in [dir.path().join("no/such/dir/r.md"), dir.path().to_owned()] {
        let out = common::exchange(
            &tenant.url(),
            sso_diag::mock::demo::ACCESS_TOKEN,
            sso_diag::mock::demo::SESSION_TOKEN,
            &["--report", bad.to_str().expect("utf-8")],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("report file: cannot write"),
            "{}",
            stderr(&out)
        );
    }
    assert!(
        tenant.requests().is_empty(),
        "nothing sent, no ticket spent"
    );
}

#[cfg(unix)]
#[test]
fn the_report_and_the_log_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("tempdir");
    let (report, log) = (dir.path().join("r.md"), dir.path().join("logs/sso.log"));
    let out = common::exchange_command(
        &tenant.url(),
        sso_diag::mock::demo::ACCESS_TOKEN,
        sso_diag::mock::demo::SESSION_TOKEN,
        &["--report", report.to_str().expect("utf-8")],
    )
    .arg("--log-file")
    .arg(&log)
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (path, want) in [
        (&report, 0o600),
        (&log, 0o600),
        (&dir.path().join("logs"), 0o700),
    ] {
        let mode = std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, want, "{}: {mode:o}", path.display());
    }
}

#[test]
fn exit_codes_say_what_happened() {
    let ssh = RawServer::start(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec(), Duration::ZERO);
    let out = exchange_with(&ssh.url(), &["--json"]);
    assert_eq!(out.status.code(), Some(6), "{}", stdout(&out));
    assert_eq!(json(&out)["error"]["kind"], "unexpected_response");

    let headers: Vec<(String, String)> = (0..300)
        .map(|i| (format!("X-Header-{i}"), "v".repeat(50)))
        .collect();
    let refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let many = RawServer::start(http_response("200 OK", &refs, "{}"), Duration::ZERO);
    let out = exchange_with(&many.url(), &["--json"]);
    assert_eq!(out.status.code(), Some(6), "{}", stdout(&out));

    let silent = RawServer::start(Vec::new(), Duration::from_secs(5));
    let long_label = format!("https://{}.example.com", "a".repeat(64));
    let cases: [(&str, &[&str], &str); 4] = [
        (
            &silent.url(),
            &["--proxy", "socks5://127.0.0.1:1080"],
            "proxy:",
        ),
        ("https://tenant.example.com:0", &[], "port 0"),
        (&long_label, &[], "63 characters"),
        (
            &silent.url(),
            &["--tenant-id", "t\u{7}", "--timeout", "0"],
            "X-tenant-id",
        ),
    ];
    for (domain, args, want) in cases {
        let out = exchange_with(domain, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{domain} {args:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(want), "{want}: {}", stderr(&out));
    }
    assert!(silent.received_text().is_empty());

    // A tenant that issues an access token with a line break in it.
    let crlf = tenant(|_| {
        json_answer(
            "200 OK",
            r#"{"access_token":"abc\r\nX-Evil: 1","expires_in":60}"#,
        )
    });
    let out = sso_diag()
        .args([
            "exchange",
            "--domain",
            &crlf.url(),
            "--client-id",
            "app",
            "--json",
        ])
        .env(env_vars::CLIENT_SECRET, CLIENT_SECRET)
        .env(env_vars::SESSION_TOKEN, SESSION)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(6), "{}", stdout(&out));
    let v = json(&out);
    assert_eq!(v["error"]["step"], "token");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("control characters")
    );
}

#[test]
fn a_proxy_that_fails_is_named_not_the_tenant() {
    let proxy = RawServer::start(
        http_response("502 Bad Gateway", &[], "upstream unreachable"),
        Duration::ZERO,
    );
    let explicit = ["--json", "--proxy", &proxy.url()];
    let out = exchange_with("https://tenant.example.com", &explicit);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let v = json(&out);
    assert_eq!(v["error"]["kind"], "proxy", "{v}");
    assert_eq!(v["error"]["title"], "The proxy could not reach the tenant");
}

#[test]
fn check_names_an_unreadable_date_and_the_mock_warns_off_loopback() {
    let odd = http_response("200 OK", &[("Date", "yesterday-ish")], "{}");
    let server = RawServer::start(odd, Duration::ZERO);
    let out = sso_diag()
        .args(["check", "--domain", &server.url()])
        .output()
        .expect("run");
    assert!(
        stdout(&out).contains("is not an HTTP date"),
        "{}",
        stdout(&out)
    );

    let mut mock = sso_diag()
        .args(["mock", "--addr", "0.0.0.0:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    let _ = mock.kill();
    let out = mock.wait_with_output().expect("wait");
    assert!(
        stderr(&out).contains("serves the mock's fake credentials to the network"),
        "{}",
        stderr(&out)
    );
}
