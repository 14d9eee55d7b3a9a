//! The tenant's own codes as data (`codes.toml`): for each code, every spelling, the steps it can
//! come from, the status; our advice for it — title, likely cause, what to try — is in the message
//! bundle (`code-<canonical code>-title` …) in English and Chinese.
//!
//! Classification stays by HTTP status and answer shape first (`advice.rs`); the catalogue only
//! refines the advice. An unknown code is still shown verbatim with the tenant's message.

use std::sync::LazyLock;

use serde::Deserialize;

pub use crate::i18n::Lang;
use crate::i18n::{self, FluentArgs};
use crate::tr;

#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    /// Every spelling a tenant uses; the first is the canonical one.
    pub codes: Vec<String>,
    /// The steps (`Step::key`) that can answer with it.
    pub steps: Vec<String>,
    /// The HTTP status the vendors document (0 when they do not say).
    pub status: u16,
}

/// An entry's advice in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub cause: String,
    pub action: String,
}

#[derive(Deserialize)]
struct Catalogue {
    entry: Vec<Entry>,
}

static ENTRIES: LazyLock<Result<Vec<Entry>, String>> = LazyLock::new(|| {
    toml::from_str::<Catalogue>(include_str!("codes.toml"))
        .map(|c| c.entry)
        .map_err(|e| e.to_string())
});

/// Every entry; empty only if the embedded file does not parse (a test makes sure it does).
pub fn entries() -> &'static [Entry] {
    ENTRIES.as_deref().unwrap_or(&[])
}

/// Whether the embedded catalogue parses, and why not.
pub fn load_error() -> Option<&'static str> {
    ENTRIES.as_ref().err().map(String::as_str)
}

/// Huawei writes `PARAM.0032` where bccastle writes `IDAAS.SDK.PARAM.0032`.
fn bare(code: &str) -> &str {
    code.strip_prefix("IDAAS.SDK.").unwrap_or(code)
}

/// The entry for `code`, in any of its spellings (case as the tenant sends it).
pub fn lookup(code: &str) -> Option<&'static Entry> {
    let code = code.trim();
    entries()
        .iter()
        .find(|e| e.codes.iter().any(|c| c == code))
        .or_else(|| {
            entries()
                .iter()
                .find(|e| e.codes.iter().any(|c| bare(c) == bare(code)))
        })
}

impl Entry {
    /// The prefix of its messages: `code-IDAAS-SDK-PARAM-0023`. Case is kept: `access_denied`
    /// and the login status `ACCESS_DENIED` are different answers.
    pub fn key(&self) -> String {
        let code = self.codes.first().map(String::as_str).unwrap_or_default();
        let code: String = code
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("code-{code}")
    }

    /// Its advice in `lang`; `wait` fills an action's `{ $wait }` (how long a lockout lasts).
    pub fn text(&self, lang: Lang, wait: &str) -> Text {
        let key = self.key();
        let mut args = FluentArgs::new();
        args.set("wait", wait.to_owned());
        let part = |name: &str| i18n::text(lang, &format!("{key}-{name}"), Some(&args));
        Text {
            title: part("title"),
            cause: part("cause"),
            action: part("action"),
        }
    }
}

/// How long a lockout message says to wait (`It will be unlocked in 3 minutes`, `2 minutes and
/// 30 seconds`, `将在 3 分钟和 0 秒内解锁`), in `lang`; `None` when it names no time.
pub fn wait_in(message: &str, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    let mut number = String::new();
    let chars: Vec<char> = message.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            number.push(c);
            i += 1;
            continue;
        }
        if !number.is_empty() {
            let rest: String = chars[i..].iter().collect::<String>();
            let rest = rest.trim_start();
            // How tenants write the units, in English and Chinese messages.
            let unit = [
                ("hour", Unit::Hours),
                ("小时", Unit::Hours),
                ("min", Unit::Minutes),
                ("分", Unit::Minutes),
                ("sec", Unit::Seconds),
                ("秒", Unit::Seconds),
            ]
            .into_iter()
            .find(|(prefix, _)| rest.to_lowercase().starts_with(prefix));
            if let (Some((_, unit)), Ok(n)) = (unit, number.parse::<u64>())
                && (n > 0 || parts.is_empty())
            {
                parts.push(match unit {
                    Unit::Hours => tr!(lang, "wait-hours", n = n),
                    Unit::Minutes => tr!(lang, "wait-minutes", n = n),
                    Unit::Seconds => tr!(lang, "wait-seconds", n = n),
                });
            }
            number.clear();
        }
        i += 1;
    }
    let mut parts = parts.into_iter();
    let first = parts.next()?;
    Some(parts.fold(first, |so_far, next| {
        tr!(lang, "wait-and", first = so_far, second = next)
    }))
}

