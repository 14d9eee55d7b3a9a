//! `--help` in the user's language, as far as clap allows: the headings, each command's summary
//! and each option's help. clap's own error messages stay English.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::i18n::{self, Lang};
use crate::tr;

/// The command line's definition, its help worded in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::ZhCn => localise(cmd, lang),
    }
}

/// The language `--help` should speak before the arguments are parsed: `--lang` if given, else
/// `$SSO_DIAG_LANG`, else the system's.
pub fn early_lang(args: &[String]) -> Lang {
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => i18n::parse(&rest[1..]),
            Some("") => args.get(i + 1).and_then(|v| i18n::parse(v)),
            _ => None,
        });
    flag.or_else(i18n::from_env_var)
        .unwrap_or_else(i18n::from_system)
}

fn localise(cmd: Command, lang: Lang) -> Command {
    let name = cmd.get_name().to_owned();
    let mut cmd = cmd
        .help_template(tr!(lang, "help-template"))
        .subcommand_help_heading(tr!(lang, "help-commands"))
        .mut_args(|arg| {
            let help = arg_help(lang, &name, arg.get_id().as_str());
            let arg = match help {
                Some(text) => arg.help(text),
                None => arg,
            };
            arg.help_heading(tr!(lang, "help-options"))
        });
    if let Some(about) = about(lang, &name) {
        cmd = cmd.about(about.clone()).long_about(about);
    }
    // clap's own -h and -V carry English help: replaced by the same flags with translated help.
    let options = tr!(lang, "help-options");
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(tr!(lang, "help-arg-help"))
            .help_heading(options.clone()),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!(lang, "help-arg-version"))
                .help_heading(options),
        );
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(sub, |s| localise(s, lang));
    }
    cmd.disable_help_subcommand(true)
}

fn about(lang: Lang, command: &str) -> Option<String> {
    let l = lang;
    Some(match command {
        "sso-diag" => tr!(l, "help-about"),
        "exchange" => tr!(l, "help-about-exchange"),
        "redeem" => tr!(l, "help-about-redeem"),
        "refresh" => tr!(l, "help-about-refresh"),
        "login" => tr!(l, "help-about-login"),
        "check" => tr!(l, "help-about-check"),
        "watch" => tr!(l, "help-about-watch"),
        "device" => tr!(l, "help-about-device"),
        "mock" => tr!(l, "help-about-mock"),
        "profile" => tr!(l, "help-about-profile"),
        "new" => tr!(l, "help-about-new"),
        "list" => tr!(l, "help-about-list"),
        "show" => tr!(l, "help-about-show"),
        "export" => tr!(l, "help-about-export"),
        "import" => tr!(l, "help-about-import"),
        "delete" => tr!(l, "help-about-delete"),
        "remember" => tr!(l, "help-about-remember"),
        "forget" => tr!(l, "help-about-forget"),
        _ => return None,
    })
}

