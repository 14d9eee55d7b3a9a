//! The headless command line: argument definitions and one file per subcommand.

pub mod args;
pub mod check;
pub mod device;
pub mod exchange;
mod exchange_print;
pub mod login;
pub mod mock;
pub mod out;
pub mod secret_input;
pub mod shared;

pub use args::{Cli, Command};
