//! What the HTTP stack's errors mean: a proxy setting checked before anything is sent, hyper's
//! parse errors told apart (an answer that is not HTTP), and an error's whole chain in one line.

use super::error::CiamError;

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
    let invalid = |why: String| CiamError::invalid_input("proxy", why);
    let url = url::Url::parse(text).map_err(|e| {
        invalid(format!(
            "not a proxy URL like http://proxy.example.com:8080 ({e})"
        ))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(format!(
            "{}:// proxies are not supported; give an http:// or https:// proxy",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) || url.port() == Some(0) {
        return Err(invalid(
            "give the proxy's host and port, like http://proxy.example.com:8080".into(),
        ));
    }
    reqwest::Proxy::all(url.as_str()).map_err(|e| {
        invalid(format!(
            "not a proxy URL like http://proxy.example.com:8080 ({e})"
        ))
    })
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
