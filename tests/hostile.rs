//! Servers that misbehave one way each, on 127.0.0.1. Against every one, `exchange` ends within its
//! timeout with the right class of error and exit code, and says nothing secret.

mod common;

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{ConnectProxy, RawServer, TlsServer, demo, http_response, json, stderr, stdout};

const ACCESS: &str = "hostile-test-access-token-1111";
const SESSION: &str = "hostile-test-session-token-2222";

fn exchange(domain: &str, extra: &[&str]) -> (std::process::Output, Duration) {
    let started = Instant::now();
    let out = common::exchange(domain, ACCESS, SESSION, &[&["--json"], extra].concat());
    let elapsed = started.elapsed();
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        !all.contains(ACCESS) && !all.contains(SESSION),
        "a token leaked:\n{all}"
    );
    (out, elapsed)
}

fn kind(out: &std::process::Output) -> String {
    json(out)["error"]["kind"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn behaviour(
    f: impl Fn(&[u8], &mut std::net::TcpStream) + Send + Sync + 'static,
) -> common::Behaviour {
    Arc::new(f)
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = RawServer::start_with(behaviour(|_, _| {
        std::thread::sleep(Duration::from_secs(20))
    }));
    let (out, elapsed) = exchange(&server.url(), &["--timeout", "1"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(kind(&out), "timeout");
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
}

#[test]
fn a_body_that_trickles_times_out() {
    let server = RawServer::start_with(behaviour(|_, stream| {
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{",
        );
        for _ in 0..100 {
            std::thread::sleep(Duration::from_millis(200));
            if stream.write_all(b" ").is_err() {
                return;
            }
        }
    }));
    let (out, elapsed) = exchange(&server.url(), &["--timeout", "1"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(kind(&out), "timeout");
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
}

/// The start of a JSON answer's head, the rest of it each test's own.
const JSON_200: &str = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n";

#[test]
fn a_body_far_over_the_cap_is_cut_off_unread() {
    // 64 MiB sent chunked, with no length declared up front.
    let server = RawServer::start_with(behaviour(|_, stream| {
        let _ =
            stream.write_all(format!("{JSON_200}transfer-encoding: chunked\r\n\r\n").as_bytes());
        let chunk = vec![b'x'; 64 * 1024];
        for _ in 0..1024 {
            let head = format!("{:x}\r\n", chunk.len());
            if stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(&chunk))
                .and_then(|_| stream.write_all(b"\r\n"))
                .is_err()
            {
                return;
            }
        }
    }));
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stdout(&out));
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than the 1024 KiB limit"))
    );

    let declared = RawServer::start_with(behaviour(|_, stream| {
        let _ =
            stream.write_all(format!("{JSON_200}content-length: 5000000000\r\n\r\n{{").as_bytes());
        std::thread::sleep(Duration::from_secs(5));
    }));
    let (out, elapsed) = exchange(&declared.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        elapsed < Duration::from_secs(4),
        "refused on the declared length: {elapsed:?}"
    );
}

#[test]
fn a_reset_connection_is_a_network_error() {
    let server = RawServer::start_with(behaviour(|_, _| {}));
    // Closing with the request unread makes the kernel answer with a reset.
    let reset = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = reset.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in reset.incoming().flatten() {
            std::thread::sleep(Duration::from_millis(50));
            drop(stream);
        }
    });
    drop(server);
    let (out, _) = exchange(&format!("http://{addr}"), &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(kind(&out), "connect");
}

#[test]
fn an_html_error_page_from_a_proxy_is_a_server_error_with_the_page_as_evidence() {
    let server = RawServer::start(
        http_response(
            "502 Bad Gateway",
            &[("content-type", "text/html")],
            "<html><h1>502 Bad Gateway</h1>nginx</html>",
        ),
        Duration::ZERO,
    );
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(json(&out)["error"]["status"], 502);
}

#[test]
fn truncated_json_is_an_unexpected_response() {
    let server = RawServer::start(
        http_response(
            "200 OK",
            &[("content-type", "application/json")],
            r#"{"expire":300,"sso_tick"#,
        ),
        Duration::ZERO,
    );
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not valid JSON"))
    );

    // Declared longer than what arrives before the connection closes.
    let cut = RawServer::start_with(behaviour(|_, stream| {
        let _ = stream.write_all(
            format!("{JSON_200}content-length: 200\r\n\r\n{{\"expire\":300,").as_bytes(),
        );
    }));
    let (out, _) = exchange(&cut.url(), &[]);
    assert_eq!(out.status.code(), Some(6), "{}", stdout(&out));
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("broke off")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_with_the_wrong_types_is_an_unexpected_response() {
    let server = RawServer::start(
        http_response(
            "200 OK",
            &[("content-type", "application/json")],
            r#"{"expire":"300 seconds","sso_ticket":["t"]}"#,
        ),
        Duration::ZERO,
    );
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
}

#[test]
fn system_busy_is_a_server_error_with_the_tenants_code() {
    let server = RawServer::start(
        http_response(
            "500 Internal Server Error",
            &[("content-type", "application/json")],
            r#"{"error_code":"IDAAS.TENANT.COM.0002","error_msg":"System busy, please try again later"}"#,
        ),
        Duration::ZERO,
    );
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(json(&out)["error"]["code"], "IDAAS.TENANT.COM.0002");
    assert!(
        json(&out)["error"]["hint"]
            .as_str()
            .is_some_and(|h| h.contains("try again"))
    );
}

#[test]
fn a_redirect_to_another_host_is_not_followed_and_nothing_reaches_it() {
    let elsewhere = RawServer::start(http_response("200 OK", &[], "{}"), Duration::ZERO);
    let location = format!("http://localhost:{}/collect", elsewhere.addr.port());
    let server = RawServer::start(
        http_response("307 Temporary Redirect", &[("location", &location)], ""),
        Duration::ZERO,
    );
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains(&location))
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        elsewhere.received_text(),
        "",
        "the redirect target got a request"
    );
}

