//! The command line in Simplified Chinese: chosen by the locale (`LANG=zh_CN.UTF-8`), by
//! `SSO_DIAG_LANG` or by `--lang`; human output in Chinese, `--json`, exit codes and the wire
//! unchanged but for the login's `X-L`, which follows the language.

mod common;

use common::{demo, exchange_command, json, sso_diag, stderr, stdout};
use sso_diag::env_vars;
use sso_diag::mock::{MockConfig, MockTenant};

/// `exchange` against `tenant` with the demo tokens, in the language the environment gives.
fn exchange_in(tenant: &MockTenant, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut cmd = exchange_command(&tenant.url(), demo::ACCESS_TOKEN, demo::SESSION_TOKEN, args);
    cmd.env_remove(env_vars::LANG)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run sso-diag")
}

#[test]
fn a_chinese_locale_speaks_chinese() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = exchange_in(&tenant, &[("LANG", "zh_CN.UTF-8")], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("签发了 SSO 票据"), "{text}");
    assert!(text.contains("剩余时间"), "{text}");
    assert!(text.contains("一次性使用"), "{text}");

    let out = exchange_in(&tenant, &[("LANG", "en_US.UTF-8")], &[]);
    assert!(
        stdout(&out).contains("SSO ticket issued by"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn sso_diag_lang_and_the_flag_choose_over_the_locale() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = exchange_in(
        &tenant,
        &[("LANG", "en_US.UTF-8"), (env_vars::LANG, "zh-CN")],
        &[],
    );
    assert!(stdout(&out).contains("签发了 SSO 票据"), "{}", stdout(&out));
    let out = exchange_in(&tenant, &[("LANG", "zh_CN.UTF-8")], &["--lang", "en"]);
    assert!(
        stdout(&out).contains("SSO ticket issued by"),
        "{}",
        stdout(&out)
    );

    let out = exchange_in(&tenant, &[], &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use en or zh-CN"), "{}", stderr(&out));
}

#[test]
fn json_is_the_same_in_every_language() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let en = json(&exchange_in(
        &tenant,
        &[("LANG", "en_US.UTF-8")],
        &["--json", "--redeem"],
    ));
    let zh = json(&exchange_in(
        &tenant,
        &[("LANG", "zh_CN.UTF-8")],
        &["--json", "--redeem"],
    ));
    fn shape(v: &serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(map) => {
                map.iter().map(|(k, v)| (k.clone(), shape(v))).collect()
            }
            serde_json::Value::Array(items) => items.iter().map(shape).collect(),
            _ => serde_json::Value::Null,
        }
    }
    assert_eq!(shape(&en), shape(&zh));
    assert_eq!(en["steps"], {
        let mut steps = zh["steps"].clone();
        // Timings differ from run to run; the words may not.
        for (a, b) in steps
            .as_array_mut()
            .into_iter()
            .flatten()
            .zip(en["steps"].as_array().into_iter().flatten())
        {
            a["elapsed_ms"] = b["elapsed_ms"].clone();
        }
        steps
    });
    assert_eq!(zh["steps"][0]["summary"], "ticket issued, valid for 300 s");
}

#[test]
fn a_rejection_is_explained_in_chinese_with_the_same_exit_code() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let mut cmd = exchange_command(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        "a-session-token-the-tenant-never-issued",
        &["--lang", "zh-CN"],
    );
    let out = cmd.output().expect("run");
    assert_eq!(out.status.code(), Some(4));
    let text = stderr(&out);
    assert!(text.contains("错误：会话令牌无效（换取票据）"), "{text}");
    assert!(text.contains("可能原因："), "{text}");
    assert!(text.contains("建议："), "{text}");
    assert!(
        text.contains("IDAAS.SDK.PARAM.0023"),
        "the evidence as the tenant sent it: {text}"
    );
}

#[test]
fn a_refused_input_is_explained_in_chinese() {
    let out = exchange_command(
        "http://example.com",
        demo::ACCESS_TOKEN,
        demo::SESSION_TOKEN,
        &["--lang", "zh-CN"],
    )
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("错误：请检查“域名”"), "{text}");
    assert!(
        text.contains("明文 http:// 会以未加密方式发送令牌"),
        "{text}"
    );
}

#[test]
fn the_login_asks_the_tenant_for_the_same_language() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    for (lang, x_l) in [("zh-CN", "zh"), ("en", "en")] {
        let out = sso_diag()
            .args(["login", "--lang", lang, "--domain", &tenant.url()])
            .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
            .env(env_vars::PASSWORD, demo::PASSWORD)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let sent = tenant
            .requests()
            .last()
            .and_then(|r| r.header("x-l").map(str::to_owned));
        assert_eq!(sent.as_deref(), Some(x_l), "--lang {lang}");
    }
    let out = sso_diag()
        .args(["login", "--lang", "zh-CN", "--domain", &tenant.url()])
        .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run");
    assert!(stdout(&out).contains("登录成功"), "{}", stdout(&out));
}

#[test]
fn the_check_and_the_report_in_chinese() {
    let port = common::closed_port();
    let out = sso_diag()
        .args([
            "check",
            "--lang",
            "zh-CN",
            "--domain",
            &format!("http://127.0.0.1:{port}"),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    assert!(text.contains("连接检查：http://127.0.0.1"), "{text}");
    assert!(text.contains("[失败] TCP    "), "{text}");
    assert!(text.contains("[跳过] 时钟"), "{text}");

    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("报告.md");
    let report_arg = path.to_string_lossy().into_owned();
    let out = exchange_in(
        &tenant,
        &[(env_vars::LANG, "zh-CN")],
        &["--report", &report_arg],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = std::fs::read_to_string(&path).expect("report");
    for want in [
        "# sso-diag 诊断报告",
        "**语言：** zh-CN",
        "## 结论",
        "**已签发票据**",
        "| 1 | 用会话令牌换取 SSO 票据 |",
    ] {
        assert!(report.contains(want), "missing {want:?} in\n{report}");
    }
    assert!(!report.contains(demo::SESSION_TOKEN));
}

#[test]
fn help_in_chinese() {
    let out = sso_diag()
        .args(["exchange", "--lang", "zh-CN", "--help"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for want in [
        "用法：sso-diag exchange",
        "选项:",
        "租户的域名",
        "打印帮助",
        "退出码：0 已签发票据",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    assert!(!text.contains("Options:"), "{text}");
    let english = sso_diag()
        .args(["exchange", "--help"])
        .output()
        .expect("run");
    assert!(
        stdout(&english).contains("Usage: sso-diag exchange"),
        "{}",
        stdout(&english)
    );
}

#[test]
fn a_refresh_says_in_chinese_what_became_of_the_old_token() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let out = sso_diag()
        .args(["refresh", "--domain", &tenant.url(), "--lang", "zh-CN"])
        .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
        .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("会话有效"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("旧的会话令牌可能已失效")
            && stderr(&out).contains("IDAAS.SDK.PARAM.0023"),
        "{}",
        stderr(&out)
    );
}
