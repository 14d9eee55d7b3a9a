//! The tenant's base URL, parsed from whatever a user pastes into "domain".
//!
//! Refuses anything that could send a bearer token somewhere unexpected: a path or query (the API
//! paths are ours to add), user-info, a scheme other than http/https, and plain http to any host
//! that is not this machine.

use crate::i18n::Message;
use crate::msg;
use std::fmt;
use std::net::IpAddr;

use url::{Host, Url};

/// A validated `scheme://host[:port]` with no path, query or fragment.
#[derive(Clone, PartialEq, Eq)]
pub struct TenantUrl {
    url: Url,
}

/// Why a domain was refused; the message names the problem in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantUrlError {
    Empty,
    BadCharacter,
    UnsupportedScheme(String),
    InsecureHttp(String),
    UserInfo,
    Path(String),
    Query(String),
    Fragment(String),
    PortZero,
    LabelTooLong(String),
    NameTooLong,
    NoHost,
    Invalid(String),
}

impl TenantUrlError {
    /// What is wrong, in the reader's language when shown.
    pub fn message(&self) -> Message {
        match self {
            TenantUrlError::Empty => msg!("domain-empty"),
            TenantUrlError::BadCharacter => msg!("domain-bad-character"),
            TenantUrlError::UnsupportedScheme(s) => msg!("domain-scheme", scheme = s.as_str()),
            TenantUrlError::InsecureHttp(host) => {
                msg!("domain-insecure-http", host = host.as_str())
            }
            TenantUrlError::UserInfo => msg!("domain-user-info"),
            TenantUrlError::Path(p) => msg!("domain-path", path = p.as_str()),
            TenantUrlError::Query(q) => msg!("domain-query", query = q.as_str()),
            TenantUrlError::Fragment(f) => msg!("domain-fragment", fragment = f.as_str()),
            TenantUrlError::PortZero => msg!("domain-port-zero"),
            TenantUrlError::LabelTooLong(label) => {
                msg!("domain-label-too-long", label = label.as_str())
            }
            TenantUrlError::NameTooLong => msg!("domain-too-long"),
            TenantUrlError::NoHost => msg!("domain-no-host"),
            TenantUrlError::Invalid(why) => msg!("domain-invalid", why = why.as_str()),
        }
    }
}

/// English, for logs and tests.
impl std::fmt::Display for TenantUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for TenantUrlError {}

impl TenantUrl {
    pub fn parse(input: &str) -> Result<Self, TenantUrlError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(TenantUrlError::Empty);
        }
        if trimmed
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c))
        {
            return Err(TenantUrlError::BadCharacter);
        }
        let with_scheme = match trimmed.split_once("://") {
            Some((scheme, _)) => {
                let scheme = scheme.to_ascii_lowercase();
                if scheme != "http" && scheme != "https" {
                    return Err(TenantUrlError::UnsupportedScheme(scheme));
                }
                trimmed.to_owned()
            }
            None => {
                // `mailto:x` or `javascript:x` have a scheme but no `//`; `host:8443` does not.
                if let Some((maybe_scheme, rest)) = trimmed.split_once(':')
                    && !maybe_scheme.is_empty()
                    && !rest.is_empty()
                    && !rest.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && maybe_scheme.chars().all(|c| c.is_ascii_alphabetic())
                {
                    return Err(TenantUrlError::UnsupportedScheme(
                        maybe_scheme.to_ascii_lowercase(),
                    ));
                }
                format!("https://{trimmed}")
            }
        };
        let url = Url::parse(&with_scheme).map_err(|e| TenantUrlError::Invalid(e.to_string()))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(TenantUrlError::UserInfo);
        }
        if url.path() != "/" && !url.path().is_empty() {
            return Err(TenantUrlError::Path(url.path().to_owned()));
        }
        if let Some(q) = url.query() {
            return Err(TenantUrlError::Query(q.to_owned()));
        }
        if let Some(f) = url.fragment() {
            return Err(TenantUrlError::Fragment(f.to_owned()));
        }
        let host = url.host().ok_or(TenantUrlError::NoHost)?;
        if url.port() == Some(0) {
            return Err(TenantUrlError::PortZero);
        }
        if let Host::Domain(name) = &host {
            // DNS limits (RFC 1035): refused here, before a resolver gives a confusing answer.
            let name = name.trim_end_matches('.');
            if name.len() > 253 {
                return Err(TenantUrlError::NameTooLong);
            }
            if let Some(label) = name.split('.').find(|l| l.len() > 63) {
                let shown: String = label.chars().take(20).collect();
                return Err(TenantUrlError::LabelTooLong(format!("{shown}…")));
            }
        }
        if url.scheme() == "http" && !is_loopback(&host) {
            return Err(TenantUrlError::InsecureHttp(
                url.host_str().unwrap_or_default().to_owned(),
            ));
        }
        Ok(Self { url })
    }

    /// The URL of an API path on this tenant, e.g. `/api/v2/tenant/token`.
    pub fn endpoint(&self, path: &str) -> Url {
        let mut url = self.url.clone();
        url.set_path(path);
        url
    }

    /// The host name or address, without brackets for IPv6.
    pub fn host(&self) -> String {
        match self.url.host() {
            Some(Host::Ipv6(a)) => a.to_string(),
            Some(h) => h.to_string(),
            None => String::new(),
        }
    }

    pub fn port(&self) -> u16 {
        self.url.port_or_known_default().unwrap_or(443)
    }

    pub fn is_https(&self) -> bool {
        self.url.scheme() == "https"
    }

    pub fn is_loopback(&self) -> bool {
        self.url.host().is_some_and(|h| is_loopback(&h))
    }
}

