//! What the HTTP stack's errors mean: a proxy setting checked before anything is sent, hyper's
//! parse errors told apart (an answer that is not HTTP), and an error's whole chain in one line.

use super::error::CiamError;
use crate::i18n::Message;
use crate::msg;

/// The server answered, but not with HTTP a client can read (hyper's parse errors): a wrong port,
/// another protocol, or an answer with absurd headers.
pub(super) fn is_protocol_error(lower: &str) -> bool {
    [
        "invalid http version parsed",
        "invalid http status-code parsed",
        "invalid http header parsed",
        "message head is too large",
        "received unexpected message from connection",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// An explicit proxy, checked before anything is sent: only `http://` and `https://` proxies
/// (what corporate networks run) are supported.
pub(super) fn proxy_setting(text: &str) -> Result<reqwest::Proxy, CiamError> {
    let invalid = |why: Message| CiamError::invalid_input("proxy", why);
    let not_a_url = |e: String| invalid(msg!("input-proxy-not-url", error = e));
    let url = url::Url::parse(text).map_err(|e| not_a_url(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(msg!("input-proxy-scheme", scheme = url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) || url.port() == Some(0) {
        return Err(invalid(msg!("input-proxy-host-port")));
    }
    reqwest::Proxy::all(url.as_str()).map_err(|e| not_a_url(e.to_string()))
}

/// The error and all its causes in one line: reqwest's own message is often just
/// "error sending request"; the cause says refused, DNS or which certificate problem.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}
