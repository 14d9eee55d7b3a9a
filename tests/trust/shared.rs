//! What the trust tests share: the secrets they hand sso-diag, every form a secret travels in,
//! and tenants on 127.0.0.1 that answer as a test tells them.

use std::io::Write;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

use super::common::{self, RawServer, http_response};

/// A token with the characters JSON and URLs escape.
pub const ACCESS: &str = "trust/access\"token\\with+odd=chars-1";
pub const SESSION: &str = "trust-session-token-2222";
pub const CLIENT_SECRET: &str = "trust-client-secret-3333";
/// Shorter than any token: still redacted in what the tenant sends.
pub const PASSWORD: &str = "p7!";
pub const ISSUED_ACCESS: &str = "issued-access-token-4444";
pub const ISSUED_SESSION: &str = "issued-session-token-5555";
pub const ISSUED_ID: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0cnVzdCJ9.issued-id-6666";
pub const TICKET: &str = "ssoTicket-trust-7777";

/// Every form a secret can travel in: what no output may contain.
pub fn forms(secret: &str) -> Vec<String> {
    let json = serde_json::to_string(secret).expect("json");
    let json = json.trim_matches('"').to_owned();
    let url: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let mut all = vec![
        secret.to_owned(),
        json.replace('/', "\\/"),
        json,
        url.replace('+', "%20"),
        url,
        STANDARD.encode(secret),
        URL_SAFE_NO_PAD.encode(secret),
    ];
    all.sort();
    all.dedup();
    all
}

pub fn assert_free_of(what: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        for form in forms(secret) {
            assert!(
                !text.contains(&form),
                "{secret:?} (as {form:?}) in {what}:\n{text}"
            );
        }
    }
}

/// `\u0074\u0072…`: every character escaped, as some JSON encoders write non-ASCII (and a hostile
/// tenant may write everything).
pub fn unicode_escaped(s: &str) -> String {
    s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect()
}

/// The request line's path.
pub fn path_of(request: &[u8]) -> String {
    let text = String::from_utf8_lossy(request);
    text.split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

pub fn json_answer(status: &str, body: &str) -> Vec<u8> {
    http_response(status, &[("Content-Type", "application/json")], body)
}

/// A tenant that answers each path with `answer(path)`.
pub fn tenant(answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static) -> RawServer {
    RawServer::start_with(Arc::new(move |request, stream| {
        let _ = stream.write_all(&answer(&path_of(request)));
    }))
}

pub fn exchange_with(domain: &str, args: &[&str]) -> std::process::Output {
    common::exchange(domain, ACCESS, SESSION, args)
}
