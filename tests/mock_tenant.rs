//! The mock tenant answers API.md (1)–(4) as documented, with raw HTTP (not our client), so the
//! client's own understanding of the API is not what is being checked here.

mod common;

use common::demo;
use serde_json::{Value, json};
use sso_diag::mock::{MockConfig, MockTenant, VerifyShape};

const FP: &str = "fp-of-the-login-device";

fn start(shape: VerifyShape) -> MockTenant {
    MockTenant::start(MockConfig {
        demo_fingerprint: FP.into(),
        verify_shape: shape,
        ..MockConfig::default()
    })
    .expect("mock")
}

struct Call {
    status: u16,
    body: Value,
}

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

async fn post(req: reqwest::RequestBuilder) -> Call {
    let r = req.send().await.expect("send");
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Call { status, body }
}

fn json_post(url: &str, bearer: Option<&str>, body: Value) -> reqwest::RequestBuilder {
    let mut r = client()
        .post(url)
        .header("Content-Type", "application/json;charset=utf8")
        .body(body.to_string());
    if let Some(b) = bearer {
        r = r.header("Authorization", format!("Bearer {b}"));
    }
    r
}

fn device(extra: Value) -> Value {
    let mut v = json!({
        "operating_sys_version": "android10",
        "device_ip": "10.0.0.2",
        "device_fingerprint": FP,
    });
    if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
        o.extend(e);
    }
    v
}

#[test]
fn the_whole_flow_client_credentials_login_exchange_verify() {
    let t = start(VerifyShape::Flat);
    let base = t.url();
    block(async {
        let token = post(
            client()
                .post(format!("{base}/api/v2/tenant/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(format!(
                    "grant_type=client_credentials&client_id={}&client_secret={}",
                    demo::CLIENT_ID,
                    demo::CLIENT_SECRET
                )),
        )
        .await;
        assert_eq!(token.status, 200);
        assert_eq!(token.body["token_type"], "Bearer");
        assert_eq!(token.body["expires_in"], 1800);
        assert_eq!(token.body["scope"], "all");
        assert_eq!(
            token.body["id_token"]
                .as_str()
                .map(|t| t.split('.').count()),
            Some(3)
        );
        let access = token.body["access_token"]
            .as_str()
            .expect("access_token")
            .to_owned();

        let login = post(
            json_post(
                &format!("{base}/api/v2/sdk/login"),
                None,
                json!({"user_name": demo::USER_NAME, "password": demo::PASSWORD}),
            )
            .header("X-client-id", demo::CLIENT_ID)
            .header("X-device-fingerprint", FP)
            .header("X-operating-sys-version", "android10")
            .header("X-agent", "test"),
        )
        .await;
        assert_eq!(login.status, 200, "{}", login.body);
        assert_eq!(login.body["status"], "SUCCESS");
        assert_eq!(login.body["expire"], 604_800);
        let session = login.body["session_token"]
            .as_str()
            .expect("session_token")
            .to_owned();

        let ex = post(json_post(
            &format!("{base}/api/v2/tenant/sso/session-token/sso-ticket"),
            Some(&access),
            device(json!({"session_token": session})),
        ))
        .await;
        assert_eq!(ex.status, 200, "{}", ex.body);
        assert_eq!(ex.body["expire"], 300);
        let ticket = ex.body["sso_ticket"].as_str().expect("ticket").to_owned();

        let verify_url = format!("{base}/api/v2/tenant/sso/sso-ticket/verify");
        let v = post(json_post(
            &verify_url,
            Some(&access),
            device(json!({"sso_ticket": ticket})),
        ))
        .await;
        assert_eq!(v.status, 200);
        assert_eq!(v.body["userName"], demo::USER_NAME);
        assert!(v.body["name"].as_str().is_some_and(|n| n.contains("张伟")));

        // One-time: the second redemption fails.
        let again = post(json_post(
            &verify_url,
            Some(&access),
            device(json!({"sso_ticket": ticket})),
        ))
        .await;
        assert_eq!(again.status, 400);
        assert_eq!(
            again.body,
            json!({"error_code": "IDAAS.SDK.PARAM.0025", "error_msg": "Invalid or expired sso_ticket"})
        );
    });
}

#[test]
fn verify_can_answer_in_the_huawei_envelope() {
    let t = start(VerifyShape::Envelope);
    let base = t.url();
    block(async {
        let ex = post(json_post(
            &format!("{base}/api/v2/tenant/sso/session-token/sso-ticket"),
            Some(demo::ACCESS_TOKEN),
            device(json!({"session_token": demo::SESSION_TOKEN})),
        ))
        .await;
        let ticket = ex.body["sso_ticket"].as_str().expect("ticket").to_owned();
        let v = post(json_post(
            &format!("{base}/api/v2/tenant/sso/sso-ticket/verify"),
            Some(demo::ACCESS_TOKEN),
            device(json!({"sso_ticket": ticket})),
        ))
        .await;
        assert_eq!(v.status, 200);
        assert_eq!(v.body["code"], "0");
        assert_eq!(v.body["data"]["user"]["userName"], demo::USER_NAME);
    });
}

