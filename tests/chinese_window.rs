//! The window in Simplified Chinese, as a Chinese-reading support engineer uses it against the
//! mock tenant: the whole flow without meeting an English sentence; an error card; the check;
//! switching language mid-countdown without losing the ticket or the history; the language
//! remembered; and a machine with no Chinese font, where the window says so in English.
//!
//! Chinese is drawn with the font the repository carries (tests/fonts), never this machine's;
//! a character it cannot draw makes the harness panic.

mod common;

use common::demo;
use common::ui::{
    Window, all_text, copied_by, fill, kept_text, press, settle, shows, step_until, window,
    window_restored, window_without_cjk_font,
};
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

const SIZE: [f32; 2] = [1100.0, 1600.0];

fn chinese(launch: Launch) -> Window {
    window(
        Launch {
            lang: Some(Lang::ZhCn),
            ..launch
        },
        SIZE,
    )
}

/// Runs of three or more English words on screen: a sentence that escaped translation.
/// Technical names (client_id, X-tenant-id, URLs, the ticket) are single tokens and pass.
fn english_sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split([' ', '·', ':', '(', ')', ',', ';']).collect();
        let mut run: Vec<&str> = Vec::new();
        for word in words.iter().chain([&""]) {
            let is_word = word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic());
            if is_word {
                run.push(word);
            } else {
                if run.len() >= 3 {
                    found.push(run.join(" "));
                }
                run.clear();
            }
        }
    }
    found
}

#[test]
fn the_whole_flow_in_chinese_without_an_english_sentence() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = chinese(Launch {
        domain: Some(tenant.url()),
        client_id: Some(demo::CLIENT_ID.into()),
        ..Launch::default()
    });
    step_until(&mut h, "device detection", |h| shows(h, "· 自动检测"));
    assert!(shows(&h, "填写租户和两个令牌"), "{}", all_text(&h));

    press(&mut h, "获取令牌：客户端凭据、测试登录");
    settle(&mut h);
    fill(&mut h, "客户端密钥", demo::CLIENT_SECRET);
    press(&mut h, "获取令牌");
    step_until(&mut h, "the access token", |h| shows(h, "已填入访问令牌"));
    assert!(shows(&h, "来自客户端凭据"), "{}", all_text(&h));

    fill(&mut h, "用户名", demo::USER_NAME);
    fill(&mut h, "密码", demo::PASSWORD);
    press(&mut h, "登录");
    step_until(&mut h, "the session token", |h| shows(h, "已填入会话令牌"));
    // The login asked the tenant to answer in Chinese.
    assert_eq!(tenant.requests()[1].header("x-l"), Some("zh"));

    press(&mut h, "换取票据");
    step_until(&mut h, "the ticket", |h| shows(h, "票据已签发"));
    assert!(shows(&h, "后过期"), "the countdown: {}", all_text(&h));
    press(&mut h, "核验");
    step_until(&mut h, "the user", |h| {
        shows(h, "票据所属用户：张伟 (Demo User)")
    });
    assert!(shows(&h, "已使用：已核验，不能再次核验。"));

    press(&mut h, "检查连接");
    step_until(&mut h, "the check", |h| shows(h, "到租户的网络路径正常"));
    assert!(shows(&h, "本身就是地址，无需解析"), "{}", all_text(&h));

    let screen = all_text(&h);
    assert_eq!(english_sentences(&screen), Vec::<String>::new(), "{screen}");

    let report = copied_by(&mut h, "复制报告");
    for want in [
        "# sso-diag 诊断报告",
        "**语言：** zh-CN",
        "## 结论",
        "已签发票据，并已核验，属于 张伟 (Demo User)",
        "| 2 | 测试登录 |",
        "## 设备",
        "请求：",
    ] {
        assert!(report.contains(want), "missing {want:?} in\n{report}");
    }
    for secret in [demo::CLIENT_SECRET, demo::PASSWORD] {
        assert!(!report.contains(secret), "{secret} in the report");
    }
}

