//! Which language to speak when the command line did not say: `SSO_DIAG_LANG`, then the operating
//! system's.

use super::Lang;
use crate::env_vars;

/// `en`, `en-US`, `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`… Every Chinese locale reads the
/// Simplified Chinese text: closer to a zh-TW reader than English is.
pub fn parse(tag: &str) -> Option<Lang> {
    let base = tag.trim().split(['.', '@']).next()?;
    let language = base.split(['-', '_']).next()?.to_ascii_lowercase();
    match language.as_str() {
        "en" | "c" | "posix" => Some(Lang::En),
        "zh" => Some(Lang::ZhCn),
        _ => None,
    }
}

/// `SSO_DIAG_LANG`, if it names a language.
pub fn from_env_var() -> Option<Lang> {
    std::env::var(env_vars::LANG).ok().and_then(|v| parse(&v))
}

/// The OS locale (`LC_ALL` / `LC_MESSAGES` / `LANG` on Linux, the user's display language on
/// Windows and macOS); English when it is neither language.
pub fn from_system() -> Lang {
    sys_locale::get_locale()
        .and_then(|l| parse(&l))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_as_systems_spell_them() {
        for (tag, lang) in [
            ("zh_CN.UTF-8", Some(Lang::ZhCn)),
            ("zh-Hans-CN", Some(Lang::ZhCn)),
            ("zh-TW", Some(Lang::ZhCn)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(parse(tag), lang, "{tag}");
        }
    }
}
