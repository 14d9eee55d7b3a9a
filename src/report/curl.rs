//! "Copy as curl": a request as a POSIX-shell `curl` command that reproduces it, with every secret
//! replaced by an environment variable (`$SSO_DIAG_ACCESS_TOKEN` …), so it can be pasted into an
//! escalation as it is.

use serde_json::Value;

use crate::ciam::TenantUrl;
use crate::ciam::request::{ApiRequest, BodyKind, FieldValue};
use crate::ciam::wire::{FORM_CONTENT_TYPE, JSON_CONTENT_TYPE};

use crate::env_vars::{self, for_field as variable_for};

/// `'text'` for the shell: single quotes, with each `'` written as `'\''`.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

pub fn curl_command(base: &TenantUrl, request: &ApiRequest) -> String {
    let mut lines = vec![format!(
        "curl -sS -X {} {}",
        request.method(),
        quote(base.endpoint(request.path).as_str())
    )];
    let content_type = match request.body_kind {
        BodyKind::Json => Some(JSON_CONTENT_TYPE),
        BodyKind::Form => Some(FORM_CONTENT_TYPE),
        BodyKind::None => None,
    };
    if let Some(content_type) = content_type {
        lines.push(format!(
            "-H {}",
            quote(&format!("Content-Type: {content_type}"))
        ));
        lines.push(format!("-H {}", quote("Accept: application/json")));
    }
    if request.bearer.is_some() {
        lines.push(format!(
            "-H \"Authorization: Bearer ${}\"",
            env_vars::ACCESS_TOKEN
        ));
    }
    for (name, value) in &request.headers {
        lines.push(format!("-H {}", quote(&format!("{name}: {value}"))));
    }
    match request.body_kind {
        BodyKind::None => {}
        BodyKind::Json => lines.push(format!("--data-raw {}", json_body(request))),
        BodyKind::Form => {
            for (name, value) in &request.fields {
                match value {
                    FieldValue::Plain(v) => lines.push(format!(
                        "--data-urlencode {}",
                        quote(&format!("{name}={v}"))
                    )),
                    FieldValue::Secret(_) => {
                        lines.push(format!(
                            "--data-urlencode \"{name}=${}\"",
                            variable_for(name)
                        ));
                    }
                }
            }
        }
    }
    lines.join(" \\\n  ")
}

/// The JSON body in single quotes, each secret spliced in as `'"$VARIABLE"'`.
fn json_body(request: &ApiRequest) -> String {
    // Placeholders that cannot occur in JSON text a tenant field would produce.
    let marker = |name: &str| format!("\u{1}{}\u{1}", variable_for(name));
    let map: serde_json::Map<String, Value> = request
        .fields
        .iter()
        .map(|(k, v)| {
            let value = match v {
                FieldValue::Plain(s) => s.clone(),
                FieldValue::Secret(_) => marker(k),
            };
            ((*k).to_owned(), Value::String(value))
        })
        .collect();
    let mut text = quote(&Value::Object(map).to_string());
    for (name, value) in &request.fields {
        if let FieldValue::Secret(_) = value {
            // serde_json writes U+0001 as \u0001.
            let escaped = format!("\\u0001{}\\u0001", variable_for(name));
            text = text.replace(&escaped, &format!("'\"${}\"'", variable_for(name)));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn secrets_become_variables_and_the_rest_is_quoted() {
        let base = TenantUrl::parse("tenant.example.com").expect("url");
        let req = ApiRequest::json("/api/v2/tenant/sso/session-token/sso-ticket")
            .bearer(&secret("real-access-token"))
            .header("X-tenant-id", "it's-7")
            .secret_field("session_token", &secret("real-session-token"))
            .field("device_ip", "10.0.0.2");
        let cmd = curl_command(&base, &req);
        assert!(
            !cmd.contains("real-access-token") && !cmd.contains("real-session-token"),
            "{cmd}"
        );
        assert!(
            cmd.contains("\"Authorization: Bearer $SSO_DIAG_ACCESS_TOKEN\""),
            "{cmd}"
        );
        assert!(cmd.contains(r"-H 'X-tenant-id: it'\''s-7'"), "{cmd}");
        let body = concat!(
            r#"--data-raw '{"device_ip":"10.0.0.2","#,
            r#""session_token":"'"$SSO_DIAG_SESSION_TOKEN"'"}'"#
        );
        assert!(cmd.contains(body), "{cmd}");
        assert!(cmd.starts_with(
            "curl -sS -X POST \
            'https://tenant.example.com/api/v2/tenant/sso/session-token/sso-ticket'"
        ));
    }

    #[test]
    fn form_secrets_are_urlencoded_from_variables() {
        let base = TenantUrl::parse("tenant.example.com").expect("url");
        let req = ApiRequest::form("/api/v2/tenant/token")
            .field("grant_type", "client_credentials")
            .field("client_id", "app")
            .secret_field("client_secret", &secret("s3cr3t"));
        let cmd = curl_command(&base, &req);
        assert!(!cmd.contains("s3cr3t"));
        assert!(
            cmd.contains("--data-urlencode \"client_secret=$SSO_DIAG_CLIENT_SECRET\""),
            "{cmd}"
        );
        assert!(
            cmd.contains("--data-urlencode 'grant_type=client_credentials'"),
            "{cmd}"
        );
    }
}