/// Right-to-left and other direction overrides can make a pasted domain read differently from what
/// it is (CVE-2021-42574 "Trojan Source"); they are never part of a host name.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(a) => IpAddr::V4(*a).is_loopback(),
        Host::Ipv6(a) => IpAddr::V6(*a).is_loopback(),
    }
}

impl fmt::Display for TenantUrl {
    /// `https://tenant.example.com` — no trailing slash.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.url.as_str().trim_end_matches('/'))
    }
}

impl fmt::Debug for TenantUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TenantUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_paste() {
        let table = [
            ("tenant.example.com", "https://tenant.example.com"),
            ("  tenant.example.com \n", "https://tenant.example.com"),
            ("tenant.example.com/", "https://tenant.example.com"),
            ("tenant.example.com:8443", "https://tenant.example.com:8443"),
            ("https://tenant.example.com", "https://tenant.example.com"),
            ("HTTPS://Tenant.Example.com/", "https://tenant.example.com"),
            (
                "https://tenant.example.com:443",
                "https://tenant.example.com",
            ),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.9.9.9", "http://127.9.9.9"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("http://[::1]:3000", "http://[::1]:3000"),
            ("127.0.0.1:8443", "https://127.0.0.1:8443"),
        ];
        for (input, want) in table {
            let got = TenantUrl::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(got.to_string(), want, "input {input:?}");
        }
    }

    #[test]
    fn refuses_with_a_message_that_names_the_problem() {
        let long_label = format!("{}.example.com", "a".repeat(64));
        let long_name = format!("{}com", "abcdefgh.".repeat(29));
        let table = [
            ("", "empty"),
            ("   ", "empty"),
            ("tenant.example.com/api/v2", "without a path"),
            ("https://tenant.example.com/login", "without a path"),
            ("tenant.example.com?x=1", "without a query"),
            ("tenant.example.com/#frag", "without a fragment"),
            ("https://user:pw@tenant.example.com", "user name/password"),
            ("user@tenant.example.com", "user name/password"),
            ("ftp://tenant.example.com", "not ftp://"),
            ("javascript:alert(1)", "not javascript://"),
            ("file:///etc/passwd", "not file://"),
            ("http://tenant.example.com", "unencrypted"),
            ("http://10.0.0.5", "unencrypted"),
            ("tenant .example.com", "space or a control character"),
            ("tenant\u{0007}.example.com", "space or a control character"),
            ("tenant\u{202E}moc.example", "space or a control character"),
            ("https://", "not a valid domain"),
            ("tenant.example.com:0", "port 0"),
            (long_label.as_str(), "63 characters"),
            (long_name.as_str(), "253 characters"),
        ];
        for (input, want) in table {
            let err = TenantUrl::parse(input).expect_err(input).to_string();
            assert!(err.contains(want), "{input:?}: got {err:?}, want {want:?}");
        }
    }

    #[test]
    fn builds_endpoint_urls_on_the_base() {
        let t = TenantUrl::parse("tenant.example.com:8443").expect("valid");
        assert_eq!(
            t.endpoint("/api/v2/tenant/sso/session-token/sso-ticket")
                .as_str(),
            "https://tenant.example.com:8443/api/v2/tenant/sso/session-token/sso-ticket"
        );
        assert_eq!(t.host(), "tenant.example.com");
        assert_eq!(t.port(), 8443);
        assert!(!t.is_loopback());
    }

    #[test]
    fn ipv6_loopback_host_is_unbracketed() {
        let t = TenantUrl::parse("http://[::1]:9").expect("valid");
        assert_eq!(t.host(), "::1");
        assert!(t.is_loopback());
    }
}
