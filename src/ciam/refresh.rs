//! API.md (5): refresh a session token. A support engineer uses it to tell a session that is still
//! alive from one that ended — and, when it ended, whether it expired or was revoked.

use crate::i18n::Lang;
use crate::tr;
use secrecy::SecretString;
use serde_json::Value;

use super::device_fields::DeviceFields;
use super::exchange::{issued_credential, optional_secret, whole_seconds};
use super::request::ApiRequest;

pub const REFRESH_PATH: &str = "/api/v2/tenant/sso/session-token/refresh";

#[derive(Debug, Clone)]
pub struct RefreshRequest {
    pub access_token: SecretString,
    pub session_token: SecretString,
    pub tenant_id: Option<String>,
    pub device: DeviceFields,
}

/// `{session_token, expire, id_token?}`.
#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub session_token: SecretString,
    pub expire: Option<u64>,
    pub id_token: Option<SecretString>,
}

impl RefreshRequest {
    pub fn to_api_request(&self) -> ApiRequest {
        ApiRequest::sso(
            REFRESH_PATH,
            &self.access_token,
            self.tenant_id.as_ref(),
            ("session_token", &self.session_token),
            &self.device,
        )
    }
}

pub fn parse_refresh_response(value: &Value) -> Result<RefreshGrant, String> {
    Ok(RefreshGrant {
        session_token: issued_credential(value, "session_token")?,
        expire: value.get("expire").and_then(whole_seconds),
        id_token: optional_secret(value, "id_token"),
    })
}

/// Whether an ended session expired or was revoked, as far as the token itself tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionEnd {
    /// The token carries an expiry, and it has passed.
    Expired,
    /// The token's own expiry is still ahead: the tenant ended it early (the user signed out, the
    /// password changed, an administrator ended the session).
    Revoked,
    /// The token is opaque: it carries no expiry to compare with.
    Unknown,
}

impl SessionEnd {
    /// Reads a JWT session token's `exp` (signature not checked) against `now_unix`.
    pub fn of(session_token: &str, now_unix: i64) -> Self {
        match super::jwt::JwtInsight::decode(session_token).and_then(|i| i.seconds_left(now_unix)) {
            Some(left) if left <= 0 => SessionEnd::Expired,
            Some(_) => SessionEnd::Revoked,
            None => SessionEnd::Unknown,
        }
    }

    /// The sentence a support engineer reads.
    pub fn explain(self, lang: Lang) -> String {
        match self {
            SessionEnd::Expired => tr!(lang, "session-expired"),
            SessionEnd::Revoked => tr!(lang, "session-revoked"),
            SessionEnd::Unknown => tr!(lang, "session-ended"),
        }
    }

    /// A stable name for `--json`.
    pub fn key(self) -> &'static str {
        match self {
            SessionEnd::Expired => "expired",
            SessionEnd::Revoked => "revoked",
            SessionEnd::Unknown => "ended",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use serde_json::json;

    fn jwt(exp: i64) -> String {
        let part = |v: Value| URL_SAFE_NO_PAD.encode(v.to_string());
        format!(
            "{}.{}.sig",
            part(json!({"alg": "none"})),
            part(json!({"exp": exp}))
        )
    }

    #[test]
    fn an_ended_session_is_told_expired_revoked_or_unknown() {
        assert_eq!(SessionEnd::of(&jwt(1_000), 2_000), SessionEnd::Expired);
        assert_eq!(SessionEnd::of(&jwt(3_000), 2_000), SessionEnd::Revoked);
        assert_eq!(
            SessionEnd::of("st-opaque-token", 2_000),
            SessionEnd::Unknown
        );
    }

    #[test]
    fn reads_the_documented_answer() {
        let g = parse_refresh_response(&json!({"session_token": "st-new-1234", "expire": 600}))
            .expect("ok");
        assert_eq!(g.expire, Some(600));
        assert!(parse_refresh_response(&json!({"expire": 600})).is_err());
    }
}
