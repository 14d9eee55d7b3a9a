//! API.md (3): exchange a session token for a one-time SSO ticket.

use secrecy::SecretString;
use serde_json::Value;

use super::device_fields::DeviceFields;
use super::request::ApiRequest;

pub const EXCHANGE_PATH: &str = "/api/v2/tenant/sso/session-token/sso-ticket";

/// Everything the exchange sends, already validated (see `ciam::input`). Its `Debug` shows no
/// token: they are `SecretString`s.
#[derive(Clone, Debug)]
pub struct ExchangeRequest {
    pub access_token: SecretString,
    pub session_token: SecretString,
    pub tenant_id: Option<String>,
    pub client_id: Option<String>,
    pub device: DeviceFields,
}

impl ExchangeRequest {
    pub fn to_api_request(&self) -> ApiRequest {
        let mut req = ApiRequest::sso(
            EXCHANGE_PATH,
            &self.access_token,
            self.tenant_id.as_ref(),
            ("session_token", &self.session_token),
            &self.device,
        );
        if let Some(client_id) = &self.client_id {
            req = req.field("client_id", client_id.clone());
        }
        req
    }
}

/// The tenant's answer: `{expire, sso_ticket}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketGrant {
    pub sso_ticket: String,
    pub expire_secs: u64,
}

/// Reads `{expire, sso_ticket}`; `expire` must be a non-negative whole number (`300.0` is fine),
/// `sso_ticket` a non-empty string.
pub fn parse_ticket_response(value: &Value) -> Result<TicketGrant, String> {
    let ticket = match value.get("sso_ticket") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => return Err("\"sso_ticket\" is empty".into()),
        Some(other) => {
            return Err(format!(
                "\"sso_ticket\" is {}, not a string",
                type_name(other)
            ));
        }
        None => return Err("no \"sso_ticket\" in the answer".into()),
    };
    let expire = match value.get("expire") {
        Some(v) => whole_seconds(v).ok_or_else(|| {
            format!("\"expire\" is {v}, not a non-negative whole number of seconds")
        })?,
        None => return Err("no \"expire\" in the answer".into()),
    };
    Ok(TicketGrant {
        sso_ticket: ticket,
        expire_secs: expire,
    })
}

/// `300`, `300.0` → 300; negative, fractional, huge, or not a number → `None`.
pub(crate) fn whole_seconds(value: &Value) -> Option<u64> {
    let n = value.as_number()?;
    if let Some(u) = n.as_u64() {
        return Some(u);
    }
    let f = n.as_f64()?;
    // 2^53: beyond it an f64 no longer holds whole numbers exactly.
    (f >= 0.0 && f.fract() == 0.0 && f < 9_007_199_254_740_992.0).then_some(f as u64)
}

/// A credential the tenant issued (`access_token`, `session_token`): a non-empty string that can
/// be sent back in a header or a body — no spaces, no control characters.
pub(crate) fn issued_credential(value: &Value, key: &str) -> Result<SecretString, String> {
    match value.get(key) {
        Some(Value::String(s)) if s.chars().any(|c| c.is_whitespace() || c.is_control()) => Err(
            format!("\"{key}\" contains spaces or control characters; it cannot be sent back"),
        ),
        Some(Value::String(s)) if !s.is_empty() => Ok(SecretString::from(s.clone())),
        Some(_) => Err(format!("\"{key}\" is not a non-empty string")),
        None => Err(format!("no \"{key}\" in the answer")),
    }
}

/// A non-empty string field as a secret (an id_token, say); `None` when absent or not a string.
pub(crate) fn optional_secret(value: &Value, key: &str) -> Option<SecretString> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(|s| SecretString::from(s.to_owned()))
}

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_the_documented_answer() {
        let g = parse_ticket_response(&json!({"expire": 300, "sso_ticket": "ssoTicket-abc"}))
            .expect("ok");
        assert_eq!(
            g,
            TicketGrant {
                sso_ticket: "ssoTicket-abc".into(),
                expire_secs: 300
            }
        );
        let g = parse_ticket_response(&json!({"expire": 300.0, "sso_ticket": "t"})).expect("ok");
        assert_eq!(g.expire_secs, 300);
        assert_eq!(
            parse_ticket_response(&json!({"expire": 0, "sso_ticket": "t"}))
                .expect("ok")
                .expire_secs,
            0
        );
    }

    #[test]
    fn refuses_anything_else_saying_what_is_wrong() {
        let cases = [
            (json!({"expire": 300}), "no \"sso_ticket\""),
            (json!({"sso_ticket": "t"}), "no \"expire\""),
            (
                json!({"expire": -1, "sso_ticket": "t"}),
                "not a non-negative whole number",
            ),
            (
                json!({"expire": 1.5, "sso_ticket": "t"}),
                "not a non-negative whole number",
            ),
            (
                json!({"expire": "300", "sso_ticket": "t"}),
                "not a non-negative whole number",
            ),
            (json!({"expire": 300, "sso_ticket": ""}), "is empty"),
            (
                json!({"expire": 300, "sso_ticket": 7}),
                "a number, not a string",
            ),
            (json!([1, 2]), "no \"sso_ticket\""),
        ];
        for (value, want) in cases {
            let err = parse_ticket_response(&value).expect_err("must refuse");
            assert!(err.contains(want), "{value}: {err}");
        }
    }
}
