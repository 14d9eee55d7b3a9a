//! API.md (2): log a test user in, with the same device headers the exchange will use, for a
//! session token bound to that fingerprint.

use secrecy::SecretString;
use serde_json::Value;

use super::client::{Outcome, TenantClient};
use super::device_fields::{DeviceFields, default_agent};
use super::exchange::{issued_credential, optional_secret, whole_seconds};
use super::request::ApiRequest;

pub const LOGIN_PATH: &str = "/api/v2/sdk/login";

#[derive(Debug, Clone)]
pub struct LoginRequest {
    pub client_id: String,
    pub user_name: String,
    pub password: SecretString,
    pub tenant_id: Option<String>,
    pub device: DeviceFields,
}

#[derive(Debug, Clone)]
pub struct LoginGrant {
    pub session_token: SecretString,
    pub expire: Option<u64>,
    pub id_token: Option<SecretString>,
}

pub fn parse_login_response(value: &Value) -> Result<LoginGrant, String> {
    if let Some(status) = value.get("status").and_then(Value::as_str)
        && status != "SUCCESS"
    {
        return Err(format!(
            "the login answered status \"{status}\", not SUCCESS (more steps, such as a second \
                factor, are not supported)"
        ));
    }
    let session_token = issued_credential(value, "session_token")?;
    let expire = value.get("expire").and_then(whole_seconds);
    let id_token = optional_secret(value, "id_token");
    Ok(LoginGrant {
        session_token,
        expire,
        id_token,
    })
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
            .header("X-device-ip", d.device_ip.clone());
        if let Some(t) = &self.tenant_id {
            api = api.header("X-tenant-id", t.clone());
        }
        api.field("user_name", self.user_name.clone())
            .secret_field("password", &self.password)
    }
}

pub async fn login(client: &TenantClient, request: &LoginRequest) -> Outcome<LoginGrant> {
    // The new tokens in the answer are already hidden in the record (client::hide_credentials).
    client
        .post(&request.to_api_request())
        .await
        .parse(parse_login_response)
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
        assert!(parse_login_response(&json!({"status": "SUCCESS"})).is_err());
    }
}
