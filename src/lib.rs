//! sso-diag: troubleshoot a CIAM login by exchanging a user's session token for a one-time SSO
//! ticket, and explaining exactly why it fails when it does.
//!
//! The core (`ciam`, `device`, `ticket`, `secret`) has no UI dependency and is shared by the
//! command line (`cli`), the window (`ui`) and the tests; `mock` is a local tenant for all three.

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
