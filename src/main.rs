//! Thin entry point: parse the command line and dispatch.

use std::process::ExitCode;

use clap::Parser;
use sso_diag::cli::{self, Cli, Command};
use sso_diag::logging::{self, LogTarget};

fn main() -> ExitCode {
    // Before any thread exists: the local UTC offset cannot be read safely afterwards.
    sso_diag::ui::clock::init_local_offset();
    let cli = Cli::parse();
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
    tracing::info!(version = env!("CARGO_PKG_VERSION"), log_file = ?log_file, "sso-diag starting");
    let code = match &cli.command {
        Some(Command::Exchange(args)) => cli::exchange::run(args),
        Some(Command::Login(args)) => cli::login::run(args),
        Some(Command::Check(args)) => cli::check::run(args),
        Some(Command::Device(args)) => cli::device::run(args),
        Some(Command::Mock(args)) => cli::mock::run(args),
        None => cli::window::run(&cli.window),
    };
    ExitCode::from(code)
}
