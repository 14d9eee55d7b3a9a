//! Thin entry point: parse the command line and dispatch.

use std::process::ExitCode;

use clap::Parser;
use sso_diag::cli::{self, Cli, Command};

fn main() -> ExitCode {
    // Before any thread exists: the local UTC offset cannot be read safely afterwards.
    sso_diag::ui::clock::init_local_offset();
    let cli = Cli::parse();
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
