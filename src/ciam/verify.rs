//! API.md (4): redeem a ticket for the user's attributes. Two documented answer shapes:
//! bccastle's flat `{id, userName, …}` and Huawei's `{code, message, data: {user: {…}}}`.

use secrecy::SecretString;
use serde_json::Value;

use super::device_fields::DeviceFields;
use super::request::ApiRequest;

pub const VERIFY_PATH: &str = "/api/v2/tenant/sso/sso-ticket/verify";

#[derive(Debug, Clone)]
pub struct VerifyRequest {
    pub access_token: SecretString,
    /// One-time, but a credential while it lives: masked in records, a variable in curl.
    pub sso_ticket: SecretString,
    pub tenant_id: Option<String>,
    pub device: DeviceFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserInfoShape {
    Flat,
    Envelope,
}

/// The user's attributes, sorted by name (which ones appear is tenant
/// configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    pub attributes: Vec<(String, String)>,
    pub shape: UserInfoShape,
}

impl UserInfo {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The name to show: `name`, else `userName`, else `id`.
    pub fn display_name(&self) -> Option<&str> {
        self.get("name")
            .or_else(|| self.get("userName"))
            .or_else(|| self.get("id"))
    }

    pub fn to_json(&self) -> Value {
        Value::Object(
            self.attributes
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        )
    }
}

pub fn parse_user_info(value: &Value) -> Result<UserInfo, String> {
    let (user, shape) = match value.get("data").and_then(|d| d.get("user")) {
        Some(user) => {
            if let Some(code) = value.get("code") {
                let ok = matches!(code, Value::String(s) if s == "0" || s == "200")
                    || matches!(code, Value::Number(n) if n.as_u64() == Some(0) || n.as_u64() == Some(200));
                if !ok {
                    let message = value.get("message").and_then(Value::as_str).unwrap_or("");
                    return Err(format!("the envelope says code {code}: {message}"));
                }
            }
            (user, UserInfoShape::Envelope)
        }
        None => (value, UserInfoShape::Flat),
    };
    let Some(object) = user.as_object() else {
        return Err("the user information is not an object".into());
    };
    let attributes: Vec<(String, String)> = object
        .iter()
        .filter_map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => return None,
                Value::Number(_) | Value::Bool(_) => v.to_string(),
                other => other.to_string(),
            };
            // Tenant text: an attribute may echo a secret the run has used.
            Some((k.clone(), crate::secret::redact_tenant_text(&text)))
        })
        .collect();
    if !attributes
        .iter()
        .any(|(k, _)| k == "id" || k == "userName" || k == "user_name")
    {
        return Err("no \"id\" or \"userName\" in the user information".into());
    }
    Ok(UserInfo { attributes, shape })
}

impl VerifyRequest {
    pub fn to_api_request(&self) -> ApiRequest {
        ApiRequest::sso(
            VERIFY_PATH,
            &self.access_token,
            self.tenant_id.as_ref(),
            ("sso_ticket", &self.sso_ticket),
            &self.device,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_both_documented_shapes() {
        let flat = json!({
            "id": "1", "userName": "zhang.wei", "name": "张伟", "mobile": null,
            "email": "z@example.com",
        });
        let flat = parse_user_info(&flat).expect("flat");
        assert_eq!(flat.shape, UserInfoShape::Flat);
        assert_eq!(flat.display_name(), Some("张伟"));
        assert_eq!(flat.get("mobile"), None);
        let env = json!({
            "code": "0", "message": "success",
            "data": {"user": {"userName": "zhang.wei", "id": "1"}},
        });
        let env = parse_user_info(&env).expect("envelope");
        assert_eq!(env.shape, UserInfoShape::Envelope);
        assert_eq!(env.display_name(), Some("zhang.wei"));
    }

    #[test]
    fn refuses_what_is_not_user_information() {
        assert!(
            parse_user_info(
                &json!({"code": "1001", "message": "bad", "data": {"user": {"id": "1"}}})
            )
            .is_err()
        );
        assert!(parse_user_info(&json!({"expire": 300})).is_err());
        assert!(parse_user_info(&json!([1])).is_err());
    }
}
