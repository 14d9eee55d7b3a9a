//! API.md (1): an access token from the application's client credentials.

use secrecy::SecretString;
use serde_json::Value;

use super::exchange::{issued_credential, optional_secret, whole_seconds};
use super::request::ApiRequest;

pub const TOKEN_PATH: &str = "/api/v2/tenant/token";

#[derive(Debug, Clone)]
pub struct AccessTokenGrant {
    pub access_token: SecretString,
    /// Seconds the token lives, when the tenant says.
    pub expires_in: Option<u64>,
    pub id_token: Option<SecretString>,
}

pub fn parse_token_response(value: &Value) -> Result<AccessTokenGrant, String> {
    let access_token = issued_credential(value, "access_token")?;
    let expires_in = match value.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            whole_seconds(v)
                .ok_or_else(|| format!("\"expires_in\" is {v}, not a whole number of seconds"))?,
        ),
    };
    let id_token = optional_secret(value, "id_token");
    Ok(AccessTokenGrant {
        access_token,
        expires_in,
        id_token,
    })
}

pub fn token_api_request(client_id: &str, client_secret: &SecretString) -> ApiRequest {
    ApiRequest::form(TOKEN_PATH)
        .field("grant_type", "client_credentials")
        .field("client_id", client_id)
        .secret_field("client_secret", client_secret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;
    use serde_json::json;

    #[test]
    fn reads_the_documented_answer() {
        let answer = json!({
            "access_token": "at", "token_type": "Bearer", "expires_in": 1800, "scope": "all",
            "id_token": "a.b.c",
        });
        let g = parse_token_response(&answer).expect("ok");
        assert_eq!(g.access_token.expose_secret(), "at");
        assert_eq!(g.expires_in, Some(1800));
        assert!(g.id_token.is_some());
        assert!(parse_token_response(&json!({"token_type": "Bearer"})).is_err());
        assert!(
            parse_token_response(&json!({"access_token": "at", "expires_in": "soon"})).is_err()
        );
    }
}
