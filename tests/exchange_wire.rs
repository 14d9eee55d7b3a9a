//! The exchange as the tenant sees it: bytes on the wire against the mock tenant over real
//! loopback TCP, and each documented answer classified as a user needs it.

mod common;

use std::time::Duration;

use common::{RawServer, demo, http_response};
use secrecy::SecretString;
use serde_json::Value;
use sso_diag::ciam::{
    ClientOptions, DeviceFields, ExchangeRequest, Outcome, TenantClient, TenantUrl, TicketGrant,
};
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::step::{Answer, Call};

const FP: &str = "0123456789abcdef0123456789abcdef";

fn mock() -> MockTenant {
    MockTenant::start(MockConfig {
        demo_fingerprint: FP.into(),
        ..MockConfig::default()
    })
    .expect("mock starts")
}

fn request(access: &str, session: &str) -> ExchangeRequest {
    ExchangeRequest {
        access_token: SecretString::from(access.to_owned()),
        session_token: SecretString::from(session.to_owned()),
        tenant_id: None,
        client_id: None,
        device: DeviceFields {
            os_version: "windows10.0.19045".into(),
            device_ip: "192.168.1.2".into(),
            fingerprint: FP.into(),
            agent: None,
        },
    }
}

/// The exchange as every front end sends it: one `Call`, through the tenant client.
fn run(url: &str, req: &ExchangeRequest, options: ClientOptions) -> Outcome<TicketGrant> {
    let client = TenantClient::new(TenantUrl::parse(url).expect("url"), options).expect("client");
    let call = Call::exchange(req);
    let outcome = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(call.send(&client));
    let result = outcome.result.map(|answer| match answer {
        Answer::Ticket(grant) => grant,
        other => panic!("the exchange answered {other:?}"),
    });
    Outcome {
        record: outcome.record,
        result,
    }
}

#[test]
fn sends_exactly_what_api_md_describes() {
    let tenant = mock();
    let outcome = run(
        &tenant.url(),
        &request(demo::ACCESS_TOKEN, demo::SESSION_TOKEN),
        ClientOptions::default(),
    );
    let grant = outcome.result.expect("ticket issued");
    assert!(grant.sso_ticket.starts_with("ssoTicket-"));
    assert_eq!(grant.expire_secs, 300);

    let seen = tenant.requests();
    assert_eq!(seen.len(), 1);
    let r = &seen[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/api/v2/tenant/sso/session-token/sso-ticket");
    assert_eq!(
        r.header("content-type"),
        Some("application/json;charset=utf8")
    );
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {}", demo::ACCESS_TOKEN).as_str())
    );
    assert_eq!(r.header("x-tenant-id"), None);
    let body: Value = serde_json::from_slice(&r.body).expect("JSON body");
    let mut keys: Vec<_> = body.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "device_fingerprint",
            "device_ip",
            "operating_sys_version",
            "session_token"
        ]
    );
    assert_eq!(body["session_token"], demo::SESSION_TOKEN);
    assert_eq!(body["operating_sys_version"], "windows10.0.19045");
    assert_eq!(body["device_ip"], "192.168.1.2");
    assert_eq!(body["device_fingerprint"], FP);
}

#[test]
fn optional_fields_are_sent_only_when_given() {
    let tenant = mock();
    let mut req = request(demo::ACCESS_TOKEN, demo::SESSION_TOKEN);
    req.tenant_id = Some("isv-tenant-7".into());
    req.client_id = Some(demo::CLIENT_ID.into());
    req.device.agent = Some("agent:Mozilla/5.0".into());
    run(&tenant.url(), &req, ClientOptions::default())
        .result
        .expect("ticket");
    let r = &tenant.requests()[0];
    assert_eq!(r.header("x-tenant-id"), Some("isv-tenant-7"));
    let body: Value = serde_json::from_slice(&r.body).expect("JSON");
    assert_eq!(body["agent"], "agent:Mozilla/5.0");
    assert_eq!(body["client_id"], demo::CLIENT_ID);
}

#[test]
fn the_record_masks_the_tokens_it_sent() {
    let tenant = mock();
    let outcome = run(
        &tenant.url(),
        &request(demo::ACCESS_TOKEN, demo::SESSION_TOKEN),
        ClientOptions::default(),
    );
    let shown = format!("{:?}", outcome.record);
    assert!(!shown.contains(demo::ACCESS_TOKEN), "{shown}");
    assert!(!shown.contains(demo::SESSION_TOKEN), "{shown}");
    let auth = outcome
        .record
        .request
        .headers
        .iter()
        .find(|(k, _)| k == "Authorization")
        .expect("auth header shown");
    assert!(auth.1.starts_with("Bearer ••••"), "{}", auth.1);
    assert!(
        outcome
            .record
            .request
            .body
            .contains(&format!("({} chars)", demo::SESSION_TOKEN.len()))
    );
    let response = outcome.record.response.expect("response recorded");
    assert_eq!(response.status, 200);
    assert!(response.body.contains("sso_ticket"));
}

#[test]
fn a_wrong_session_token_is_rejected_with_the_tenants_code_and_advice() {
    let tenant = mock();
    let err = run(
        &tenant.url(),
        &request(demo::ACCESS_TOKEN, "expired-session-token"),
        ClientOptions::default(),
    )
    .result
    .expect_err("rejected");
    assert_eq!(err.kind(), "rejected");
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("IDAAS.SDK.PARAM.0023"));
    assert_eq!(err.message(), "Invalid or expired session token");
    assert_eq!(
        err.advice(sso_diag::i18n::Lang::En).title,
        "Session token rejected"
    );
    assert_eq!(err.exit_code(), 4);
}

