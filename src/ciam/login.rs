//! API.md (2): log a test user in, with the same device headers the exchange will use, for a
//! session token bound to that fingerprint.

use secrecy::SecretString;
use serde_json::Value;

use super::client::{ApiOutcome, Outcome};
use super::device_fields::{DeviceFields, default_agent};
use super::error::CiamError;
use super::exchange::{issued_credential, optional_secret, whole_seconds};
use super::request::ApiRequest;
use crate::secret::redact_tenant_text;

pub const LOGIN_PATH: &str = "/api/v2/sdk/login";

#[derive(Debug, Clone)]
pub struct LoginRequest {
    pub client_id: String,
    pub user_name: String,
    pub password: SecretString,
    pub tenant_id: Option<String>,
    pub device: DeviceFields,
    /// `X-L`: `en` or `zh`.
    pub language: String,
}

#[derive(Debug, Clone)]
pub struct LoginGrant {
    pub session_token: SecretString,
    pub expire: Option<u64>,
    pub id_token: Option<SecretString>,
    /// `PASSWORD_WARN`: logged in, but the password expires soon.
    pub warning: Option<String>,
}

/// Login statuses that log the user in (ERROR-CODES.md).
const LOGGED_IN: [&str; 2] = ["SUCCESS", "PASSWORD_WARN"];
/// Login statuses by which the tenant refuses to log the user in: no session token comes.
pub const REFUSING: [&str; 3] = ["MFA_AUTH", "PASSWORD_EXPIRED", "ACCESS_DENIED"];

pub fn parse_login_response(value: &Value) -> Result<LoginGrant, String> {
    let status = value.get("status").and_then(Value::as_str);
    if let Some(status) = status
        && !LOGGED_IN.contains(&status)
    {
        return Err(format!(
            "the login answered status \"{status}\", which is none of the documented ones \
                (SUCCESS, PASSWORD_WARN, MFA_AUTH, PASSWORD_EXPIRED, ACCESS_DENIED)"
        ));
    }
    let session_token = issued_credential(value, "session_token")?;
    let expire = value.get("expire").and_then(whole_seconds);
    let id_token = optional_secret(value, "id_token");
    Ok(LoginGrant {
        session_token,
        expire,
        id_token,
        warning: status.filter(|s| *s == "PASSWORD_WARN").map(str::to_owned),
    })
}

/// Reads a login's answer: a refusing status (a second factor needed, the password expired, a
/// policy) is the tenant's rejection, like a 4xx; anything else is parsed as a grant.
pub fn read_login(raw: ApiOutcome) -> Outcome<LoginGrant> {
    let refused = raw.result.as_ref().ok().and_then(|value| {
        let status = value.get("status").and_then(Value::as_str)?;
        REFUSING.contains(&status).then(|| {
            let message = ["message", "error_msg", "msg"]
                .iter()
                .find_map(|k| value.get(*k).and_then(Value::as_str))
                .map(redact_tenant_text)
                .unwrap_or_else(|| format!("the login answered status {status}"));
            (status.to_owned(), message)
        })
    });
    let Some((status, message)) = refused else {
        return raw.parse(parse_login_response);
    };
    let response = raw.record.response.as_ref();
    let error = CiamError::Rejected {
        status: response.map(|r| r.status).unwrap_or(200),
        code: Some(status),
        message: Some(message),
        body: response.map(|r| r.body.clone()).unwrap_or_default(),
    };
    Outcome {
        record: raw.record,
        result: Err(error),
    }
}

impl LoginRequest {
    pub fn to_api_request(&self) -> ApiRequest {
        let d = &self.device;
        let mut api = ApiRequest::json(LOGIN_PATH)
            .header("X-client-id", self.client_id.clone())
            .header("X-device-fingerprint", d.fingerprint.clone())
            .header("X-operating-sys-version", d.os_version.clone())
            // Required by the login; the exchange's agent is optional, so fall back to ours.
            .header(
                "X-agent",
                d.agent
                    .clone()
                    .unwrap_or_else(|| default_agent(&d.os_version)),
            )
            .header("X-device-ip", d.device_ip.clone())
            // The tenant's language for its messages; the report shows what was sent.
            .header("X-L", self.language.clone());
        if let Some(t) = &self.tenant_id {
            api = api.header("X-tenant-id", t.clone());
        }
        api.field("user_name", self.user_name.clone())
            .secret_field("password", &self.password)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_documented_answer_and_refuses_other_statuses() {
        let answer = json!({
            "status": "SUCCESS", "session_token": "st", "id_token": "a.b.c", "expire": 604800,
        });
        let g = parse_login_response(&answer).expect("ok");
        assert_eq!(g.expire, Some(604_800));
        let err = parse_login_response(&json!({"status": "MFA_REQUIRED"})).expect_err("mfa");
        assert!(err.contains("MFA_REQUIRED"), "{err}");
        let warn = json!({"status": "PASSWORD_WARN", "session_token": "st-warned-1"});
        let g = parse_login_response(&warn).expect("logged in, with a warning");
        assert_eq!(g.warning.as_deref(), Some("PASSWORD_WARN"));
        assert!(parse_login_response(&json!({"status": "SUCCESS"})).is_err());
    }
}
