//! Every sentence a person reads, in English and Simplified Chinese: Project Fluent messages in
//! `assets/i18n/en.ftl` and `assets/i18n/zh-CN.ftl`, embedded in the binary.
//!
//! What machines read stays English and never comes through here: `--json` keys and values, exit
//! codes, log lines. The language is a value passed to whoever writes text (`tr!(lang, "id")`),
//! not a global, so the window can switch it between two frames and tests in one process can
//! use both.

mod choose;
mod message;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

pub use choose::{from_env_var, from_system, parse};
pub use fluent_bundle::FluentArgs;
pub use message::{Arg, Message};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `--lang`, `SSO_DIAG_LANG`, the report.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// What the tenant's login takes in its `X-L` header.
    pub fn tenant_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh",
        }
    }

    /// The language's name in itself, for the switch: each reader finds their own.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "中文",
        }
    }

    /// The messages as written, for the completeness tests.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../assets/i18n/en.ftl"),
            Lang::ZhCn => include_str!("../../assets/i18n/zh-CN.ftl"),
        }
    }

    fn bundle(self) -> &'static Bundle {
        let [en, zh] = &*BUNDLES;
        match self {
            Lang::En => en,
            Lang::ZhCn => zh,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

struct Bundle {
    bundle: FluentBundle<FluentResource>,
    /// Why the embedded file did not load cleanly (a test makes sure this stays empty).
    problems: Vec<String>,
}

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(load));

fn load(lang: Lang) -> Bundle {
    let mut problems = Vec::new();
    let resource =
        FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(r, errors)| {
            problems.extend(errors.iter().map(|e| format!("{}: {e}", lang.tag())));
            r
        });
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around each value would reach terminals and the window as boxes.
    bundle.set_use_isolating(false);
    if let Err(e) = bundle.add_builtins() {
        problems.push(format!("{}: {e}", lang.tag()));
    }
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{}: {e}", lang.tag())));
    }
    Bundle { bundle, problems }
}

/// Problems loading the embedded messages, in either language.
pub fn load_problems() -> Vec<String> {
    BUNDLES.iter().flat_map(|b| b.problems.clone()).collect()
}

/// Whether `id` is a message in `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    lang.bundle().bundle.has_message(id)
}

/// The message `id` in `lang`; English if `lang` lacks it, the id itself if both do (tests make
/// sure neither happens).
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = &lang.bundle().bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// A value for a message's variable: numbers stay numbers, so Fluent picks plurals and formats.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `tr!(lang, "id")` or `tr!(lang, "id", name = value, …)`: the message in that language.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::text($lang, $id, Some(&args))
    }};
}
