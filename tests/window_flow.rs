//! The whole flow in the window, as a new user would try it against the mock tenant: Get token,
//! Log in, Exchange, Redeem, whose ticket it is; an expired JWT flagged before sending; the
//! connection check; the report and curl on the clipboard without a secret; the history.

mod common;

use common::demo;
use common::ui::{Window, all_text, copied_by, fill, press, settle, shows, step_until, window};
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

fn harness(launch: Launch) -> Window {
    // The user's name is Chinese: drawn with system fonts, as eframe does at run time.
    window(launch, [1100.0, 1500.0])
}

fn start_empty(tenant: &MockTenant) -> Window {
    let mut h = harness(Launch {
        domain: Some(tenant.url()),
        client_id: Some(demo::CLIENT_ID.into()),
        ..Launch::default()
    });
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    h
}

#[test]
fn from_client_credentials_and_a_test_user_to_whose_ticket_it_is() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = start_empty(&tenant);
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);

    fill(&mut h, "Client secret", demo::CLIENT_SECRET);
    press(&mut h, "Get token");
    step_until(&mut h, "the access token", |h| {
        shows(h, "Access token filled in")
    });
    assert!(
        shows(&h, "From client credentials: expires in 30:00")
            || shows(&h, "From client credentials: expires in 29:59"),
        "{}",
        all_text(&h)
    );

    fill(&mut h, "User name", demo::USER_NAME);
    fill(&mut h, "Password", demo::PASSWORD);
    press(&mut h, "Log in");
    step_until(&mut h, "the session token", |h| {
        shows(h, "Session token filled in")
    });
    assert!(shows(&h, "id_token (signature not checked)"));

    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    press(&mut h, "Redeem");
    step_until(&mut h, "the user", |h| {
        shows(h, "Whose it is: 张伟 (Demo User)")
    });
    assert!(shows(&h, "Used: redeemed"));
    assert!(shows(&h, "demo.user@example.com"));

    let paths: Vec<String> = tenant.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    let login_fp = tenant.requests()[1]
        .header("x-device-fingerprint")
        .map(str::to_owned);
    let exchange: serde_json::Value =
        serde_json::from_slice(&tenant.requests()[2].body).expect("json");
    assert_eq!(login_fp.as_deref(), exchange["device_fingerprint"].as_str());

    // The history lists the four calls; the report and curl carry no secret.
    for short in ["Get token", "Log in", "Exchange", "Redeem"] {
        assert!(
            h.query_all_by_label_contains(&format!("  {short}\n"))
                .next()
                .is_some(),
            "{short} in history:\n{}",
            all_text(&h)
        );
    }
    let mut secrets = vec![demo::CLIENT_SECRET.to_owned(), demo::PASSWORD.to_owned()];
    secrets.extend(common::secrets_on_the_wire(
        &tenant,
        &["session_token", "sso_ticket"],
    ));
    let report = copied_by(&mut h, "Copy report");
    assert!(report.contains("# sso-diag report"), "{report}");
    assert!(
        report.contains("Ticket issued and redeemed for 张伟 (Demo User)"),
        "{report}"
    );
    assert!(report.contains("| Test login |"), "{report}");
    let curl = copied_by(&mut h, "Copy as curl");
    assert!(
        curl.contains("/api/v2/tenant/sso/sso-ticket/verify")
            && curl.contains("$SSO_DIAG_SSO_TICKET"),
        "{curl}"
    );
    for secret in &secrets {
        assert!(!report.contains(secret.as_str()), "{secret} in the report");
        assert!(!curl.contains(secret.as_str()), "{secret} in curl");
    }
}

#[test]
fn an_expired_jwt_is_flagged_before_anything_is_sent() {
    let expired = common::expired_jwt();
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = harness(Launch {
        domain: Some(tenant.url()),
        access_token: Some(expired),
        ..Launch::default()
    });
    settle(&mut h);
    assert!(
        shows(&h, "JWT, read locally (signature not checked)"),
        "{}",
        all_text(&h)
    );
    assert!(shows(&h, "issuer https://tenant.example.com"));
    assert!(shows(&h, "EXPIRED"), "{}", all_text(&h));
    assert!(tenant.requests().is_empty());
}

#[test]
fn the_check_explains_a_closed_port_and_skips_the_rest() {
    let port = common::closed_port();
    let mut h = harness(Launch {
        domain: Some(format!("http://127.0.0.1:{port}")),
        ..Launch::default()
    });
    settle(&mut h);
    press(&mut h, "Check connection");
    step_until(&mut h, "the check", |h| {
        shows(h, "The network is in the way")
    });
    assert!(shows(&h, "Nothing accepts connections on port"));
    assert!(shows(&h, "Skipped: no connection could be opened."));
}

#[test]
fn clicking_a_history_entry_inspects_that_call() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = harness(Launch {
        domain: Some(tenant.url()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some("no-such-session".into()),
        ..Launch::default()
    });
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the rejection", |h| {
        shows(h, "Session token rejected")
    });
    h.get_by_label("Session token").focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Session token")
        .type_text(demo::SESSION_TOKEN);
    settle(&mut h);
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    press(&mut h, "Request / response inspector");
    settle(&mut h);
    assert!(shows(&h, "HTTP 200 ·"), "the newest call: {}", all_text(&h));

    let entries: Vec<String> = h
        .query_all_by_label_contains("  Exchange\n")
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    let older = entries
        .iter()
        .find(|e| e.contains("HTTP 400 IDAAS.SDK.PARAM.0023"))
        .expect("the rejected call")
        .clone();
    h.get_by_label(&older).click_accesskit();
    settle(&mut h);
    assert!(shows(&h, "HTTP 400 ·"), "{}", all_text(&h));
    assert!(shows(&h, "Invalid or expired session token"));
}
