//! Every result whole, in plain sight, in a small window (800×600): after each scenario's call
//! the card that answers it is scrolled into view, from its title to its last line, and no line
//! of it runs past the History panel; an empty form's Exchange names every missing field.

mod common;

use common::demo;
use common::ui::{Window, all_text, fill, press, settle, shows, step_until, window};
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::mock::{MockConfig, MockTenant, Scenario};
use sso_diag::ui::Launch;

const SMALL: [f32; 2] = [800.0, 600.0];

fn demo_window(scenario: Scenario, fingerprint: Option<&str>) -> (MockTenant, Window) {
    let tenant = MockTenant::start(MockConfig {
        scenario,
        ..MockConfig::default()
    })
    .expect("mock");
    let mut launch = Launch {
        domain: Some(tenant.url()),
        client_id: Some(demo::CLIENT_ID.into()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some(demo::SESSION_TOKEN.into()),
        ..Launch::default()
    };
    launch.overrides.fingerprint = fingerprint.map(str::to_owned);
    let mut h = window(launch, SMALL);
    step_until(&mut h, "device detection", |h| shows(h, "· 127.0.0.1 ·"));
    (tenant, h)
}

/// Presses `button` and waits for the tenant's answer to be drawn.
fn call(h: &mut Window, tenant: &MockTenant, button: &str) {
    let before = tenant.requests().len();
    press(h, button);
    step_until(h, button, |h| {
        tenant.requests().len() > before && shows(h, "Ctrl+Enter")
    });
    settle(h);
}

fn log_in(h: &mut Window, tenant: &MockTenant) {
    press(h, "Get tokens: client credentials, test login");
    settle(h);
    fill(h, "User name", demo::USER_NAME);
    fill(h, "Password", demo::PASSWORD);
    call(h, tenant, "Log in");
}

/// The card from the label containing `first` to the one containing `last` is on screen whole:
/// both are in view (widgets out of view are not in the tree), and every label between them lies
/// inside the window and left of the History panel.
fn assert_whole(h: &Window, what: &str, first: &str, last: &str) {
    let text = all_text(h);
    let rect_of = |needle: &str| {
        let node = h.query_all_by_label_contains(needle).last();
        node.unwrap_or_else(|| panic!("{what}: {needle:?} not in view:\n{text}"))
            .rect()
    };
    let (top, bottom) = (rect_of(first), rect_of(last));
    let history = h.get_by_label("History").rect().min.x;
    assert!(
        top.min.y >= 0.0 && bottom.max.y <= SMALL[1] + 0.5,
        "{what}: {top:?} {bottom:?}"
    );
    for node in h.root().children_recursive() {
        let Some(label) = node.accesskit_node().label() else {
            continue;
        };
        let Some(rect) = node.accesskit_node().bounding_box() else {
            continue;
        };
        let (y0, y1, x1) = (rect.y0 as f32, rect.y1 as f32, rect.x1 as f32);
        let in_card = y0 >= top.min.y - 0.5 && y1 <= bottom.max.y + 0.5 && x1 < history + 200.0;
        if in_card && !label.is_empty() && (rect.x0 as f32) < history {
            assert!(
                x1 <= history + 0.5,
                "{what}: {label:?} runs under the History panel ({x1} > {history})"
            );
        }
    }
}

#[test]
fn each_scenarios_card_is_in_view_and_whole_at_800_by_600() {
    use Scenario::*;
    let fingerprint = "bbbbbbbbbbbbbbbbbbbbbbbbbbbb9999";
    for scenario in [Normal, FingerprintAsInvalidSession, UsedTicket] {
        let edited = (scenario == FingerprintAsInvalidSession).then_some(fingerprint);
        let (tenant, mut h) = demo_window(scenario, edited);
        call(&mut h, &tenant, "Exchange");
        match scenario {
            Normal => assert_whole(&h, "normal", "Ticket issued in", "expires in"),
            UsedTicket => {
                call(&mut h, &tenant, "Redeem");
                assert_whole(&h, "redeemed", "Ticket issued in", "userName");
                // The same ticket again, as one handed over: used.
                let node = h.get_by_label_contains("ssoTicket-");
                let node = node.accesskit_node();
                let ticket = node
                    .value()
                    .or(node.label())
                    .unwrap_or_default()
                    .to_string();
                assert!(ticket.starts_with("ssoTicket-"), "{ticket}");
                press(&mut h, "Redeem a ticket…");
                settle(&mut h);
                fill(&mut h, "Ticket to redeem", &ticket);
                call(&mut h, &tenant, "Redeem ticket");
                assert_whole(&h, "used ticket", "(Redeem ticket)", "Try");
            }
            _ => assert_whole(
                &h,
                "fingerprint",
                "(Exchange)",
                "Reset to this machine's fingerprint",
            ),
        }
    }
    for scenario in [
        PasswordWarn,
        Mfa,
        PasswordExpired,
        AccessDenied,
        Locked,
        WrongPassword,
    ] {
        let (tenant, mut h) = demo_window(scenario, None);
        log_in(&mut h, &tenant);
        let what = format!("{scenario:?}");
        if scenario == PasswordWarn {
            assert_whole(&h, &what, "Session token filled in", "Warning:");
        } else {
            assert_whole(&h, &what, "(Log in)", "Try");
        }
    }
    let (tenant, mut h) = demo_window(SessionRevoked, None);
    log_in(&mut h, &tenant);
    call(&mut h, &tenant, "Exchange");
    assert_whole(&h, "revoked", "(Exchange)", "Refresh session");
}

#[test]
fn an_empty_forms_exchange_names_every_missing_field() {
    let mut h = window(Launch::default(), SMALL);
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    settle(&mut h);
    let text = all_text(&h);
    assert!(
        shows(&h, "these are empty: domain, access token, session token"),
        "{text}"
    );
    assert!(shows(&h, "Nothing was sent"), "{text}");
    // The hand-over waits for a call, and says so.
    let copy = h.get_by_label("Copy report");
    assert!(
        copy.accesskit_node().is_disabled(),
        "Copy report before any call"
    );
}
