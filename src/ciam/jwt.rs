//! Token insight: the claims of a JWT, decoded locally. No network, and no signature check — the
//! window says so — it is only to see issuer, audience and expiry before a request is sent.

use crate::i18n::Lang;
use crate::tr;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JwtInsight {
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub subject: Option<String>,
    /// Unix seconds.
    pub issued_at: Option<i64>,
    pub expires_at: Option<i64>,
    /// The device fingerprint the token says it was issued for, where it carries one.
    pub device: Option<String>,
}

/// Claims a tenant may name the device a token is bound to by.
const DEVICE_CLAIMS: [&str; 5] = [
    "device_fingerprint",
    "deviceFingerprint",
    "fingerprint",
    "dfp",
    "device_id",
];

impl JwtInsight {
    /// Reads a compact JWT (`header.payload.signature`); `None` if the token is not one.
    pub fn decode(token: &str) -> Option<Self> {
        let mut parts = token.trim().split('.');
        let (_header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
        let claims: Value = serde_json::from_slice(&bytes).ok()?;
        let claims = claims.as_object()?;
        let text = |k: &str| claims.get(k).and_then(Value::as_str).map(str::to_owned);
        let time = |k: &str| {
            claims
                .get(k)
                .and_then(|v| v.as_i64().or_else(|| v.as_f64().map(|f| f as i64)))
        };
        let audience = match claims.get("aud") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Array(a)) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        };
        Some(Self {
            issuer: text("iss"),
            audience,
            subject: text("sub"),
            issued_at: time("iat"),
            expires_at: time("exp"),
            device: DEVICE_CLAIMS.iter().find_map(|k| text(k)),
        })
    }

    /// Seconds left at `now_unix` (negative once expired); `None` without `exp`.
    pub fn seconds_left(&self, now_unix: i64) -> Option<i64> {
        self.expires_at.map(|exp| exp - now_unix)
    }

    pub fn is_expired(&self, now_unix: i64) -> bool {
        self.seconds_left(now_unix).is_some_and(|s| s <= 0)
    }
}

/// "the access token expired 12 min ago" when `token` is a JWT past its `exp`.
pub fn expired_access_token(token: &str, now_unix: i64, lang: Lang) -> Option<String> {
    let insight = JwtInsight::decode(token)?;
    let left = insight.seconds_left(now_unix)?;
    (left <= 0).then(|| {
        let ago = human_duration(left.unsigned_abs(), lang);
        tr!(lang, "jwt-access-token-expired", ago = ago)
    })
}

/// `45 s`, `12 min`, `3 h 5 min`, `2 days`.
pub fn human_duration(secs: u64, lang: Lang) -> String {
    match secs {
        0..=59 => tr!(lang, "duration-seconds", seconds = secs),
        60..=3599 => tr!(lang, "duration-minutes", minutes = secs / 60),
        3600..=86_399 => tr!(
            lang,
            "duration-hours-minutes",
            hours = secs / 3600,
            minutes = secs % 3600 / 60
        ),
        _ => tr!(lang, "duration-days", days = secs / 86_400),
    }
}

/// The current time in Unix seconds.
pub fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jwt(claims: Value) -> String {
        let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
        format!("{}.{}.sig", part(&json!({"alg": "RS256"})), part(&claims))
    }

    #[test]
    fn decodes_the_claims_that_matter() {
        let t = jwt(
            json!({"iss": "https://tenant", "aud": ["app1", "app2"], "sub": "u1", "iat": 1000, "exp": 2800}),
        );
        let i = JwtInsight::decode(&t).expect("a JWT");
        assert_eq!(i.issuer.as_deref(), Some("https://tenant"));
        assert_eq!(i.audience.as_deref(), Some("app1, app2"));
        assert_eq!(i.issued_at, Some(1000));
        assert_eq!(i.seconds_left(1000), Some(1800));
        assert!(!i.is_expired(2799));
        assert!(i.is_expired(2800));
    }

    #[test]
    fn opaque_tokens_are_not_jwts() {
        assert_eq!(JwtInsight::decode("demo-access-token-7f3a9c41"), None);
        assert_eq!(JwtInsight::decode("a.b.c"), None);
        assert_eq!(JwtInsight::decode("a.b.c.d"), None);
    }
}
