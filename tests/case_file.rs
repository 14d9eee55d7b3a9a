//! Case files: saved from the window or with `--case`, opened read-only in another window showing
//! what the first engineer saw (history, inspector, verdict), never a secret in them; a damaged or
//! hostile case is refused with a clear notice and changes nothing.

#[path = "har/check.rs"]
mod check;
mod common;

use std::path::Path;

use check::{assert_no_secret, assert_valid_har};
use common::demo;
use common::ui::{
    Window, all_text, downloads_home, press, saved_in_downloads, settle, shows, step_until, window,
};
use egui_kittest::kittest::Queryable;
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::ui::Launch;

const SIZE: [f32; 2] = [1100.0, 1600.0];
const UNKNOWN_SESSION: &str = "session-token-the-tenant-never-issued";

fn opened(path: &Path) -> Window {
    let mut h = window(
        Launch {
            lang: Some(Lang::En),
            open_case: Some(path.to_owned()),
            domain: Some("mine.example.com".into()),
            ..Launch::default()
        },
        SIZE,
    );
    // Read in the background: shown, or refused with a notice.
    step_until(&mut h, "the case read", |h| {
        shows(h, "Case file (read-only):") || shows(h, "was not opened")
    });
    settle(&mut h);
    h
}

/// The steps come after the HAR in the file: the last URL is a step's.
fn replace_last(text: &str, from: &str, to: &str) -> String {
    let at = text.rfind(from).expect("found");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn a_case_saved_in_one_window_shows_the_same_in_another() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let home = downloads_home();
    let mut first = window(
        Launch {
            domain: Some(tenant.url()),
            tenant_id: Some("isv-case".into()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(UNKNOWN_SESSION.into()),
            ..Launch::default()
        },
        SIZE,
    );
    step_until(&mut first, "device detection", |h| shows(h, "(detected)"));
    press(&mut first, "Exchange");
    step_until(&mut first, "the rejection", |h| shows(h, "Likely cause"));
    press(&mut first, "Request / response inspector");
    settle(&mut first);
    let seen = all_text(&first);
    assert!(
        seen.contains("/api/v2/tenant/sso/session-token/sso-ticket"),
        "{seen}"
    );
    press(&mut first, "Save case");
    settle(&mut first);
    let saved = saved_in_downloads(home.path(), ".json");
    assert_eq!(saved.len(), 1, "{}", all_text(&first));
    let text = std::fs::read_to_string(&saved[0]).expect("case");
    let mut secrets = common::secrets_on_the_wire(&tenant, &["session_token"]);
    secrets.extend([demo::ACCESS_TOKEN.to_owned(), UNKNOWN_SESSION.to_owned()]);
    assert_no_secret("the case file", &text, &secrets);
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(parsed["format"], "sso-diag.case");
    assert_valid_har(&parsed["data"]["har"].to_string());

    let mut second = opened(&saved[0]);
    press(&mut second, "Request / response inspector");
    settle(&mut second);
    let shown = all_text(&second);
    assert!(shown.contains("Case file (read-only):"), "{shown}");
    assert!(shown.contains("isv-case"), "{shown}");
    // The verdict card, word for word, and the history entry.
    let card_line = seen
        .lines()
        .find(|l| l.starts_with("Likely cause"))
        .expect("the card's cause");
    assert!(shown.contains(card_line), "{card_line} in {shown}");
    let status = seen
        .lines()
        .find(|l| l.starts_with("HTTP 4"))
        .expect("the history's status");
    assert!(shown.contains(status), "{status} in {shown}");
    // The inspector: the request and the answer as they went, line for line.
    let inspector: Vec<&str> = seen
        .lines()
        .skip_while(|l| !l.starts_with("Request / response inspector"))
        .filter(|l| l.contains("POST ") || l.contains("IDAAS.SDK"))
        .collect();
    assert!(!inspector.is_empty(), "{seen}");
    for line in inspector {
        assert!(shown.contains(line), "{line} in {shown}");
    }
    // Read-only: no button that sends.
    assert!(second.query_by_label("Exchange").is_none());
    assert_eq!(tenant.requests().len(), 1, "opening sends nothing");
}

#[test]
fn a_case_from_the_command_line_opens_with_its_ticket_step() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let dir = tempfile::tempdir().expect("dir");
    let case = dir.path().join("run.case.json");
    let out = common::exchange_command(
        &tenant.url(),
        demo::ACCESS_TOKEN,
        demo::SESSION_TOKEN,
        &["--case", case.to_str().expect("utf8"), "--json"],
    )
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(&case).expect("case written");
    let mut secrets = common::secrets_on_the_wire(&tenant, &["session_token"]);
    secrets.extend(
        common::json(&out)["ticket"]["sso_ticket"]
            .as_str()
            .map(str::to_owned),
    );
    assert_no_secret("the case file", &text, &secrets);
    let read = sso_diag::report::Case::from_bytes(text.as_bytes()).expect("reads back");
    assert_eq!(read.steps.len(), 1);
    assert_eq!(read.steps[0].step, sso_diag::step::Step::Exchange);
    assert_eq!(read.fields.domain, tenant.url());
    // Round trip: what is read back writes the same steps.
    let again = sso_diag::report::Case::from_bytes(&read.to_bytes()).expect("again");
    assert_eq!(again, read);

    let h = opened(&case);
    assert!(
        shows(&h, "ticket issued, valid for 300 s"),
        "{}",
        all_text(&h)
    );
}

