//! What a screen reader and a keyboard find, read from the tree egui hands AccessKit (the same a
//! screen reader reads through AT-SPI or UI Automation): the window named, the ticket's lifetime a
//! named value in a range, results announced (live regions) and focused, every fold-out with its
//! expanded state, the keyboard order from a fresh window, the keyboard help, zoom — in both
//! languages.

mod common;

use common::ui::{Window, all_text, press, settle, shows, step_until, window};
use egui::accesskit::{Live, Role};
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

fn demo(lang: Lang) -> Window {
    let mut launch = Launch::default().demo().expect("demo");
    launch.lang = Some(lang);
    let mut h = window(launch, [1100.0, 900.0]);
    step_until(&mut h, "device detection", |h| shows(h, "· 127.0.0.1 ·"));
    h
}

/// The label of the node that has the keyboard focus.
fn focused(h: &Window) -> String {
    h.root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .map(|n| {
            let node = n.accesskit_node();
            node.label().or(node.value()).unwrap_or_default()
        })
        .unwrap_or_default()
}

fn tab(h: &mut Window) -> String {
    h.key_press(egui::Key::Tab);
    h.step();
    h.step();
    focused(h)
}

#[test]
fn the_window_is_named_and_the_ticket_lifetime_has_a_range() {
    for (lang, title, lifetime, left) in [
        (
            Lang::En,
            "sso-diag — SSO ticket diagnostics",
            "Ticket lifetime",
            " left of 05:00",
        ),
        (
            Lang::ZhCn,
            "sso-diag — SSO 票据诊断",
            "票据剩余有效期",
            "，共05:00",
        ),
    ] {
        let mut h = demo(lang);
        let root = h.root().accesskit_node().label().unwrap_or_default();
        assert_eq!(root, title, "{lang:?}: the window's name");
        press(
            &mut h,
            if lang == Lang::En {
                "Exchange"
            } else {
                "换取票据"
            },
        );
        step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
        let bar = h.get_by_label(lifetime);
        let node = bar.accesskit_node();
        assert_eq!(node.role(), Role::ProgressIndicator);
        assert_eq!(
            (node.min_numeric_value(), node.max_numeric_value()),
            (Some(0.0), Some(100.0))
        );
        let value = node.numeric_value().expect("a value");
        assert!(value > 90.0 && value <= 100.0, "{value}");
        let words = node.value().unwrap_or_default();
        assert!(words.contains(left), "{lang:?}: {words}");
    }
}

#[test]
fn a_result_is_announced_and_takes_the_focus() {
    for (lang, exchange, issued, copy, redeem, rejected) in [
        (
            Lang::En,
            "Exchange",
            "Ticket issued in",
            "Copy",
            "Redeem",
            "Session token rejected",
        ),
        (
            Lang::ZhCn,
            "换取票据",
            "票据已签发，用时",
            "复制",
            "核验",
            "会话令牌无效",
        ),
    ] {
        let mut h = demo(lang);
        press(&mut h, exchange);
        step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
        settle(&mut h);
        let heading = h.get_by_label_contains(issued);
        assert_eq!(heading.accesskit_node().data().live(), Some(Live::Polite));
        assert!(focused(&h).starts_with(issued), "focus: {}", focused(&h));
        assert_eq!(tab(&mut h), copy, "the next Tab is the card's own button");
        assert_eq!(tab(&mut h), redeem);

        // An error interrupts.
        let tenant = MockTenant::start(MockConfig::default()).expect("mock");
        let mut h = window(
            Launch {
                domain: Some(tenant.url()),
                access_token: Some(sso_diag::mock::demo::ACCESS_TOKEN.into()),
                session_token: Some("st-long-gone-1".into()),
                lang: Some(lang),
                ..Launch::default()
            },
            [1100.0, 900.0],
        );
        step_until(&mut h, "device detection", |h| shows(h, "· 127.0.0.1 ·"));
        press(&mut h, exchange);
        step_until(&mut h, "the error", |h| shows(h, rejected));
        settle(&mut h);
        let heading = h.get_by_label(rejected);
        assert_eq!(
            heading.accesskit_node().data().live(),
            Some(Live::Assertive)
        );
        assert_eq!(focused(&h), rejected, "{lang:?}");
    }
}

#[test]
fn every_fold_out_says_whether_it_is_open() {
    let mut h = demo(Lang::En);
    let fold_outs = [
        "Network   ",
        "Get tokens:",
        "Redeem a ticket…",
        "Device   ",
        "Watch:",
    ];
    for name in fold_outs {
        let node = h.get_by_label_contains(name);
        let expanded = node.accesskit_node().data().is_expanded();
        assert_eq!(expanded, Some(false), "{name}");
    }
    h.get_by_label_contains("Device   ").click();
    settle(&mut h);
    let device = h.get_by_label_contains("Device   ");
    assert_eq!(device.accesskit_node().data().is_expanded(), Some(true));
}