#[test]
fn a_fingerprint_other_than_the_logins_is_named() {
    let tenant = mock();
    let mut req = request(demo::ACCESS_TOKEN, demo::SESSION_TOKEN);
    req.device.fingerprint = "not-the-login-fingerprint".into();
    let err = run(&tenant.url(), &req, ClientOptions::default())
        .result
        .expect_err("rejected");
    assert_eq!(err.code(), Some("IDAAS.SDK.PARAM.0024"));
    assert!(
        err.advice(sso_diag::i18n::Lang::En)
            .action
            .contains("X-device-fingerprint")
    );
}

#[test]
fn an_echoed_access_token_is_redacted_everywhere() {
    let tenant = mock();
    let secret_access = "leaky-access-token-0987654321";
    let outcome = run(
        &tenant.url(),
        &request(secret_access, demo::SESSION_TOKEN),
        ClientOptions::default(),
    );
    // The mock really did echo it...
    assert!(tenant.requests().len() == 1);
    let err = outcome.result.expect_err("rejected");
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.code(), Some("invalid_token"));
    assert_eq!(
        err.message(),
        "Invalid access token: [redacted access token]"
    );
    // ...and it is nowhere in what we keep.
    for text in [
        format!("{err:?}"),
        err.to_string(),
        format!("{:?}", outcome.record),
        err.advice(sso_diag::i18n::Lang::En).hint(),
    ] {
        assert!(!text.contains(secret_access), "leaked in {text}");
    }
}

#[test]
fn a_server_error_is_told_apart_from_a_rejection() {
    let body = r#"{"error_code":"IDAAS.TENANT.COM.0002","error_msg":"System busy, please try again later"}"#;
    let server = RawServer::start(
        http_response(
            "500 Internal Server Error",
            &[("Content-Type", "application/json")],
            body,
        ),
        Duration::ZERO,
    );
    let err = run(
        &server.url(),
        &request("a-token-1", "s-token-1"),
        ClientOptions::default(),
    )
    .result
    .expect_err("500");
    assert_eq!(err.kind(), "server_error");
    assert_eq!(err.code(), Some("IDAAS.TENANT.COM.0002"));
    assert_eq!(err.exit_code(), 5);
}

#[test]
fn a_redirect_is_reported_with_its_location_and_not_followed() {
    let elsewhere = RawServer::start(http_response("200 OK", &[], "{}"), Duration::ZERO);
    let location = format!("http://localhost:{}/steal", elsewhere.addr.port());
    let server = RawServer::start(
        http_response("307 Temporary Redirect", &[("Location", &location)], ""),
        Duration::ZERO,
    );
    let err = run(
        &server.url(),
        &request("a-token-2", "s-token-2"),
        ClientOptions::default(),
    )
    .result
    .expect_err("3xx");
    assert_eq!(err.kind(), "unexpected_response");
    assert_eq!(err.status(), Some(307));
    assert!(err.message().contains(&location), "{}", err.message());
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        elsewhere.received_text(),
        "",
        "nothing may reach the redirect target"
    );
}

#[test]
fn html_from_a_proxy_is_an_unexpected_response() {
    let server = RawServer::start(
        http_response(
            "200 OK",
            &[("Content-Type", "text/html")],
            "<html><body>Sign in to the proxy</body></html>",
        ),
        Duration::ZERO,
    );
    let err = run(
        &server.url(),
        &request("a-token-3", "s-token-3"),
        ClientOptions::default(),
    )
    .result
    .expect_err("html");
    assert_eq!(err.kind(), "unexpected_response");
    assert!(
        err.message().contains("text/html, not JSON"),
        "{}",
        err.message()
    );
    assert_eq!(err.exit_code(), 6);
}

#[test]
fn a_body_over_the_cap_is_refused_without_reading_it_all() {
    let big = "x".repeat(2 * 1024 * 1024);
    let server = RawServer::start(
        http_response("200 OK", &[("Content-Type", "application/json")], &big),
        Duration::ZERO,
    );
    let err = run(
        &server.url(),
        &request("a-token-4", "s-token-4"),
        ClientOptions::default(),
    )
    .result
    .expect_err("cap");
    assert!(
        err.message().contains("larger than the 1024 KiB limit"),
        "{}",
        err.message()
    );
}

#[test]
fn wrong_types_in_a_200_are_an_unexpected_response_with_the_body() {
    let server = RawServer::start(
        http_response(
            "200 OK",
            &[("Content-Type", "application/json")],
            r#"{"expire":"soon","sso_ticket":"t"}"#,
        ),
        Duration::ZERO,
    );
    let err = run(
        &server.url(),
        &request("a-token-5", "s-token-5"),
        ClientOptions::default(),
    )
    .result
    .expect_err("shape");
    assert_eq!(err.kind(), "unexpected_response");
    assert!(err.message().contains("\"expire\""), "{}", err.message());
    assert!(err.body().is_some_and(|b| b.contains("soon")));
}

#[test]
fn a_silent_server_times_out_within_the_limit() {
    let server = RawServer::start(Vec::new(), Duration::from_secs(30));
    let options = ClientOptions {
        total_timeout: Duration::from_millis(700),
        ..ClientOptions::default()
    };
    let started = std::time::Instant::now();
    let err = run(&server.url(), &request("a-token-6", "s-token-6"), options)
        .result
        .expect_err("timeout");
    assert_eq!(err.kind(), "timeout");
    assert_eq!(err.exit_code(), 3);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_closed_port_is_a_connection_error() {
    // Bind then drop: the port is free and nothing listens on it.
    let port = common::closed_port();
    let err = run(
        &format!("http://127.0.0.1:{port}"),
        &request("a-token-7", "s-token-7"),
        ClientOptions::default(),
    )
    .result
    .expect_err("refused");
    assert_eq!(err.kind(), "connect");
    assert!(err.to_string().contains("refused"), "{err}");
}