fn arg_help(lang: Lang, command: &str, id: &str) -> Option<String> {
    let l = lang;
    Some(match (command, id) {
        (_, "help") => tr!(l, "help-arg-help"),
        (_, "version") => tr!(l, "help-arg-version"),
        (_, "log_file") => tr!(l, "help-arg-log-file"),
        (_, "lang") => tr!(l, "help-arg-lang"),
        ("check", "ca_file") => tr!(l, "help-arg-check-ca-file"),
        ("new", "timeout") => tr!(l, "help-arg-timeout"),
        (_, "ca_file") => tr!(l, "help-arg-ca-file"),
        (_, "proxy") => tr!(l, "help-arg-proxy"),
        (_, "demo") => tr!(l, "help-arg-demo"),
        (_, "watch") => tr!(l, "help-arg-watch"),
        ("mock", "scenario") => tr!(l, "help-arg-mock-scenario"),
        (_, "scenario") => tr!(l, "help-arg-scenario"),
        ("check", "domain") => tr!(l, "help-arg-check-domain"),
        ("device", "domain") => tr!(l, "help-arg-device-domain"),
        (_, "domain") => tr!(l, "help-arg-domain"),
        (_, "tenant_id") => tr!(l, "help-arg-tenant-id"),
        (_, "client_id") => tr!(l, "help-arg-client-id"),
        (_, "os_version") => tr!(l, "help-arg-os-version"),
        (_, "device_ip") => tr!(l, "help-arg-device-ip"),
        (_, "fingerprint") => tr!(l, "help-arg-fingerprint"),
        (_, "agent") => tr!(l, "help-arg-agent"),
        (_, "access_token_file") => tr!(l, "help-arg-access-token-file"),
        (_, "client_secret_file") => tr!(l, "help-arg-client-secret-file"),
        (_, "report") => tr!(l, "help-arg-report"),
        (_, "har") => tr!(l, "help-arg-har"),
        (_, "case") => tr!(l, "help-arg-case"),
        (_, "open_case") => tr!(l, "help-arg-open-case"),
        (_, "timeout") => tr!(l, "help-arg-timeout"),
        (_, "json") => tr!(l, "help-arg-json"),
        (_, "session_token_file") => tr!(l, "help-arg-session-token-file"),
        ("login", "user") => tr!(l, "help-arg-login-user"),
        ("new", "user") => tr!(l, "help-arg-profile-user"),
        (_, "user") => tr!(l, "help-arg-user"),
        ("login", "password_file") => tr!(l, "help-arg-login-password-file"),
        (_, "password_file") => tr!(l, "help-arg-password-file"),
        (_, "redeem") => tr!(l, "help-arg-redeem"),
        (_, "curl") => tr!(l, "help-arg-curl"),
        (_, "ticket_file") => tr!(l, "help-arg-ticket-file"),
        ("login", "print_token") => tr!(l, "help-arg-login-print-token"),
        (_, "print_token") => tr!(l, "help-arg-print-token"),
        (_, "addr") => tr!(l, "help-arg-addr"),
        (_, "ticket_ttl") => tr!(l, "help-arg-ticket-ttl"),
        (_, "envelope") => tr!(l, "help-arg-envelope"),
        (_, "what") => tr!(l, "help-arg-what"),
        (_, "interval") => tr!(l, "help-arg-interval"),
        (_, "count") => tr!(l, "help-arg-count"),
        (_, "duration") => tr!(l, "help-arg-duration"),
        (_, "reuse_connection") => tr!(l, "help-arg-reuse-connection"),
        (_, "stop_on_failure") => tr!(l, "help-arg-stop-on-failure"),
        (_, "csv") => tr!(l, "help-arg-csv"),
        (_, "metrics") => tr!(l, "help-arg-metrics"),
        (_, "watch_every") => tr!(l, "help-arg-watch-every"),
        (_, "flaky") => tr!(l, "help-arg-flaky"),
        (_, "flaky_seed") => tr!(l, "help-arg-flaky-seed"),
        (_, "profile") => tr!(l, "help-arg-profile"),
        (_, "name") => tr!(l, "help-arg-profile-name"),
        ("import", "file") => tr!(l, "help-arg-profile-file"),
        (_, "output") => tr!(l, "help-arg-output"),
        (_, "rename") => tr!(l, "help-arg-rename"),
        (_, "force") => tr!(l, "help-arg-force"),
        (_, "language") => tr!(l, "help-arg-language"),
        (_, "secret") => tr!(l, "help-arg-secret"),
        (_, "secret_file") => tr!(l, "help-arg-secret-file"),
        _ => return None,
    })
}

/// Every option has its words (a new one without them shows English in the Chinese help).
pub fn untranslated(lang: Lang) -> Vec<String> {
    let mut missing = Vec::new();
    let cmd = Cli::command();
    let mut visit = vec![cmd];
    while let Some(cmd) = visit.pop() {
        let name = cmd.get_name().to_owned();
        let args: Vec<&Arg> = cmd.get_arguments().collect();
        for arg in args {
            let id = arg.get_id().as_str();
            if arg_help(lang, &name, id).is_none() && !arg.is_hide_set() {
                missing.push(format!("{name} --{id}"));
            }
        }
        visit.extend(cmd.get_subcommands().cloned());
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_of_every_command_has_chinese_help() {
        assert_eq!(untranslated(Lang::ZhCn), Vec::<String>::new());
    }

    #[test]
    fn the_language_of_help_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            early_lang(&args(&["sso-diag", "--lang", "zh-CN", "-h"])),
            Lang::ZhCn
        );
        assert_eq!(
            early_lang(&args(&["sso-diag", "check", "--lang=zh", "-h"])),
            Lang::ZhCn
        );
        assert_eq!(early_lang(&args(&["sso-diag", "--lang", "en"])), Lang::En);
    }
}
