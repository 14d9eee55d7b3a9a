//! Completeness of the translation, tested rather than hoped for: both languages have the same
//! messages with the same variables; every message the code asks for exists; and no sentence
//! reaches the window or the command line's human output without going through the bundle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[path = "i18n/rust_literals.rs"]
mod rust_literals;

use rust_literals::{Literal, literals};
use sso_diag::ciam::catalogue;
use sso_diag::i18n::{self, Lang};

/// Message id → the variables it uses, from a `.ftl` file.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let text = if starts_message {
            let (id, rest) = line.split_once('=').expect("`id = value`");
            current = Some(id.trim().to_owned());
            out.entry(id.trim().to_owned()).or_default();
            rest
        } else {
            line
        };
        let id = current
            .clone()
            .expect("a continuation line after a message");
        let vars = out.entry(id).or_default();
        let mut rest = text;
        while let Some(at) = rest.find('$') {
            let name: String = rest[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            vars.insert(name);
            rest = &rest[at + 1..];
        }
    }
    out
}

#[test]
fn both_languages_load_cleanly() {
    assert_eq!(i18n::load_problems(), Vec::<String>::new());
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let en = messages(Lang::En.source());
    let zh = messages(Lang::ZhCn.source());
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    assert!(only_zh.is_empty(), "only in zh-CN.ftl: {only_zh:?}");
    for (id, vars) in &en {
        assert_eq!(
            vars, &zh[id],
            "{id}: the variables differ between en and zh-CN"
        );
    }
    assert!(
        en.len() > 300,
        "{} messages: the parser missed some",
        en.len()
    );
}

