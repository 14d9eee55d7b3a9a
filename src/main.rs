//! Thin entry point: parse the command line and dispatch.

use std::process::ExitCode;

use clap::Parser;
use sso_diag::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(Command::Exchange(args)) => cli::exchange::run(args),
        Some(Command::Device(args)) => cli::device::run(args),
        Some(Command::Mock(args)) => cli::mock::run(args),
        None => {
            eprintln!("sso-diag: the window is not built yet; use a subcommand (see --help)");
            2
        }
    };
    ExitCode::from(code)
}