#[test]
fn tokens_echoed_in_the_error_text_are_redacted() {
    let server = RawServer::start_with(behaviour(|request, stream| {
        let (auth, session) = common::echoed_tokens(request);
        let message = format!("Invalid session token {session} for access token {auth}");
        let body = serde_json::json!({"error_code": "IDAAS.SDK.PARAM.0023", "error_msg": message})
            .to_string();
        let _ = stream.write_all(&http_response(
            "400 Bad Request",
            &[("content-type", "application/json"), ("x-echo", &auth)],
            &body,
        ));
    }));
    let (out, _) = exchange(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(4));
    let message = json(&out)["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        message,
        "Invalid session token [redacted session token] for access token [redacted access token]"
    );
    // The report of the same run carries neither, in the body nor in the echoed header.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.md");
    let (out, _) = exchange(&server.url(), &["--report", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(4));
    let report = std::fs::read_to_string(&path).expect("report");
    assert!(
        report.contains("x-echo: [redacted access token]"),
        "{report}"
    );
    assert!(!report.contains(ACCESS) && !report.contains(SESSION));
}

fn ticket_response() -> Vec<u8> {
    http_response(
        "200 OK",
        &[("content-type", "application/json")],
        r#"{"expire":300,"sso_ticket":"ssoTicket-over-tls"}"#,
    )
}

#[test]
fn a_certificate_from_an_unknown_authority_is_refused_naming_the_problem() {
    let server = TlsServer::start(&["localhost"], ticket_response());
    let (out, _) = exchange(&format!("https://localhost:{}", server.addr.port()), &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(kind(&out), "tls");
    let message = json(&out)["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("UnknownIssuer"), "{message}");
}

#[test]
fn ca_file_trusts_an_extra_authority_for_the_run() {
    let server = TlsServer::start(&["localhost"], ticket_response());
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &server.cert_pem).expect("write");
    let (out, _) = exchange(
        &format!("https://localhost:{}", server.addr.port()),
        &["--ca-file", ca.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(json(&out)["sso_ticket"], "ssoTicket-over-tls");

    let bad = dir.path().join("not-a-ca.pem");
    std::fs::write(&bad, "hello").expect("write");
    let (out, _) = exchange(
        &format!("https://localhost:{}", server.addr.port()),
        &["--ca-file", bad.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("CA file"), "{}", stdout(&out));
}

#[test]
fn a_certificate_for_another_host_name_is_refused() {
    let server = TlsServer::start(&["tenant.other.example"], ticket_response());
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &server.cert_pem).expect("write");
    let (out, _) = exchange(
        &format!("https://localhost:{}", server.addr.port()),
        &["--ca-file", ca.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(kind(&out), "tls");
    assert!(
        json(&out)["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not valid for name")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn requests_go_through_a_connect_proxy_from_the_environment_or_the_flag() {
    let server = TlsServer::start(&["localhost"], ticket_response());
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &server.cert_pem).expect("write");
    let domain = format!("https://localhost:{}", server.addr.port());

    let proxy = ConnectProxy::start();
    let ca_file = ["--json", "--ca-file", ca.to_str().expect("utf-8")];
    let out = common::exchange_command(&domain, ACCESS, SESSION, &ca_file)
        .env("HTTPS_PROXY", proxy.url())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let seen = proxy.seen();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(
        seen[0].starts_with(&format!(
            "CONNECT localhost:{} HTTP/1.1",
            server.addr.port()
        )),
        "{seen:?}"
    );
    assert!(
        !seen[0].contains(ACCESS),
        "the proxy saw only the tunnel, not the token"
    );

    let flagged = ConnectProxy::start();
    let (out, _) = exchange(
        &domain,
        &[
            "--ca-file",
            ca.to_str().expect("utf-8"),
            "--proxy",
            &flagged.url(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(flagged.seen().len(), 1);

    // NO_PROXY keeps this host off the proxy.
    let bypassed = ConnectProxy::start();
    let out = common::exchange_command(&domain, ACCESS, SESSION, &ca_file)
        .env("HTTPS_PROXY", bypassed.url())
        .env("NO_PROXY", "localhost")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(bypassed.seen().is_empty());
}

#[test]
fn bad_input_in_any_flag_is_named_before_anything_is_sent() {
    let server = RawServer::start(http_response("200 OK", &[], "{}"), Duration::ZERO);
    let dir = tempfile::tempdir().expect("tempdir");
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "a".repeat(1024 * 1024)).expect("write");
    let huge = huge.to_str().expect("utf-8").to_owned();
    let url = server.url();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--tenant-id", "t\u{0007}1"], "X-tenant-id:"),
        (vec!["--client-id", "app\u{202E}x"], "client_id:"),
        (vec!["--os-version", "windows\u{0007}10"], "OS version:"),
        (
            vec!["--fingerprint", "fp\nsecond line"],
            "device fingerprint:",
        ),
        (vec!["--agent", "a\u{001b}[31mb"], "agent:"),
        (vec!["--device-ip", "300.1.1.1"], "device IP:"),
        (vec!["--timeout", "0"], "timeout:"),
        (vec!["--timeout", "NaN"], "timeout:"),
        (
            vec!["--access-token-file", &huge],
            "far more than any real secret",
        ),
        (vec!["--proxy", "not a url"], "proxy:"),
    ];
    for (args, want) in cases {
        let out = common::exchange(&url, ACCESS, SESSION, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(want),
            "{args:?}: want {want:?} in {}",
            stderr(&out)
        );
    }
    for token in ["\"quoted-token\"", "Bearer  spaced-token", "'single-token'"] {
        let out = common::exchange(&url, token, SESSION, &[]);
        assert_ne!(
            out.status.code(),
            Some(2),
            "{token:?} is cleaned, not refused: {}",
            stderr(&out)
        );
    }
    assert!(
        server.received_text().matches("POST ").count() == 3,
        "only the three cleaned tokens were sent"
    );
    let _ = demo::ACCESS_TOKEN;
}
