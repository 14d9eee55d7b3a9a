//! The window, driven as a user would (egui_kittest, no display or GPU): fill the fields by label,
//! press Exchange, wait for the background work with a bounded step loop, and read the screen.

mod common;

use std::time::{Duration, Instant};

use common::ui::{
    Window, all_text, fill, kept_text, settle, shows, step_until, window, window_restored,
};
use common::{RawServer, demo, http_response};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use sso_diag::clock::Clock;
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

fn harness(launch: Launch) -> Window {
    window(launch, [980.0, 760.0])
}

fn harness_sized(launch: Launch, size: [f32; 2]) -> Window {
    window(launch, size)
}

fn wait_for_device(h: &mut Window) {
    step_until(h, "device detection", |h| shows(h, "(detected)"));
}

#[test]
fn a_user_fills_the_form_presses_exchange_and_sees_the_ticket_count_down() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let clock = Clock::default();
    let mut h = harness(Launch {
        clock: clock.clone(),
        ..Launch::default()
    });
    fill(&mut h, "Domain", &tenant.url());
    fill(
        &mut h,
        "Access token",
        &format!("Bearer {}", demo::ACCESS_TOKEN),
    );
    fill(&mut h, "Session token", demo::SESSION_TOKEN);
    wait_for_device(&mut h);
    assert!(
        shows(&h, &format!("{} chars", demo::ACCESS_TOKEN.len())),
        "the pasted Bearer prefix is trimmed"
    );

    h.get_by_label("Exchange").click();
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    assert!(shows(&h, "Ticket issued in"));
    assert!(shows(&h, "expires in 05:00") || shows(&h, "expires in 04:59"));
    assert!(shows(&h, "received "));
    let screen = all_text(&h);
    let at = screen.find("ssoTicket-").expect("ticket on screen");
    let ticket: String = screen[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    assert_eq!(ticket.len(), "ssoTicket-".len() + 32, "{ticket}");

    clock.advance(Duration::from_secs(150));
    h.step();
    assert!(
        shows(&h, "expires in 02:30") || shows(&h, "expires in 02:29"),
        "{}",
        all_text(&h)
    );

    clock.advance(Duration::from_secs(120));
    h.step();
    assert!(shows(&h, "expires in 00:30") || shows(&h, "expires in 00:29"));

    clock.advance(Duration::from_secs(31));
    h.step();
    assert!(shows(&h, "Expired"), "{}", all_text(&h));
    assert!(shows(&h, "press Exchange for a new one"));
}

#[test]
fn ctrl_enter_runs_the_exchange_from_anywhere() {
    let mut h = harness(Launch::default().demo().expect("demo"));
    wait_for_device(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
}

#[test]
fn a_wrong_session_token_shows_the_tenants_code_status_and_advice() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = harness(Launch {
        domain: Some(tenant.url()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some("a-session-that-ended-long-ago".into()),
        ..Launch::default()
    });
    wait_for_device(&mut h);
    h.get_by_label("Exchange").click();
    step_until(&mut h, "the error card", |h| {
        shows(h, "Session token rejected")
    });
    assert!(shows(
        &h,
        "HTTP 400 · IDAAS.SDK.PARAM.0023 · Invalid or expired session token"
    ));
    assert!(shows(
        &h,
        "Have the user sign in again, then paste the new session token."
    ));
    assert!(shows(&h, "Likely cause"));
}

#[test]
fn tokens_are_masked_and_never_on_screen_even_in_the_inspector() {
    let leaky = "leaky-access-token-that-the-tenant-echoes";
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = harness_sized(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(leaky.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            ..Launch::default()
        },
        [980.0, 1600.0],
    );
    wait_for_device(&mut h);
    assert!(!all_text(&h).contains(leaky), "masked before the exchange");

    h.get_by_label("Exchange").click();
    step_until(&mut h, "the rejection", |h| {
        shows(h, "Access token rejected")
    });
    assert!(shows(&h, "Invalid access token: [redacted access token]"));
    h.get_by_label("Request / response inspector")
        .click_accesskit();
    settle(&mut h);
    assert!(shows(&h, "Authorization:"), "{}", all_text(&h));
    assert!(shows(&h, "Bearer ••••••••"), "{}", all_text(&h));
    assert!(shows(&h, "HTTP 401"));
    let screen = all_text(&h);
    assert!(!screen.contains(leaky), "access token on screen:\n{screen}");
    assert!(
        !screen.contains(demo::SESSION_TOKEN),
        "session token on screen:\n{screen}"
    );

    // Show reveals the value to the user who asked for it.
    h.get_all_by_label("Show")
        .next()
        .expect("reveal toggle")
        .click();
    settle(&mut h);
    assert!(all_text(&h).contains(leaky));
}

#[test]
fn bad_input_is_named_before_anything_is_sent() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = harness(Launch {
        domain: Some(format!("{}/api/v2", tenant.url())),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some(demo::SESSION_TOKEN.into()),
        ..Launch::default()
    });
    h.step();
    assert!(
        shows(&h, "enter the domain only, without a path"),
        "validated as you type"
    );
    h.get_by_label("Exchange").click();
    settle(&mut h);
    assert!(shows(&h, "Check the domain"));
    assert!(tenant.requests().is_empty());
}

