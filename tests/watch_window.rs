//! The window's watch against the mock: attempts drawn as they come, the summary and the failures
//! by code on screen, Pause/Stop, a failed attempt in the inspector, and the same in Chinese.

mod common;

use common::demo;
use common::ui::{Window, all_text, press, settle, shows, step_until, window};
use sso_diag::i18n::Lang;
use sso_diag::mock::{Injected, MockConfig, MockTenant};
use sso_diag::ui::Launch;

fn watching(tenant: &MockTenant, lang: Lang) -> Window {
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            watch: true,
            lang: Some(lang),
            ..Launch::default()
        },
        [1100.0, 1700.0],
    );
    step_until(&mut h, "the first attempt", |h| {
        shows(h, "1 attempt,") || shows(h, "1次尝试")
    });
    h
}

#[test]
fn a_watch_counts_and_explains_a_flaky_tenant() {
    // The first three calls include a "system busy" and no hang (a hang waits 30 s).
    let tenant = common::flaky_tenant(0.5, 3, |c| {
        c.contains(&Injected::Busy) && !c.contains(&Injected::Hang)
    });
    let mut h = watching(&tenant, Lang::En);
    step_until(&mut h, "three attempts", |h| shows(h, "3 attempts,"));
    press(&mut h, "Stop");
    settle(&mut h);
    let injected = tenant.injected();
    let busy = injected.iter().filter(|i| **i == Injected::Busy).count();
    let ok = injected
        .iter()
        .filter(|i| matches!(i, Injected::Nothing | Injected::Slow))
        .count();
    let text = all_text(&h);
    let attempts = injected.len();
    assert!(
        shows(&h, &format!("{attempts} attempts, {ok} ok")),
        "{injected:?}\n{text}"
    );
    assert!(shows(&h, &format!("{attempts} requests sent")), "{text}");
    if busy > 0 {
        assert!(
            shows(
                &h,
                &format!("failed: server error IDAAS.TENANT.COM.0002 × {busy}")
            ),
            "{text}"
        );
    }
    assert!(shows(&h, "Start watching"), "stopped: {text}");
    assert!(!text.contains(demo::ACCESS_TOKEN) && !text.contains(demo::SESSION_TOKEN));
}

#[test]
fn pause_holds_the_probes() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = watching(&tenant, Lang::En);
    press(&mut h, "Pause");
    settle(&mut h);
    // A probe already on its way when Pause was pressed still lands; none may follow it.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = tenant.requests().len();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    settle(&mut h);
    assert_eq!(tenant.requests().len(), before, "no probe while paused");
    assert!(shows(&h, "Resume"));
    press(&mut h, "Resume");
    step_until(&mut h, "the next attempt", |h| {
        tenant.requests().len() > before && shows(h, "2 attempts,")
    });
    press(&mut h, "Stop");
}

#[test]
fn the_watch_in_chinese() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = watching(&tenant, Lang::ZhCn);
    assert!(
        shows(&h, "监视：反复调用，查看时间花在哪里"),
        "{}",
        all_text(&h)
    );
    assert!(shows(&h, "1次尝试，1次成功（100%）"), "{}", all_text(&h));
    assert!(shows(&h, "已发送1个请求"), "{}", all_text(&h));
    press(&mut h, "停止");
    settle(&mut h);
    assert!(shows(&h, "开始监视"));
}

#[test]
fn the_chart_names_its_axis_and_lists_every_phase_and_class_in_both_languages() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = watching(&tenant, Lang::En);
    let text = all_text(&h);
    for want in [
        "until Stop",
        "time per attempt (ms)",
        "log scale",
        "DNS",
        "TCP",
        "TLS",
        "first byte",
        "body",
        "timeout",
        "server error",
        "rejected",
        "network",
        "unexpected answer",
        "p99",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
    assert!(shows(&h, " · p99 "), "the summary has p99: {text}");
    press(&mut h, "Stop");
    settle(&mut h);

    let mut h = watching(&tenant, Lang::ZhCn);
    let text = all_text(&h);
    for want in [
        "直到停止",
        "每次尝试耗时（毫秒）",
        "对数刻度",
        "超时",
        "p99",
    ] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
    press(&mut h, "停止");
    settle(&mut h);
}
