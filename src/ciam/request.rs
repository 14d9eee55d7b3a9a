//! One call to the tenant described without HTTP machinery: path, bearer, headers and body
//! fields, with the secret ones marked, so the client can mask them in the evidence and the curl
//! export can write them as variables.

use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::device_fields::DeviceFields;
use crate::secret::{masked, register};

/// A body field's value: secrets are masked in the record and redacted from the response.
#[derive(Clone)]
pub enum FieldValue {
    Plain(String),
    Secret(SecretString),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Form,
    /// A `GET` (watch mode's reachability probe): no body, no content type.
    None,
}

/// One call to the tenant, described without HTTP machinery.
#[derive(Clone)]
pub struct ApiRequest {
    pub path: &'static str,
    pub bearer: Option<SecretString>,
    /// Extra headers; their values are not secret.
    pub headers: Vec<(&'static str, String)>,
    pub body_kind: BodyKind,
    pub fields: Vec<(&'static str, FieldValue)>,
}

impl ApiRequest {
    pub fn json(path: &'static str) -> Self {
        Self {
            path,
            bearer: None,
            headers: Vec::new(),
            body_kind: BodyKind::Json,
            fields: Vec::new(),
        }
    }

    pub fn form(path: &'static str) -> Self {
        Self {
            body_kind: BodyKind::Form,
            ..Self::json(path)
        }
    }

    /// `GET path`, with nothing to send.
    pub fn get(path: &'static str) -> Self {
        Self {
            body_kind: BodyKind::None,
            ..Self::json(path)
        }
    }

    /// `GET` or `POST`.
    pub fn method(&self) -> &'static str {
        match self.body_kind {
            BodyKind::None => "GET",
            BodyKind::Json | BodyKind::Form => "POST",
        }
    }

    /// The shape the SSO calls (API.md (3)–(5)) share: Bearer, optional `X-tenant-id`, one
    /// credential field, then the device fields.
    pub fn sso(
        path: &'static str,
        access_token: &SecretString,
        tenant_id: Option<&String>,
        credential: (&'static str, &SecretString),
        device: &DeviceFields,
    ) -> Self {
        let mut api = Self::json(path).bearer(access_token);
        if let Some(t) = tenant_id {
            api = api.header("X-tenant-id", t.clone());
        }
        api = api
            .secret_field(credential.0, credential.1)
            .field("operating_sys_version", device.os_version.clone())
            .field("device_ip", device.device_ip.clone())
            .field("device_fingerprint", device.fingerprint.clone());
        if let Some(agent) = &device.agent {
            api = api.field("agent", agent.clone());
        }
        api
    }

    pub fn bearer(mut self, token: &SecretString) -> Self {
        self.bearer = Some(token.clone());
        self
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn field(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.fields.push((name, FieldValue::Plain(value.into())));
        self
    }

    pub fn secret_field(mut self, name: &'static str, value: &SecretString) -> Self {
        self.fields.push((name, FieldValue::Secret(value.clone())));
        self
    }

    /// A plain (not secret) body field's value, e.g. `user_name`.
    pub fn plain_field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find_map(|(k, v)| match v {
            FieldValue::Plain(s) if *k == name => Some(s.as_str()),
            _ => None,
        })
    }

    /// A secret body field's value, e.g. the `session_token` a refresh sends.
    pub fn secret_value(&self, name: &str) -> Option<&SecretString> {
        self.fields.iter().find_map(|(k, v)| match v {
            FieldValue::Secret(s) if *k == name => Some(s),
            _ => None,
        })
    }

    /// An extra header's value, e.g. `X-device-fingerprint`.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Remembers every secret in this request process-wide, so no sink can print it.
    pub fn register_secrets(&self) {
        if let Some(b) = &self.bearer {
            register("access token", b);
        }
        for (name, value) in &self.fields {
            if let FieldValue::Secret(s) = value {
                register(secret_name(name), s);
            }
        }
    }

    /// The body as sent (`reveal`) or as shown (secrets masked).
    pub fn body(&self, reveal: bool) -> String {
        let value_of = |v: &FieldValue| match v {
            FieldValue::Plain(s) => s.clone(),
            FieldValue::Secret(s) if reveal => s.expose_secret().to_owned(),
            FieldValue::Secret(s) => masked(s),
        };
        match self.body_kind {
            BodyKind::Json => {
                let map: serde_json::Map<String, Value> = self
                    .fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), Value::String(value_of(v))))
                    .collect();
                if reveal {
                    Value::Object(map).to_string()
                } else {
                    serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default()
                }
            }
            BodyKind::Form if reveal => {
                let mut form = url::form_urlencoded::Serializer::new(String::new());
                for (k, v) in &self.fields {
                    form.append_pair(k, &value_of(v));
                }
                form.finish()
            }
            BodyKind::None => String::new(),
            // Shown decoded, one field a line: the encoded mask would be unreadable.
            BodyKind::Form => self
                .fields
                .iter()
                .map(|(k, v)| format!("{k}={}", value_of(v)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// `session_token` → `session token`, the name used in `[redacted …]`.
fn secret_name(field: &str) -> &'static str {
    match field {
        "session_token" => "session token",
        "client_secret" => "client secret",
        "password" => "password",
        "sso_ticket" => "ticket",
        _ => "secret",
    }
}
