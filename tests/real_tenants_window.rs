//! Real tenants' answers in the window: the mock's scenarios driven as a support engineer would,
//! asserting the titles and advice on screen; refresh and "Redeem a ticket…" from the window.

mod common;

use common::demo;
use common::ui::{Window, all_text, fill, press, settle, shows, step_until, window};
use egui_kittest::kittest::Queryable;
use sso_diag::ciam::catalogue::{self, Lang};
use sso_diag::mock::Scenario;
use sso_diag::ui::Launch;

fn demo_of(scenario: Scenario) -> Window {
    let launch = Launch::default().demo_of(scenario).expect("demo");
    let mut h = window(launch, [980.0, 1500.0]);
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    h
}

fn text(code: &str) -> catalogue::Text {
    catalogue::lookup(code)
        .expect("in the catalogue")
        .text(Lang::En, "")
}

fn log_in(h: &mut Window) {
    press(h, "Get tokens: client credentials, test login");
    settle(h);
    fill(h, "Password", demo::PASSWORD);
    press(h, "Log in");
}

#[test]
fn each_refusing_login_status_gets_its_own_card() {
    for (scenario, status) in [
        (Scenario::Mfa, "MFA_AUTH"),
        (Scenario::PasswordExpired, "PASSWORD_EXPIRED"),
        (Scenario::AccessDenied, "ACCESS_DENIED"),
        (Scenario::Locked, "LOGIN.0001"),
    ] {
        let mut h = demo_of(scenario);
        log_in(&mut h);
        let want = text(status);
        step_until(&mut h, status, |h| shows(h, &want.title));
        let screen = all_text(&h);
        assert!(screen.contains(&want.cause), "{status}: {screen}");
        assert!(
            !screen.contains("A proxy or a wrong domain"),
            "{status}: {screen}"
        );
        assert!(!screen.contains("state-"), "the state_token is never shown");
    }
}

#[test]
fn a_password_warn_login_fills_the_token_and_shows_the_warning() {
    let mut h = demo_of(Scenario::PasswordWarn);
    log_in(&mut h);
    step_until(&mut h, "the session token", |h| {
        shows(h, "Session token filled in")
    });
    let warning = text("PASSWORD_WARN").title;
    assert!(
        shows(&h, &format!("Warning: {warning}")),
        "{}",
        all_text(&h)
    );
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
}

#[test]
fn refresh_from_the_window_says_the_session_is_alive_then_that_the_old_one_ended() {
    let mut h = demo_of(Scenario::Normal);
    press(&mut h, "Refresh session");
    step_until(&mut h, "the refresh", |h| shows(h, "the session is alive"));
    // The new token is filled in: refreshing again works.
    press(&mut h, "Refresh session");
    settle(&mut h);
    step_until(&mut h, "the second refresh", |h| {
        h.query_all_by_label_contains("  Refresh\n").count() == 2
    });
    assert!(shows(&h, "the session is alive"), "{}", all_text(&h));
    assert!(!all_text(&h).contains("st-"), "the token stays masked");
}

#[test]
fn a_revoked_session_is_told_revoked_in_the_window() {
    let mut h = demo_of(Scenario::SessionRevoked);
    log_in(&mut h);
    step_until(&mut h, "the session token", |h| {
        shows(h, "Session token filled in")
    });
    press(&mut h, "Refresh session");
    step_until(&mut h, "the verdict", |h| {
        shows(h, "The session was revoked")
    });
    assert!(shows(&h, "Session token rejected"));
}

#[test]
fn a_handed_ticket_is_redeemed_from_its_own_field_once() {
    let mut h = demo_of(Scenario::UsedTicket);
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    let ticket = all_text(&h)
        .split_whitespace()
        .find(|w| w.starts_with("ssoTicket-"))
        .expect("the ticket on screen")
        .to_owned();
    press(&mut h, "Redeem a ticket…");
    settle(&mut h);
    fill(&mut h, "Ticket to redeem", &ticket);
    press(&mut h, "Redeem ticket");
    step_until(&mut h, "the user", |h| {
        shows(h, "Whose it is: 张伟 (Demo User)")
    });
    assert!(shows(&h, "Ticket redeemed: it is now used up"));

    press(&mut h, "Redeem ticket");
    let used = text("PARAM.0032").title;
    step_until(&mut h, "the used ticket", |h| shows(h, &used));
    assert!(shows(&h, "PARAM.0032"), "{}", all_text(&h));
}