#[test]
fn documented_errors() {
    let t = start(VerifyShape::Flat);
    let base = t.url();
    let exchange_url = format!("{base}/api/v2/tenant/sso/session-token/sso-ticket");
    block(async {
        let bad_client = post(
            client()
                .post(format!("{base}/api/v2/tenant/token"))
                .body("grant_type=client_credentials&client_id=demo-app&client_secret=nope"),
        )
        .await;
        assert_eq!(bad_client.status, 401);
        assert_eq!(
            bad_client.body,
            json!({"error": "invalid_client", "error_description": "Bad client credentials"})
        );

        let login = post(
            json_post(
                &format!("{base}/api/v2/sdk/login"),
                None,
                json!({"user_name": demo::USER_NAME, "password": "wrong"}),
            )
            .header("X-client-id", demo::CLIENT_ID)
            .header("X-device-fingerprint", FP)
            .header("X-operating-sys-version", "android10")
            .header("X-agent", "test"),
        )
        .await;
        assert_eq!(login.status, 400);
        assert_eq!(login.body["error_code"], "LOGIN.0002");
        assert!(login.body["error_msg"].as_str().is_some_and(|m| {
            m.starts_with("Invalid account name or password. Remaining attempts: ")
        }));

        let no_bearer = post(json_post(
            &exchange_url,
            None,
            device(json!({"session_token": demo::SESSION_TOKEN})),
        ))
        .await;
        assert_eq!(no_bearer.status, 401);
        assert_eq!(no_bearer.body["error"], "invalid_token");

        let echoed = post(json_post(
            &exchange_url,
            Some("some-unknown-token"),
            device(json!({"session_token": demo::SESSION_TOKEN})),
        ))
        .await;
        assert_eq!(
            echoed.body["error_description"],
            "Invalid access token: some-unknown-token"
        );

        let no_os = json!({
            "session_token": demo::SESSION_TOKEN,
            "device_ip": "1.2.3.4",
            "device_fingerprint": FP,
        });
        let missing = post(json_post(&exchange_url, Some(demo::ACCESS_TOKEN), no_os)).await;
        assert_eq!(missing.status, 400);
        assert_eq!(
            missing.body,
            json!({
                "error_code": "IDAAS.SDK.PARAM.0001",
                "error_msg": "Parameter operating_sys_version cannot be left blank",
            })
        );

        let expired = post(json_post(
            &exchange_url,
            Some(demo::ACCESS_TOKEN),
            device(json!({"session_token": "nope"})),
        ))
        .await;
        assert_eq!(
            expired.body,
            json!({"error_code": "IDAAS.SDK.PARAM.0023", "error_msg": "Invalid or expired session token"})
        );

        let mismatch = post(json_post(
            &exchange_url,
            Some(demo::ACCESS_TOKEN),
            device(json!({"session_token": demo::SESSION_TOKEN, "device_fingerprint": "other"})),
        ))
        .await;
        assert_eq!(
            mismatch.body,
            json!({"error_code": "IDAAS.SDK.PARAM.0024", "error_msg": "Device fingerprint mismatch"})
        );

        let app = post(json_post(
            &exchange_url,
            Some(demo::ACCESS_TOKEN),
            device(json!({"session_token": demo::SESSION_TOKEN, "client_id": "ghost"})),
        ))
        .await;
        assert_eq!(app.body["error_code"], "APP.0001");
    });
}

#[test]
fn tickets_expire_after_the_configured_time() {
    let t = MockTenant::start(MockConfig {
        demo_fingerprint: FP.into(),
        ticket_ttl_secs: 0,
        ..MockConfig::default()
    })
    .expect("mock");
    let base = t.url();
    block(async {
        let ex = post(json_post(
            &format!("{base}/api/v2/tenant/sso/session-token/sso-ticket"),
            Some(demo::ACCESS_TOKEN),
            device(json!({"session_token": demo::SESSION_TOKEN})),
        ))
        .await;
        assert_eq!(ex.body["expire"], 0);
        let ticket = ex.body["sso_ticket"].as_str().expect("ticket").to_owned();
        let v = post(json_post(
            &format!("{base}/api/v2/tenant/sso/sso-ticket/verify"),
            Some(demo::ACCESS_TOKEN),
            device(json!({"sso_ticket": ticket})),
        ))
        .await;
        assert_eq!(v.body["error_code"], "IDAAS.SDK.PARAM.0025");
    });
}

/// A plain reqwest client, with the TLS provider sso-diag installs for its own.
fn client() -> reqwest::Client {
    sso_diag::ciam::tls::ensure_provider();
    reqwest::Client::new()
}
