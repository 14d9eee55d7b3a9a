//! The environment variables that carry secrets into sso-diag, and stand for them in a copied
//! `curl` command; and the one that chooses its language. One place, so the command line, the curl
//! export and the tests agree.

pub const ACCESS_TOKEN: &str = "SSO_DIAG_ACCESS_TOKEN";
pub const SESSION_TOKEN: &str = "SSO_DIAG_SESSION_TOKEN";
pub const CLIENT_SECRET: &str = "SSO_DIAG_CLIENT_SECRET";
pub const PASSWORD: &str = "SSO_DIAG_PASSWORD";
/// A ticket in a copied curl command (the request's `sso_ticket` field).
pub const SSO_TICKET: &str = "SSO_DIAG_SSO_TICKET";
/// A ticket handed to `sso-diag redeem`.
pub const TICKET: &str = "SSO_DIAG_TICKET";
/// `en` or `zh-CN`: the language of the window and of the command line's human output.
pub const LANG: &str = "SSO_DIAG_LANG";
/// Where settings and profiles live instead of the platform's data directory.
pub const DATA_DIR: &str = "SSO_DIAG_DATA_DIR";
/// A secret field sso-diag has no name for (never sent today; a safe fallback for curl).
pub const OTHER_SECRET: &str = "SSO_DIAG_SECRET";

/// The variable that stands for a secret request field (`session_token` → `SSO_DIAG_SESSION_TOKEN`).
pub fn for_field(field: &str) -> &'static str {
    match field {
        "session_token" => SESSION_TOKEN,
        "client_secret" => CLIENT_SECRET,
        "password" => PASSWORD,
        "sso_ticket" => SSO_TICKET,
        _ => OTHER_SECRET,
    }
}