#[test]
fn a_damaged_or_hostile_case_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let good = {
        let tenant = MockTenant::start(MockConfig::default()).expect("mock");
        let path = dir.path().join("good.json");
        let out = common::exchange_command(
            &tenant.url(),
            demo::ACCESS_TOKEN,
            demo::SESSION_TOKEN,
            &["--case", path.to_str().expect("utf8")],
        )
        .output()
        .expect("run");
        assert_eq!(out.status.code(), Some(0));
        std::fs::read_to_string(&path).expect("case")
    };
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let many_steps = {
        let mut v: serde_json::Value = serde_json::from_str(&good).expect("json");
        let step = v["data"]["steps"][0].clone();
        v["data"]["steps"] = serde_json::Value::Array(vec![step; 1001]);
        v.to_string()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "not complete JSON",
        ),
        (
            "another format",
            good.replacen("sso-diag.case", "sso-diag.profiles", 1)
                .into_bytes(),
            "not an sso-diag file",
        ),
        (
            "a future version",
            good.replacen("\"version\": 1", "\"version\": 2", 1)
                .into_bytes(),
            "newer sso-diag",
        ),
        (
            "a wrong type",
            good.replacen("\"steps\": [", "\"steps\": 5, \"x\": [", 1)
                .into_bytes(),
            "not what sso-diag writes",
        ),
        (
            "a javascript: URL",
            replace_last(&good, "\"url\": \"http", "\"url\": \"javascript:alert(1)//").into_bytes(),
            "names no http(s) address",
        ),
        ("deep nesting", nested.into_bytes(), "not complete JSON"),
        ("too many steps", many_steps.into_bytes(), "at most 1000"),
        (
            "too big",
            vec![b' '; 5 * 1024 * 1024],
            "far more than sso-diag writes",
        ),
        (
            "not text",
            vec![0xff, 0xfe, 0x00, 0x41],
            "not complete JSON",
        ),
    ];
    for (what, bytes, problem) in cases {
        let path = dir.path().join("bad.json");
        std::fs::write(&path, &bytes).expect("write");
        let h = opened(&path);
        let text = all_text(&h);
        assert!(text.contains("was not opened"), "{what}: {text}");
        assert!(text.contains(problem), "{what}: {problem} in {text}");
        assert!(!text.contains("Case file (read-only):"), "{what}");
        // The window is the user's own, as it was.
        assert_eq!(
            h.get_by_label("Domain").value().as_deref(),
            Some("mine.example.com"),
            "{what}"
        );
    }

    // A valid case whose text would reorder or hide what is shown: displayed escaped.
    let sneaky = good.replacen(
        "\"tenant_id\": \"\"",
        "\"tenant_id\": \"isv\\u202edcba\\u001b[31m\"",
        1,
    );
    assert_ne!(sneaky, good);
    let path = dir.path().join("sneaky.json");
    std::fs::write(&path, sneaky).expect("write");
    let h = opened(&path);
    let text = all_text(&h);
    assert!(text.contains("Case file (read-only):"), "{text}");
    assert!(text.contains("isv\\u{202e}dcba\\x1b[31m"), "{text}");
    assert!(!text.contains('\u{202e}') && !text.contains('\u{1b}'));
}
