//! The headless command line: argument definitions and one file per subcommand.

pub mod args;
pub mod call;
pub mod check;
mod common_args;
pub mod device;
pub mod exchange;
pub mod help;
pub mod login;
pub mod mock;
pub mod out;
pub mod profile;
pub mod profile_apply;
mod profile_args;
pub mod redeem;
pub mod refresh;
mod run_print;
pub mod secret_input;
pub mod shared;
pub mod watch;
mod watch_print;
mod watch_tenant;

pub use args::{Cli, Command};
