//! Property tests of the parsers that take what users paste and what tenants answer: whatever the
//! input, they return a value or a named error, never panic, and what they accept is safe to use.

use proptest::prelude::*;
use serde_json::Value;
use sso_diag::ciam::TenantUrl;
use sso_diag::ciam::exchange::parse_ticket_response;
use sso_diag::ciam::input::normalize_token;
use sso_diag::ciam::jwt::JwtInsight;
use sso_diag::ciam::login::parse_login_response;
use sso_diag::ciam::token::parse_token_response;
use sso_diag::ciam::verify::parse_user_info;

/// Any JSON value, a few levels deep, with keys the parsers look for among random ones.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("expire".to_owned()),
        Just("sso_ticket".to_owned()),
        Just("access_token".to_owned()),
        Just("expires_in".to_owned()),
        Just("session_token".to_owned()),
        Just("status".to_owned()),
        Just("data".to_owned()),
        Just("user".to_owned()),
        Just("code".to_owned()),
        Just("userName".to_owned()),
        Just("id".to_owned()),
        "[a-z]{1,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Text that looks a little like a domain, with everything people get wrong mixed in.
fn domain_like() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        concat!(
            "(https?://|ftp://|)?([a-z0-9-]{1,10}\\.){0,3}[a-z]{1,6}(:[0-9]{1,6})?",
            "(/[a-z]{0,5})?(\\?[a-z=]{0,5})?(#[a-z]{0,3})?"
        ),
        "(http://)?(127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|localhost|\\[::1\\])(:[0-9]{1,5})?/?",
        "[ \\t]*[a-z@:./\\u{202e}\\u{0}]{0,30}[ \\t\\n]*",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn tenant_url_accepts_only_safe_bases(input in domain_like()) {
        if let Ok(url) = TenantUrl::parse(&input) {
            let text = url.to_string();
            let plain_loopback = text.starts_with("http://") && url.is_loopback();
            prop_assert!(text.starts_with("https://") || plain_loopback, "{text}");
            let after_scheme = text.split_once("://").map(|(_, r)| r).unwrap_or_default();
            prop_assert!(!after_scheme.contains('/') && !after_scheme.contains('@'), "{text}");
            prop_assert!(!text.contains('?') && !text.contains('#'), "{text}");
            prop_assert!(!text.chars().any(char::is_whitespace));
            // What it prints parses back to itself.
            prop_assert_eq!(TenantUrl::parse(&text).map(|u| u.to_string()), Ok(text));
        }
    }

    #[test]
    fn response_parsers_never_panic(value in json_value()) {
        let _ = parse_ticket_response(&value);
        let _ = parse_token_response(&value);
        let _ = parse_login_response(&value);
        let _ = parse_user_info(&value);
    }

    #[test]
    fn a_parsed_ticket_is_usable(value in json_value()) {
        if let Ok(grant) = parse_ticket_response(&value) {
            prop_assert!(!grant.sso_ticket.trim().is_empty());
        }
    }

    #[test]
    fn bytes_from_the_wire_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
            let _ = parse_ticket_response(&value);
            let _ = parse_user_info(&value);
        }
        let _ = JwtInsight::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_normalized_token_has_no_space_or_control_character(raw in ".{0,60}") {
        if let Ok(token) = normalize_token("access token", &raw) {
            use secrecy::ExposeSecret;
            let t = token.expose_secret();
            prop_assert!(!t.is_empty());
            prop_assert!(!t.chars().any(|c| c.is_whitespace() || c.is_control()), "{t:?}");
        }
    }
}
