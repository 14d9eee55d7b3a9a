//! Checks on what a user typed or pasted, done before anything is sent, so a bad value is named
//! plainly instead of turning into a confusing answer from the tenant.

use crate::files::NamedFile;
use crate::msg;
use secrecy::SecretString;

use super::error::CiamError;

/// Far above any real token (JWTs with many claims stay under 8 KiB), far below a runaway paste.
pub const MAX_TOKEN_LEN: usize = 16 * 1024;
/// Real tokens are far longer; a shorter one is a mistake, and too short to redact safely.
pub const MIN_TOKEN_LEN: usize = 8;
/// Ordinary fields (ids, OS version, agent) are short; this only stops a runaway paste.
pub const MAX_FIELD_LEN: usize = 1024;

/// A pasted token as the tenant wants it: surrounding whitespace and quotes and a `Bearer ` prefix
/// removed; refused if empty, too long, or if it contains spaces or control characters.
pub fn normalize_token(field: &str, raw: &str) -> Result<SecretString, CiamError> {
    let token = strip_token_decoration(raw);
    if token.is_empty() {
        return Err(CiamError::invalid_input(field, msg!("input-empty")));
    }
    let chars = token.chars().count();
    if token.len() > MAX_TOKEN_LEN {
        return Err(CiamError::invalid_input(
            field,
            msg!("input-token-too-long", chars = chars, max = MAX_TOKEN_LEN),
        ));
    }
    if token
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(CiamError::invalid_input(field, msg!("input-token-spaces")));
    }
    if chars < MIN_TOKEN_LEN {
        return Err(CiamError::invalid_input(
            field,
            msg!("input-token-too-short", chars = chars, min = MIN_TOKEN_LEN),
        ));
    }
    Ok(SecretString::from(token.to_owned()))
}

/// What people paste around a token, removed: surrounding whitespace and quotes, a `Bearer ` prefix.
pub fn strip_token_decoration(raw: &str) -> &str {
    let mut token = raw.trim();
    for quote in ['"', '\''] {
        if token.len() >= 2 && token.starts_with(quote) && token.ends_with(quote) {
            token = token[1..token.len() - 1].trim();
        }
    }
    if token.len() > 7 && token.is_char_boundary(7) && token[..7].eq_ignore_ascii_case("bearer ") {
        token = token[7..].trim_start();
    }
    token
}

/// A required plain field: trimmed, not empty, no control characters, not absurdly long.
pub fn required_field(field: &str, raw: &str) -> Result<String, CiamError> {
    optional_field(field, raw)?.ok_or_else(|| CiamError::invalid_input(field, msg!("input-empty")))
}

/// An optional plain field: `None` when blank.
pub fn optional_field(field: &str, raw: &str) -> Result<Option<String>, CiamError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() > MAX_FIELD_LEN {
        return Err(CiamError::invalid_input(
            field,
            msg!(
                "input-field-too-long",
                chars = value.chars().count(),
                max = MAX_FIELD_LEN
            ),
        ));
    }
    if value.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Err(CiamError::invalid_input(
            field,
            msg!("input-field-controls"),
        ));
    }
    Ok(Some(value.to_owned()))
}

/// Direction overrides and zero-width characters: invisible in a text field, fatal in a header.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn tokens_are_cleaned_of_what_people_paste_around_them() {
        for raw in [
            "abc12345",
            "  abc12345\n",
            "Bearer abc12345",
            "bearer   abc12345",
            "\"abc12345\"",
            "'Bearer abc12345'",
        ] {
            let t = normalize_token("access token", raw).expect(raw);
            assert_eq!(t.expose_secret(), "abc12345", "{raw:?}");
        }
    }

    #[test]
    fn bad_tokens_are_refused_naming_the_field() {
        let cases = [
            ("", "empty"),
            ("   ", "empty"),
            ("\"\"", "empty"),
            ("abc 123", "spaces"),
            ("abc\u{0000}123", "spaces"),
            ("abc\u{202E}123", "invisible"),
        ];
        for (raw, want) in cases {
            let err = normalize_token("session token", raw)
                .expect_err(raw)
                .to_string();
            assert!(err.starts_with("session token: "), "{err}");
            assert!(err.contains(want), "{raw:?}: {err}");
        }
        let huge = "a".repeat(1024 * 1024);
        let err = normalize_token("session token", &huge)
            .expect_err("huge")
            .to_string();
        assert!(err.contains("1048576 characters"), "{err}");
    }

    #[test]
    fn plain_fields() {
        assert_eq!(
            required_field("device IP", " 10.0.0.1 ").expect("ok"),
            "10.0.0.1"
        );
        assert!(required_field("device IP", " ").is_err());
        assert_eq!(optional_field("X-tenant-id", "").expect("ok"), None);
        assert!(optional_field("X-tenant-id", "a\nb").is_err());
    }
}