#[test]
fn an_error_card_in_chinese_with_the_catalogue_advice() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = chinese(Launch {
        domain: Some(tenant.url()),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some("a-session-token-the-tenant-never-issued".into()),
        ..Launch::default()
    });
    step_until(&mut h, "device detection", |h| shows(h, "· 自动检测"));
    press(&mut h, "换取票据");
    step_until(&mut h, "the error card", |h| shows(h, "会话令牌无效"));
    assert!(shows(&h, "可能原因"), "{}", all_text(&h));
    assert!(shows(&h, "建议"));
    assert!(shows(&h, "IDAAS.SDK.PARAM.0023"), "the evidence as sent");
    let screen = all_text(&h);
    // The tenant's own message is evidence, quoted as it came (in English from this mock).
    let ours: Vec<String> = english_sentences(&screen)
        .into_iter()
        .filter(|s| !s.contains("session token"))
        .collect();
    assert_eq!(ours, Vec::<String>::new(), "{screen}");
}

#[test]
fn a_refused_input_is_explained_in_chinese_before_anything_is_sent() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = chinese(Launch {
        domain: Some(
            tenant
                .url()
                .replace("http://127.0.0.1", "http://example.com"),
        ),
        access_token: Some(demo::ACCESS_TOKEN.into()),
        session_token: Some(demo::SESSION_TOKEN.into()),
        ..Launch::default()
    });
    settle(&mut h);
    assert!(
        shows(&h, "无法使用：明文 http:// 会以未加密方式发送令牌"),
        "{}",
        all_text(&h)
    );
    press(&mut h, "换取票据");
    settle(&mut h);
    assert!(shows(&h, "请检查“域名”"), "{}", all_text(&h));
    assert!(shows(&h, "未发送任何请求"));
    assert!(tenant.requests().is_empty());
}

#[test]
fn switching_language_mid_countdown_keeps_the_ticket_and_the_history() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            ..Launch::default()
        },
        SIZE,
    );
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    let ticket = |h: &Window| {
        all_text(h)
            .lines()
            .find(|l| l.starts_with("ssoTicket-"))
            .map(str::to_owned)
    };
    let before = ticket(&h).expect("the ticket on screen");

    step_until(&mut h, "the font probe", |h| shows(h, "中文"));
    press(&mut h, "中文");
    settle(&mut h);
    assert!(
        shows(&h, "后过期"),
        "the countdown goes on: {}",
        all_text(&h)
    );
    assert!(shows(&h, "票据已签发"));
    assert_eq!(ticket(&h).as_deref(), Some(before.as_str()));
    assert!(shows(&h, "历史记录"));
    assert!(
        shows(&h, "  换取票据\nHTTP 200"),
        "the history entry: {}",
        all_text(&h)
    );

    press(&mut h, "English");
    settle(&mut h);
    assert!(shows(&h, "expires in"), "{}", all_text(&h));
    assert_eq!(ticket(&h).as_deref(), Some(before.as_str()));
    assert!(shows(&h, "  Exchange\nHTTP 200"), "{}", all_text(&h));
    assert_eq!(tenant.requests().len(), 1, "switching sends nothing");
}

#[test]
fn the_chosen_language_is_remembered() {
    let data = tempfile::tempdir().expect("data dir");
    let english = Launch {
        lang: Some(Lang::En),
        ..Launch::default()
    };
    let mut h = window_restored(english, SIZE, data.path());
    step_until(&mut h, "the font probe", |h| shows(h, "中文"));
    press(&mut h, "中文");
    settle(&mut h);
    h.state_mut().save_state();
    let saved = kept_text(data.path());
    assert!(saved.contains("zh-CN"), "{saved}");

    let restored = window_restored(Launch::default(), SIZE, data.path());
    assert!(shows(&restored, "租户"), "{}", all_text(&restored));
    assert!(shows(&restored, "换取票据"));
}

#[test]
fn without_a_chinese_font_the_window_says_what_to_install_in_english() {
    let mut h = window_without_cjk_font(
        Launch {
            lang: Some(Lang::ZhCn),
            ..Launch::default()
        },
        SIZE,
    );
    settle(&mut h);
    assert!(
        shows(
            &h,
            "Chinese needs a Chinese font, and this computer has none"
        ),
        "{}",
        all_text(&h)
    );
    assert!(shows(&h, "fonts-noto-cjk"));
    assert!(shows(&h, "Exchange"), "the window stays usable, in English");
    assert!(shows(&h, "Chinese"), "the switch names Chinese in English");
    assert!(!shows(&h, "换取票据"));
}