#[test]
fn cancel_stops_waiting_and_a_late_answer_is_dropped() {
    let slow = RawServer::start(
        http_response(
            "200 OK",
            &[("Content-Type", "application/json")],
            r#"{"expire":300,"sso_ticket":"ssoTicket-late"}"#,
        ),
        Duration::from_millis(800),
    );
    let mut h = harness(Launch {
        domain: Some(slow.url()),
        access_token: Some("an-access-token".into()),
        session_token: Some("a-session-token".into()),
        ..Launch::default()
    });
    wait_for_device(&mut h);
    h.get_by_label("Exchange").click();
    step_until(&mut h, "the running state", |h| {
        shows(h, "waiting for the tenant")
    });
    // A second click and a second Ctrl+Enter while running send nothing more.
    h.get_by_label("Exchange").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.step();
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(shows(&h, "cancelled after"));
    assert!(h.query_by_label("Cancel").is_none());
    // Past the server's delay: the late answer must not appear.
    let until = Instant::now() + Duration::from_millis(1200);
    while Instant::now() < until {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!shows(&h, "ssoTicket-late"));
    assert!(shows(&h, "cancelled after"));
    assert_eq!(
        slow.received_text().matches("POST ").count(),
        1,
        "exactly one request was sent"
    );

    // Esc cancels too.
    h.get_by_label("Exchange").click();
    step_until(&mut h, "the running state", |h| {
        shows(h, "waiting for the tenant")
    });
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(shows(&h, "cancelled after"));
}

#[test]
fn chinese_text_from_the_tenant_renders() {
    let body = r#"{"error_code":"IDAAS.SDK.PARAM.0023","error_msg":"会话令牌无效或已过期"}"#;
    let server = RawServer::start(
        http_response(
            "400 Bad Request",
            &[("Content-Type", "application/json")],
            body,
        ),
        Duration::ZERO,
    );
    let launch = Launch {
        domain: Some(server.url()),
        access_token: Some("an-access-token".into()),
        session_token: Some("a-session-token".into()),
        ..Launch::default()
    };
    // Missing glyphs make the harness panic: this passes only if the font is really found.
    let mut h = harness(launch);
    wait_for_device(&mut h);
    h.get_by_label("Exchange").click();
    step_until(&mut h, "the error card", |h| {
        shows(h, "会话令牌无效或已过期")
    });
}

#[test]
fn settings_persist_but_tokens_never_do() {
    let data = tempfile::tempdir().expect("data dir");
    let mut h = window_restored(
        Launch {
            lang: Some(Lang::En),
            domain: Some("tenant.example.com".into()),
            tenant_id: Some("isv-7".into()),
            access_token: Some("persist-me-not-access".into()),
            session_token: Some("persist-me-not-session".into()),
            overrides: sso_diag::device::DeviceOverrides {
                fingerprint: Some("fp-from-the-login".into()),
                ..Default::default()
            },
            ..Launch::default()
        },
        [980.0, 760.0],
        data.path(),
    );
    h.step();
    h.state_mut().save_state();
    let saved = kept_text(data.path());
    assert!(
        saved.contains("tenant.example.com")
            && saved.contains("isv-7")
            && saved.contains("fp-from-the-login"),
        "{saved}"
    );
    assert!(!saved.contains("persist-me-not"), "{saved}");

    // And a new window starts from them.
    let launch = Launch {
        lang: Some(Lang::En),
        ..Launch::default()
    };
    let restored = window_restored(launch, [980.0, 760.0], data.path());
    assert_eq!(
        restored.get_by_label("Domain").value().as_deref(),
        Some("tenant.example.com")
    );
    assert_eq!(
        restored.get_by_label("X-tenant-id").value().as_deref(),
        Some("isv-7")
    );
}

#[test]
fn device_values_are_detected_and_can_be_overridden_and_reset() {
    let mut h = harness(Launch::default().demo().expect("demo"));
    wait_for_device(&mut h);
    h.get_by_label_contains("Device").click();
    settle(&mut h);
    assert_eq!(
        h.get_by_label("Device IP").value().as_deref(),
        Some("127.0.0.1")
    );
    assert!(shows(
        &h,
        "Must equal the fingerprint the user logged in with"
    ));
    fill(&mut h, "Fingerprint", "-edited");
    assert!(shows(&h, "(edited)"));
    h.get_by_label("Reset").click();
    settle(&mut h);
    assert!(shows(&h, "(detected)"));
}

#[test]
fn the_window_stays_usable_while_a_server_trickles_its_answer() {
    use std::io::Write;
    let trickle = RawServer::start_with(std::sync::Arc::new(
        |_: &[u8], stream: &mut std::net::TcpStream| {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{";
            let _ = stream.write_all(head.as_bytes());
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(100));
                if stream.write_all(b" ").is_err() {
                    return;
                }
            }
        },
    ));
    let mut h = harness(Launch {
        domain: Some(trickle.url()),
        access_token: Some("an-access-token".into()),
        session_token: Some("a-session-token".into()),
        ..Launch::default()
    });
    wait_for_device(&mut h);
    h.get_by_label("Exchange").click();
    step_until(&mut h, "the running state", |h| {
        shows(h, "waiting for the tenant")
    });
    // Typing still works while the answer trickles in...
    fill(&mut h, "X-tenant-id", "typed-while-waiting");
    assert_eq!(
        h.get_by_label("X-tenant-id").value().as_deref(),
        Some("typed-while-waiting")
    );
    assert!(shows(&h, "waiting for the tenant"), "still running");
    // ...and Esc stops it at once.
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(shows(&h, "cancelled after"));
}
