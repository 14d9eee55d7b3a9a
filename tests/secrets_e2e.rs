//! No secret anywhere: the command line and the window go through success, rejection and echo
//! cases with trace logging on; then stdout, stderr, the log, the persisted settings, the report
//! and the curl export are searched for every token, the client secret and the password.

mod common;

use std::io::Write;
use std::sync::Arc;

use common::ui::{copied_by, fill, kept_text, press, settle, shows, step_until, window_restored};
use common::{RawServer, demo, env_vars, http_response, sso_diag, stderr, stdout};
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

const LEAKY_ACCESS: &str = "leaky-access-token-e2e-0001";
const LEAKY_SESSION: &str = "leaky-session-token-e2e-0002";

/// Every secret the mock saw on the wire (tokens it issued included), plus the fixed ones.
fn secrets(tenant: &MockTenant) -> Vec<String> {
    let mut out = vec![
        demo::CLIENT_SECRET.to_owned(),
        demo::PASSWORD.to_owned(),
        demo::ACCESS_TOKEN.to_owned(),
        demo::SESSION_TOKEN.to_owned(),
        LEAKY_ACCESS.to_owned(),
        LEAKY_SESSION.to_owned(),
    ];
    out.extend(common::secrets_on_the_wire(
        tenant,
        &["session_token", "password"],
    ));
    out.sort();
    out.dedup();
    out
}

fn assert_clean(what: &str, text: &str, secrets: &[String]) {
    for s in secrets {
        assert!(!text.contains(s.as_str()), "{s:?} found in {what}:\n{text}");
    }
}

/// A server that echoes both tokens back in its error message and in a header.
fn echo_server() -> RawServer {
    RawServer::start_with(Arc::new(
        |request: &[u8], stream: &mut std::net::TcpStream| {
            let (auth, session) = common::echoed_tokens(request);
            let message = format!("Invalid access token: {auth} (session {session})");
            let body = serde_json::json!({"error": "invalid_token", "error_description": message})
                .to_string();
            let _ = stream.write_all(&http_response(
                "401 Unauthorized",
                &[
                    ("content-type", "application/json"),
                    ("www-authenticate", &format!("Bearer error=\"{auth}\"")),
                ],
                &body,
            ));
        },
    ))
}