#[derive(Clone, Copy)]
enum Unit {
    Hours,
    Minutes,
    Seconds,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_parses_and_every_entry_speaks_both_languages() {
        assert_eq!(load_error(), None);
        assert!(entries().len() >= 30, "{} entries", entries().len());
        let steps = ["token", "login", "exchange", "redeem", "refresh"];
        for e in entries() {
            let name = &e.codes[0];
            for lang in Lang::ALL {
                for part in ["title", "cause", "action"] {
                    let id = format!("{}-{part}", e.key());
                    assert!(i18n::has(lang, &id), "{name}: no {id} in {lang}");
                }
            }
            assert!(
                e.text(Lang::ZhCn, "")
                    .title
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: the Chinese title is not Chinese"
            );
            assert!(!e.steps.is_empty(), "{name}: no step");
            for s in &e.steps {
                assert!(steps.contains(&s.as_str()), "{name}: unknown step {s}");
            }
        }
        let mut all: Vec<&str> = entries()
            .iter()
            .flat_map(|e| e.codes.iter().map(String::as_str))
            .collect();
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count, "a code is in two entries");
    }

    #[test]
    fn the_readme_table_matches_the_catalogue() {
        let readme = include_str!("../../README.md");
        let table: Vec<(String, String)> = readme
            .split("## What each answer means")
            .nth(1)
            .expect("README has the section")
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|row| {
                let cells: Vec<&str> = row.split(" | ").collect();
                let code = cells[0].trim_start_matches("| `");
                let code = code.split('`').next().unwrap_or_default().to_owned();
                let title = cells
                    .last()
                    .unwrap_or(&"")
                    .trim_end_matches(" |")
                    .to_owned();
                (code, title)
            })
            .collect();
        let catalogue: Vec<(String, String)> = entries()
            .iter()
            .map(|e| (e.codes[0].clone(), e.text(Lang::En, "").title))
            .collect();
        assert_eq!(
            table, catalogue,
            "README's table differs from codes.toml: run dist/codes-table.py"
        );
    }

    #[test]
    fn both_spellings_find_the_same_entry() {
        let huawei = lookup("PARAM.0032").expect("Huawei's spelling");
        let bccastle = lookup("IDAAS.SDK.PARAM.0032").expect("bccastle's spelling");
        assert_eq!(huawei.codes, bccastle.codes);
        assert_eq!(
            lookup("LOGIN.0002").map(|e| &e.codes),
            lookup("IDAAS.SDK.LOGIN.0002").map(|e| &e.codes)
        );
        assert!(lookup("NO.SUCH.CODE").is_none());
    }

    #[test]
    fn the_wait_comes_from_the_tenants_own_words() {
        let en = "User has been locked due to multiple login failures. It will be unlocked in 3 minutes.";
        assert_eq!(wait_in(en, Lang::En).as_deref(), Some("3 minutes"));
        let both = "It will be unlocked in 2 minutes and 30 seconds";
        assert_eq!(
            wait_in(both, Lang::En).as_deref(),
            Some("2 minutes and 30 seconds")
        );
        let zh = "由于多次登录失败,用户已被锁定。 它将在 3 分钟和 0 秒内解锁";
        assert_eq!(wait_in(zh, Lang::ZhCn).as_deref(), Some("3分钟"));
        assert_eq!(wait_in("Invalid account name or password.", Lang::En), None);
    }
}