#[test]
fn the_chinese_file_is_chinese() {
    let zh = messages(Lang::ZhCn.source());
    // Said in English in both files on purpose: shown exactly when Chinese cannot be drawn.
    let english_on_purpose = ["font-missing", "ui-chinese-without-font"];
    let same: Vec<_> = zh
        .keys()
        .filter(|id| !english_on_purpose.contains(&id.as_str()))
        .filter(|id| {
            let zh_text = i18n::text(Lang::ZhCn, id, None);
            zh_text == i18n::text(Lang::En, id, None)
                && zh_text.chars().any(|c| c.is_ascii_lowercase())
        })
        .collect();
    // A few messages are only names and numbers in both (`{ $seconds } s` is not one of them).
    let allowed = [
        "cli-check-line",
        "watch-line",
        "watch-phase-ms",
        "field-agent",
        "report-field-agent",
        "ui-agent",
        "ui-proxy-hint",
        "cli-device-line",
    ];
    let unexpected: Vec<_> = same
        .iter()
        .filter(|id| !allowed.contains(&id.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "not translated: {unexpected:?}");
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A message id as `tr!`/`msg!` name it: `ui-copy-report`.
fn is_message_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && text.contains('-')
}

/// Whether `literal` names a message: `tr!(lang, "id"…)` or `msg!("id"…)`.
fn names_message(literal: &Literal) -> bool {
    let before = literal.before.trim_end();
    is_message_id(&literal.text)
        && (before.ends_with("msg!(") || {
            let tail = before.rsplit("tr!(").next().unwrap_or_default();
            before.contains("tr!(") && tail.ends_with(',') && !tail.contains(')')
        })
}

/// A sentence or a word meant for a person: `Copy`, `waiting for the tenant`, `error: {e}`.
fn is_prose(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let words_with_space = chars.windows(4).any(|w| {
        w[0].is_ascii_alphabetic()
            && w[1].is_ascii_alphabetic()
            && w[2] == ' '
            && w[3].is_ascii_alphabetic()
    });
    let capitalised = chars.windows(2).enumerate().any(|(i, w)| {
        w[0].is_ascii_uppercase()
            && w[1].is_ascii_lowercase()
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
    });
    let labelled = chars
        .windows(5)
        .any(|w| w[..3].iter().all(char::is_ascii_lowercase) && w[3] == ':' && w[4] == ' ');
    words_with_space || capitalised || labelled
}

/// Lines that are for us, not for users: the log, and what the code says about itself; and the
/// name of a refused field, which the advice words through the bundle (`advice::field_name`).
fn for_machines_or_us(literal: &Literal) -> bool {
    let b = literal.before.trim_end();
    let log = [
        "tracing::",
        "info!(",
        "warn!(",
        "debug!(",
        "error!(",
        "trace!(",
        "expect(",
        "panic!(",
    ];
    let field_name = [
        "invalid_input(",
        "_field(",
        "normalize_token(",
        "read_secret(",
    ];
    // Redaction markers (`[redacted access token]`) are evidence, the same in every report.
    let redaction_label = ".add(";
    // A pattern in a `match` on a field's name: `"CA file" => tr!(l, "field-ca-file")`.
    let pattern =
        literal.after.trim_start().starts_with("=>") || literal.after.trim_start().starts_with('|');
    log.iter().any(|m| b.contains(m))
        || field_name.iter().any(|m| b.ends_with(m))
        || b.ends_with(redaction_label)
        || pattern
}

/// Words that stay as they are in every language, and why.
const NOT_TRANSLATED: &[(&str, &str)] = &[
    // A folder's name on disk, not a word on screen.
    ("src/ui/hand_over.rs", "Downloads"),
    // Key names are printed on the keys.
    ("src/ui/panels/run_bar.rs", "Esc"),
    ("src/ui/panels/run_bar.rs", "Ctrl+Enter"),
    ("src/ui/keyboard.rs", "Esc"),
    ("src/ui/keyboard.rs", "Tab / Shift+Tab"),
    ("src/ui/keyboard.rs", "Ctrl+Plus / Ctrl+Minus / Ctrl+0"),
    // The target of a "could not connect" that never left this process.
    ("src/cli/shared.rs", "this machine"),
    // Its detail: evidence, like the OS error it carries.
    (
        "src/cli/shared.rs",
        "could not start the network runtime: {e}",
    ),
    // The check's step names: keys (`--json`), worded by `check::step_name`.
    ("src/check/mod.rs", "Clock"),
    // Fragments of hyper's own error messages, matched to recognise a protocol error.
    ("src/ciam/net_errors.rs", "invalid http version parsed"),
    ("src/ciam/net_errors.rs", "invalid http status-code parsed"),
    ("src/ciam/net_errors.rs", "invalid http header parsed"),
    ("src/ciam/net_errors.rs", "message head is too large"),
    (
        "src/ciam/net_errors.rs",
        "received unexpected message from connection",
    ),
    // A Debug representation, for us.
    ("src/ciam/tenant_url.rs", "TenantUrl({self})"),
    // The HMAC context of the fingerprint: bytes, never shown.
    ("src/device/mod.rs", "sso-diag device fingerprint v1"),
    // A step that answered as another one: cannot happen, kept with the evidence if it did.
    ("src/cli/login.rs", "the login answered as another step"),
    // What is wrong with an answer, kept with the evidence like the parser's own findings
    // (`UnexpectedResponse::problem`); the advice around it is translated.
    (
        "src/step/record.rs",
        concat!(
            "\"expire\" is {} s, more than a year: no tenant issues a one-time ticket for that long; ",
            "the ticket is shown, but its lifetime cannot be trusted"
        ),
    ),
];

/// Where people read text: the window, the command line's human output (`args.rs` is clap's
/// help; `mock.rs` is a developer's fake tenant whose lines scripts read), the report, and the
/// engine's words for them (advice, refused inputs, the check, step summaries).
fn user_facing_files() -> Vec<PathBuf> {
    let cli_human = [
        "call.rs",
        "check.rs",
        "device.rs",
        "exchange.rs",
        "login.rs",
        "profile.rs",
        "profile_apply.rs",
        "redeem.rs",
        "refresh.rs",
        "run_print.rs",
        "secret_input.rs",
        "shared.rs",
        "watch.rs",
        "watch_print.rs",
        "watch_tenant.rs",
    ];
    let engine = [
        "ciam/advice.rs",
        "ciam/input.rs",
        "ciam/jwt.rs",
        "ciam/net_errors.rs",
        "ciam/refresh.rs",
        "ciam/tenant_url.rs",
        "check/mod.rs",
        "step/mod.rs",
        "step/record.rs",
        "device/mod.rs",
        "device/overrides.rs",
        "device/sent.rs",
        "store/json_file.rs",
        "store/profiles.rs",
        "watch/attempt.rs",
        "watch/stats.rs",
    ];
    let mut files: Vec<PathBuf> = rust_files(&src().join("ui"))
        .into_iter()
        .filter(|f| !f.to_string_lossy().ends_with("_tests.rs"))
        .collect();
    files.extend(cli_human.iter().map(|f| src().join("cli").join(f)));
    files.extend(engine.iter().map(|f| src().join(f)));
    // Every document of the hand-over but the HAR (for machines) and the curl export.
    for name in [
        "case.rs",
        "json.rs",
        "markdown.rs",
        "setting.rs",
        "verdict.rs",
        "watch.rs",
    ] {
        files.push(src().join("report").join(name));
    }
    files
}

#[test]
fn no_sentence_reaches_a_person_without_the_bundle() {
    let mut found = Vec::new();
    for path in user_facing_files() {
        let code = std::fs::read_to_string(&path).expect("read source");
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for literal in literals(&code) {
            let allowed = NOT_TRANSLATED.contains(&(name.as_str(), literal.text.as_str()));
            if is_prose(&literal.text)
                && !names_message(&literal)
                && !for_machines_or_us(&literal)
                && !allowed
            {
                found.push(format!("{name}:{}: {:?}", literal.line, literal.text));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text for people must go through tr!/msg! (assets/i18n/*.ftl):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_what_it_must() {
    let code = r##"
        fn show(ui: &mut Ui) {
            ui.label("Copy report"); // caught
            ui.label(tr!(l, "ui-copy-report")); // an id: fine
            out::eline(format!("error: {e}")); // caught
            egui::Grid::new("advice_grid"); // an id: fine
            tracing::info!("sent the request"); // the log: fine
            let x = r#"Raw text"#; // caught
        }
        #[cfg(test)]
        mod tests { const T: &str = "Only in tests"; }
    "##;
    let prose: Vec<String> = literals(code)
        .into_iter()
        .filter(|l| is_prose(&l.text) && !names_message(l) && !for_machines_or_us(l))
        .map(|l| l.text)
        .collect();
    assert_eq!(prose, ["Copy report", "error: {e}", "Raw text"]);
}

#[test]
fn every_message_the_code_asks_for_exists_and_every_message_is_used() {
    let mut used = BTreeSet::new();
    for path in rust_files(&src()) {
        let code = std::fs::read_to_string(&path).expect("read source");
        for literal in literals(&code) {
            if names_message(&literal) {
                used.insert(literal.text);
            }
        }
    }
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !Lang::ALL.iter().all(|l| i18n::has(*l, id)))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but not in both .ftl files: {missing:?}"
    );
    // The catalogue's messages are named by its entries (`code-<code>-title`), not in the code.
    let entries: Vec<String> = catalogue::entries()
        .iter()
        .map(|e| format!("{}-", e.key()))
        .collect();
    let of_an_entry = |id: &str| entries.iter().any(|prefix| id.starts_with(prefix.as_str()));
    let unused: Vec<_> = messages(Lang::En.source())
        .into_keys()
        .filter(|id| !used.contains(id) && !of_an_entry(id))
        .collect();
    assert!(
        unused.is_empty(),
        "in the .ftl files but never used: {unused:?}"
    );
}