#[test]
fn the_command_line_leaks_nothing_with_trace_logging() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let echo = echo_server();
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("cli.log");
    let report = dir.path().join("report.md");
    let mut outputs = Vec::new();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = sso_diag();
        cmd.args(args)
            .arg("--log-file")
            .arg(&log)
            .env("RUST_LOG", "trace");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run")
    };
    let url = tenant.url();
    // Success: the whole flow, with a report.
    let out = run(
        &[
            "exchange",
            "--domain",
            &url,
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
            "--redeem",
            "--report",
            report.to_str().expect("utf-8"),
        ],
        &[
            (env_vars::CLIENT_SECRET, demo::CLIENT_SECRET),
            (env_vars::PASSWORD, demo::PASSWORD),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    outputs.push(out);
    // Rejection, and the tenant echoing the tokens.
    let out = run(
        &["exchange", "--domain", &url],
        &[
            (env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN),
            (env_vars::SESSION_TOKEN, LEAKY_SESSION),
        ],
    );
    assert_eq!(out.status.code(), Some(4));
    outputs.push(out);
    let out = run(
        &["exchange", "--domain", &echo.url(), "--json"],
        &[
            (env_vars::ACCESS_TOKEN, LEAKY_ACCESS),
            (env_vars::SESSION_TOKEN, LEAKY_SESSION),
        ],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(
        echo.received_text().contains(LEAKY_ACCESS),
        "the echo server really got the token"
    );
    outputs.push(out);
    let out = run(
        &[
            "login",
            "--domain",
            &url,
            "--client-id",
            demo::CLIENT_ID,
            "--user",
            demo::USER_NAME,
            "--json",
        ],
        &[(env_vars::PASSWORD, demo::PASSWORD)],
    );
    assert_eq!(out.status.code(), Some(0));
    outputs.push(out);
    let curl = run(
        &["exchange", "--curl", "--domain", &url],
        &[
            (env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN),
            (env_vars::SESSION_TOKEN, demo::SESSION_TOKEN),
        ],
    );
    outputs.push(curl);

    let secrets = secrets(&tenant);
    assert!(
        secrets.len() >= 8,
        "the search covers the issued tokens too: {}",
        secrets.len()
    );
    for (i, out) in outputs.iter().enumerate() {
        assert_clean(&format!("stdout of run {i}"), &stdout(out), &secrets);
        assert_clean(&format!("stderr of run {i}"), &stderr(out), &secrets);
    }
    let log_text = std::fs::read_to_string(&log).expect("log written");
    assert!(
        log_text.contains("answered") && log_text.contains("TRACE"),
        "trace logging was on:\n{log_text}"
    );
    assert!(
        log_text.contains("[redacted"),
        "the log shows where secrets were removed"
    );
    assert_clean("the log", &log_text, &secrets);
    assert_clean(
        "the report",
        &std::fs::read_to_string(&report).expect("report"),
        &secrets,
    );
}

#[test]
fn the_window_leaks_nothing_with_trace_logging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("window.log");
    assert!(
        sso_diag::logging::init_with(
            sso_diag::logging::LogTarget::File(log.clone()),
            Some("trace")
        )
        .is_some()
    );

    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let echo = echo_server();
    let data = tempfile::tempdir().expect("data dir");
    let launch = Launch {
        domain: Some(tenant.url()),
        client_id: Some(demo::CLIENT_ID.into()),
        lang: Some(sso_diag::i18n::Lang::En),
        ..Launch::default()
    };
    let mut h = window_restored(launch, [1100.0, 1500.0], data.path());
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);
    fill(&mut h, "Client secret", demo::CLIENT_SECRET);
    press(&mut h, "Get token");
    step_until(&mut h, "the access token", |h| {
        shows(h, "Access token filled in")
    });
    fill(&mut h, "User name", demo::USER_NAME);
    fill(&mut h, "Password", demo::PASSWORD);
    press(&mut h, "Log in");
    step_until(&mut h, "the session token", |h| {
        shows(h, "Session token filled in")
    });
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    press(&mut h, "Redeem");
    step_until(&mut h, "the user", |h| shows(h, "Whose it is"));
    let report_ok = copied_by(&mut h, "Copy report");

    // Rejection: a session the tenant does not know.
    fill(&mut h, "Session token", LEAKY_SESSION);
    press(&mut h, "Exchange");
    step_until(&mut h, "the rejection", |h| {
        shows(h, "Session token rejected")
    });

    // Echo: a tenant that repeats both tokens.
    fill(&mut h, "Domain", &echo.url());
    fill(&mut h, "Access token", LEAKY_ACCESS);
    press(&mut h, "Exchange");
    step_until(&mut h, "the echo", |h| shows(h, "Access token rejected"));
    assert!(echo.received_text().contains(LEAKY_ACCESS));
    let report_echo = copied_by(&mut h, "Copy report");
    let curl = copied_by(&mut h, "Copy as curl");

    h.state_mut().save_state();
    let settings = kept_text(data.path());
    assert!(
        settings.contains(&echo.url()),
        "the settings were kept: {settings}"
    );

    let secrets = secrets(&tenant);
    assert_clean("the persisted settings", &settings, &secrets);
    assert_clean("the first report", &report_ok, &secrets);
    assert_clean("the echo report", &report_echo, &secrets);
    assert_clean("the curl export", &curl, &secrets);
    assert!(
        report_echo.contains("[redacted access token]"),
        "{report_echo}"
    );
    let log_text = std::fs::read_to_string(&log).expect("log");
    assert!(
        log_text.contains("answered") && log_text.contains("TRACE"),
        "{log_text}"
    );
    assert_clean("the log", &log_text, &secrets);
}
