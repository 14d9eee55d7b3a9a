//! The headless command line: argument definitions and one file per subcommand.

pub mod args;
pub mod device;
pub mod exchange;
pub mod mock;
pub mod secret_input;
pub mod window;

pub use args::{Cli, Command};
