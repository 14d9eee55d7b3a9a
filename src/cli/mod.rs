//! The headless command line: argument definitions and one file per subcommand.

pub mod args;
pub mod check;
pub mod device;
pub mod exchange;
pub mod login;
pub mod mock;
pub mod secret_input;
pub mod shared;

pub use args::{Cli, Command};
