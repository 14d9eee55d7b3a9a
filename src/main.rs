//! Thin entry point: parse the command line and dispatch.

// Release builds on Windows are GUI programs: no console window flashes up behind the window.
// Started from a terminal with a subcommand, they attach to that terminal (see `attach_console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::FromArgMatches;
use sso_diag::cli::{self, Cli, Command};
use sso_diag::i18n::Lang;
use sso_diag::logging::{self, LogTarget};
use sso_diag::tr;
use sso_diag::ui::NotOpened;

fn main() -> ExitCode {
    sso_diag::clock::mark_process_start();
    sso_diag::files::make_new_files_private();
    redact_panics();
    // Before any thread exists: the local UTC offset cannot be read safely afterwards.
    sso_diag::clock::init_local_offset();
    attach_console();
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // --help speaks the language this run will speak.
    let matches = cli::help::command(cli::help::early_lang(&args)).get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let log_target = match (&cli.log_file, &cli.command) {
        (Some(path), _) => LogTarget::File(path.clone()),
        // The window has no console to log to (on Windows, none at all).
        (None, None) => match logging::default_log_file() {
            Some(path) => LogTarget::File(path),
            None => LogTarget::StderrIfAsked,
        },
        (None, Some(_)) => LogTarget::StderrIfAsked,
    };
    let log_file = logging::init(log_target);
    tracing::info!(version = sso_diag::VERSION, log_file = ?log_file, "sso-diag starting");
    // Said for this run (--lang, $SSO_DIAG_LANG), else the profile's, else the window's
    // remembered choice, else the system's language.
    let said = cli.lang.or_else(sso_diag::i18n::from_env_var);
    let names = cli.profile.clone();
    let profile =
        match cli::profile_apply::apply(&names, &mut cli.command, &mut cli.window, &matches) {
            Ok(profile) => profile,
            Err(e) => {
                let lang = said.unwrap_or_else(sso_diag::i18n::from_system);
                cli::shared::report_error(&e, false, lang);
                return ExitCode::from(e.exit_code());
            }
        };
    let lang = said.or(profile.as_ref().and_then(|p| p.fields.lang));
    let cli_lang = lang.unwrap_or_else(sso_diag::i18n::from_system);
    let code = match &cli.command {
        Some(Command::Exchange(args)) => cli::exchange::run(args, cli_lang),
        Some(Command::Redeem(args)) => cli::redeem::run(args, cli_lang),
        Some(Command::Refresh(args)) => cli::refresh::run(args, cli_lang),
        Some(Command::Login(args)) => cli::login::run(args, cli_lang),
        Some(Command::Check(args)) => cli::check::run(args, cli_lang),
        Some(Command::Watch(args)) => cli::watch::run(args, cli_lang),
        Some(Command::Device(args)) => cli::device::run(args, cli_lang),
        Some(Command::Mock(args)) => cli::mock::run(args),
        Some(Command::Profile(args)) => cli::profile::run(args, cli_lang),
        // The one place that knows both front ends.
        None => match sso_diag::ui::open(&cli.window, lang, profile.map(|p| p.name)) {
            Ok(()) => 0,
            Err(why) => {
                // Before the window: its remembered language is not read yet.
                let said = lang.unwrap_or_else(sso_diag::i18n::from_system);
                not_opened(&why, said)
            }
        },
    };
    ExitCode::from(code)
}

/// Says, in the terminal that started it, why the window did not open; the exit code.
fn not_opened(why: &NotOpened, lang: Lang) -> u8 {
    match why {
        NotOpened::Launch(error) => {
            cli::shared::report_error(error, false, lang);
            error.exit_code()
        }
        NotOpened::Demo(error) => {
            let error = error.to_string();
            cli::out::eline(tr!(lang, "ui-demo-failed", error = error));
            3
        }
        NotOpened::Window(error) => {
            let error = error.to_string();
            cli::out::eline(tr!(lang, "ui-window-failed", error = error));
            cli::out::eline(tr!(lang, "ui-no-display"));
            1
        }
    }
}

/// A panic message can quote whatever text the code held: it is redacted like every other sink.
fn redact_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let text = sso_diag::text::escape_controls(&sso_diag::secret::redact(&message));
        eprintln!("sso-diag stopped on an internal error{place}: {text}");
        tracing::error!("panic{place}: {text}");
    }));
}

/// A GUI-subsystem program has no console; when a terminal started it for the command line
/// (`exchange`, `--version` …), print to that terminal. Opening the window needs none.
#[cfg(windows)]
fn attach_console() {
    const TERMINAL_ARGS: [&str; 14] = [
        "exchange",
        "redeem",
        "refresh",
        "login",
        "check",
        "watch",
        "device",
        "mock",
        "profile",
        "help",
        "--version",
        "-V",
        "--help",
        "-h",
    ];
    let wants_terminal = std::env::args()
        .skip(1)
        .any(|a| TERMINAL_ARGS.contains(&a.as_str()));
    if wants_terminal {
        // SAFETY: a plain Win32 call with a constant argument; failure (no parent console) is fine.
        unsafe {
            windows_sys::Win32::System::Console::AttachConsole(
                windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS,
            );
        }
    }
}

#[cfg(not(windows))]
fn attach_console() {}
