//! What each probe of a watch sends: the window's watch section and `sso-diag watch --what`
//! choose among the same three.

/// What each probe of a watch sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WatchWhat {
    /// The exchange, with the tokens given (or obtained once: client credentials, test login)
    Exchange,
    /// Reachability only: GET / on a new connection; no token is sent
    Check,
    /// The whole flow each time: client credentials (--client-id, $SSO_DIAG_CLIENT_SECRET), a
    /// test login (--user, $SSO_DIAG_PASSWORD) and the exchange, each call timed phase by phase
    Flow,
}