#[test]
fn a_fresh_window_starts_where_the_work_does_and_tabs_in_reading_order() {
    // Filled in (as --demo fills it): the focus is on Exchange.
    let mut h = demo(Lang::En);
    assert_eq!(focused(&h), "Exchange", "{}", all_text(&h));
    // Tab goes on through the window and comes back round; the header's switches come after the
    // form, left to right.
    let mut order = Vec::new();
    for _ in 0..60 {
        let now = tab(&mut h);
        if now == "Exchange" {
            break;
        }
        order.push(now);
    }
    let at = |name: &str| {
        order
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{name} not reached by Tab: {order:?}"))
    };
    // Before a call the hand-over buttons are disabled (skipped): Open case… ends the run bar.
    assert!(at("Check connection") < at("Open case…"), "{order:?}");
    assert!(
        at("Open case…") < at("English"),
        "the form before the header: {order:?}"
    );
    assert!(
        at("English") < at("中文") && at("中文") < at("System"),
        "{order:?}"
    );
    assert!(
        at("System") < at("Light") && at("Light") < at("Dark"),
        "{order:?}"
    );
    assert!(
        at("Dark") < at("High contrast") && at("High contrast") < at("Keys (F1)"),
        "{order:?}"
    );

    // Empty: the focus is on the domain, and Tab walks the form down.
    let mut h = window(Launch::default(), [1100.0, 900.0]);
    settle(&mut h);
    assert_eq!(focused(&h), "Domain", "{}", all_text(&h));
    assert_eq!(tab(&mut h), "X-tenant-id");
    assert_eq!(tab(&mut h), "client_id");

    // The same in Chinese.
    let h = demo(Lang::ZhCn);
    assert_eq!(focused(&h), "换取票据", "{}", all_text(&h));
    let launch = Launch {
        lang: Some(Lang::ZhCn),
        ..Launch::default()
    };
    let mut h = window(launch, [1100.0, 900.0]);
    settle(&mut h);
    assert_eq!(focused(&h), "域名", "{}", all_text(&h));
}

#[test]
fn the_keyboard_help_lists_every_shortcut_in_both_languages() {
    for (lang, title, exchange) in [
        (
            Lang::En,
            "Keyboard",
            "Exchange the session token for a ticket",
        ),
        (Lang::ZhCn, "键盘", "用会话令牌换取票据"),
    ] {
        let mut h = demo(lang);
        h.key_press(egui::Key::F1);
        settle(&mut h);
        assert!(shows(&h, title) && shows(&h, exchange), "{}", all_text(&h));
        assert!(shows(&h, "F1") && shows(&h, "Esc"));
        h.key_press(egui::Key::Escape);
        settle(&mut h);
        assert!(!shows(&h, exchange), "Esc closes the help");
    }
}

#[test]
fn ctrl_l_switches_the_language_and_ctrl_k_checks_the_connection() {
    let mut h = demo(Lang::En);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    settle(&mut h);
    assert!(shows(&h, "换取票据"), "{}", all_text(&h));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    step_until(&mut h, "the check", |h| {
        shows(h, "The network path to the tenant works")
    });
}

#[test]
fn at_200_percent_every_focusable_element_comes_into_view() {
    // The window's own default size, zoomed to 200 %: 490 × 380 points.
    let size = [980.0, 760.0];
    let mut launch = Launch::default().demo().expect("demo");
    launch.lang = Some(Lang::En);
    let mut h = window(launch, size);
    step_until(&mut h, "device detection", |h| shows(h, "· 127.0.0.1 ·"));
    h.ctx.set_zoom_factor(2.0);
    settle(&mut h);
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    settle(&mut h);
    let viewport = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]) / 2.0);
    let mut seen = 0;
    for _ in 0..40 {
        let name = tab(&mut h);
        settle(&mut h);
        let Some(node) = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())
        else {
            continue;
        };
        let rect = node.rect();
        assert!(
            viewport.expand(1.0).contains_rect(rect),
            "{name:?} at {rect:?} is outside the {viewport:?} view at 200 %"
        );
        seen += 1;
        if name == "Exchange" {
            break;
        }
    }
    assert!(seen > 10, "Tab reached {seen} elements");
    // Nothing runs off the right edge: rows wrap, and the History folds out below the form.
    for node in h.root().children_recursive() {
        if node.accesskit_node().bounding_box().is_none() {
            continue;
        }
        let b = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        if !label.is_empty() && b.min.x < viewport.max.x {
            assert!(
                b.max.x <= viewport.max.x + 1.0,
                "{label:?} runs off the right edge at 200 %: {b:?}"
            );
        }
    }
    assert!(
        shows(&h, "History (1)") || shows(&h, "History (0)"),
        "{}",
        all_text(&h)
    );
}

#[test]
fn the_zoom_and_the_theme_are_remembered_between_runs() {
    let data = tempfile::tempdir().expect("data dir");
    let mut h = common::ui::window_restored(Launch::default(), [1100.0, 900.0], data.path());
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    settle(&mut h);
    let zoom = h.ctx.zoom_factor();
    assert!(zoom > 1.0, "Ctrl+Plus zooms in: {zoom}");
    press(&mut h, "High contrast");
    settle(&mut h);
    assert_eq!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );
    h.state_mut().save_state();
    let kept = common::ui::kept_text(data.path());
    assert!(kept.contains("\"high_contrast\""), "{kept}");

    let mut again = common::ui::window_restored(Launch::default(), [1100.0, 900.0], data.path());
    settle(&mut again);
    assert!(
        (again.ctx.zoom_factor() - zoom).abs() < 1e-6,
        "the zoom is back"
    );
    assert_eq!(
        again.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK,
        "high contrast"
    );
}