/// The contents of a CA file the user named, read before anything is sent: a regular file of at
/// most [`NamedFile::CaFile`]'s cap (a FIFO or `/dev/zero` is refused at once).
pub fn read_ca_file(path: &std::path::Path) -> Result<Vec<u8>, CiamError> {
    crate::files::read_named(path, NamedFile::CaFile).map_err(|problem| {
        let path = path.display().to_string();
        CiamError::invalid_input(
            "CA file",
            msg!("input-unreadable", source = path, error = problem.message()),
        )
    })
}

/// A proxy setting as it may be used or stored: an `http://` or `https://` URL with a host and a
/// port that parse; `None` when blank. (Whether it may carry a user name is the caller's rule.)
pub fn proxy_url(raw: &str) -> Result<Option<url::Url>, CiamError> {
    let Some(text) = optional_field("proxy", raw)? else {
        return Ok(None);
    };
    let invalid = |why: crate::i18n::Message| CiamError::invalid_input("proxy", why);
    if !text.contains("://") {
        return Err(invalid(msg!("input-proxy-no-scheme")));
    }
    let url = url::Url::parse(&text)
        .map_err(|e| invalid(msg!("input-proxy-not-url", error = e.to_string())))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(msg!("input-proxy-scheme", scheme = url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) || url.port() == Some(0) {
        return Err(invalid(msg!("input-proxy-host-port")));
    }
    Ok(Some(url))
}

/// `proxy` without whatever stands before its last `@` (a user name and password), whether or
/// not it is a URL: `http://u:pw@[bad` → `http://[bad`, `u:pw@host:3128` → `host:3128`.
pub fn without_userinfo(proxy: &str) -> String {
    let (scheme, rest) = match proxy.find("://") {
        Some(at) => proxy.split_at(at + 3),
        None => ("", proxy),
    };
    match rest.rfind('@') {
        Some(at) => format!("{scheme}{}", &rest[at + 1..]),
        None => proxy.to_owned(),
    }
}

/// The device fields as the user left them (detected or overridden), checked before sending.
pub fn device_fields(
    os_version: &str,
    device_ip: &str,
    fingerprint: &str,
    agent: &str,
) -> Result<super::DeviceFields, CiamError> {
    let device_ip = required_field("device IP", device_ip)?;
    if device_ip.parse::<std::net::IpAddr>().is_err() {
        return Err(CiamError::invalid_input(
            "device IP",
            msg!("input-not-an-ip", value = device_ip.as_str()),
        ));
    }
    Ok(super::DeviceFields {
        os_version: required_field("OS version", os_version)?,
        device_ip,
        fingerprint: required_field("device fingerprint", fingerprint)?,
        agent: optional_field("agent", agent)?,
    })
}

#[cfg(test)]
mod device_tests {
    use super::*;

    #[test]
    fn a_proxy_must_parse_with_a_scheme_and_a_port() {
        for bad in [
            "http://u:hunter2@[bad",
            "u:pw@host:3128",
            "proxy.example.com:3128",
            "http://proxy:99999",
            "http://proxy:0",
            "socks5://proxy:1080",
        ] {
            assert!(proxy_url(bad).is_err(), "{bad}");
        }
        let url = proxy_url(" http://proxy.example.com:3128 ")
            .expect("ok")
            .expect("set");
        assert_eq!(url.port(), Some(3128));
        assert_eq!(proxy_url("").expect("blank"), None);
    }

    #[test]
    fn userinfo_is_removed_whether_or_not_it_parses() {
        let cases = [
            ("http://u:hunter2@[bad", "http://[bad"),
            ("u:hunter2@host:3128", "host:3128"),
            ("http://u:pa/ss@w@host:8080", "http://host:8080"),
            ("http://proxy:8080", "http://proxy:8080"),
            ("", ""),
        ];
        for (proxy, want) in cases {
            assert_eq!(without_userinfo(proxy), want, "{proxy}");
        }
    }

    #[test]
    fn device_fields_are_checked_by_name() {
        assert!(device_fields("ubuntu24.04", "10.1.2.3", "fp", "").is_ok());
        let err = device_fields("ubuntu24.04", "10.1.2", "fp", "").expect_err("bad ip");
        assert!(err.to_string().starts_with("device IP: "), "{err}");
        let err = device_fields("", "10.1.2.3", "fp", "").expect_err("blank os");
        assert!(err.to_string().starts_with("OS version: "), "{err}");
        let err = device_fields("x", "::1", " ", "").expect_err("blank fp");
        assert!(err.to_string().starts_with("device fingerprint: "), "{err}");
    }
}
