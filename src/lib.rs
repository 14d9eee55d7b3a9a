//! sso-diag: troubleshoot a CIAM login by exchanging a user's session token for a one-time SSO
//! ticket, and explaining exactly why it fails when it does.
//!
//! The core (`ciam`, `step`, `flow`, `device`, `ticket`, `secret`, `report`) has no UI dependency
//! and is shared by the command line (`cli`), the window (`ui`) and the tests; `mock` is a local
//! tenant for all three. Dependencies point down: `ui` uses `cli`'s argument types, nothing
//! outside `ui/` uses `ui` (see ARCHITECTURE.md).

/// `0.1.0 (commit 1a2b3c4d5e)`: what `--version` prints after the name.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("SSO_DIAG_COMMIT"),
    ")"
);

/// The application id: the window's class on Linux and the name of its data directory.
pub const APP_ID: &str = "sso-diag";

pub mod check;
pub mod ciam;
pub mod cli;
pub mod clock;
pub mod device;
pub mod env_vars;
pub mod files;
pub mod flow;
pub mod i18n;
pub mod logging;
pub mod metrics;
pub mod mock;
pub mod report;
pub mod secret;
pub mod step;
pub mod store;
pub mod text;
pub mod ticket;
pub mod ui;
pub mod watch;
