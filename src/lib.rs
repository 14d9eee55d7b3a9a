//! sso-diag: troubleshoot a CIAM login by exchanging a user's session token for a one-time SSO
//! ticket, and explaining exactly why it fails when it does.
//!
//! The core (`ciam`, `device`, `ticket`, `secret`) has no UI dependency and is shared by the
//! command line (`cli`), the window (`ui`) and the tests; `mock` is a local tenant for all three.

/// `0.1.0 (commit 1a2b3c4d5e)`: what `--version` prints after the name.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("SSO_DIAG_COMMIT"),
    ")"
);

pub mod check;
pub mod ciam;
pub mod cli;
pub mod device;
pub mod flow;
pub mod logging;
pub mod mock;
pub mod report;
pub mod secret;
pub mod ticket;
pub mod ui;
