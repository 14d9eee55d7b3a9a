//! The redactor at volume and in every encoding: a hundred thousand secrets leave the first ones
//! redacted; an answer can add only so many; and every secret, run through every form a tenant
//! plausibly echoes it in, comes out redacted.

#[path = "forms/every.rs"]
mod every;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use every::every_form;
use proptest::prelude::*;
use secrecy::SecretString;
use sso_diag::secret::{
    MAX_SECRETS_PER_ANSWER, redact, redact_tenant_text, register, register_answer_secrets,
};

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn assert_redacted(s: &str, name: &str) {
    for (what, form) in every_form(s) {
        for text in [
            format!("echo: {form} ."),
            format!("{{\"m\":\"{form}\"}}"),
            form.clone(),
        ] {
            let out = redact(&text);
            assert!(
                !out.contains(&form) && out.contains(&format!("[redacted {name}]")),
                "{s:?} as {what} ({form:?}) survived: {out:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Under 8 bytes: found by the automaton, not by an anchor. The `¤` keeps these short
    /// secrets out of the other tests' texts.
    #[test]
    fn every_short_secret_in_every_form_is_redacted(s in "¤[ -~]{3,5}") {
        register("password", &secret(&s));
        assert_redacted(&s, "password");
    }

    #[test]
    fn every_secret_in_every_form_is_redacted(
        s in "[ -~]{8,40}|[a-zA-Z0-9 +/=%&\\\\\"é张😀-]{8,24}",
    ) {
        register("access token", &secret(&s));
        assert_redacted(&s, "access token");
    }
}

#[test]
fn a_secret_inside_a_larger_encoded_blob_is_redacted() {
    let value = "embedded-client-secret-42";
    register("client secret", &secret(value));
    // HTTP Basic auth: base64 of `client_id:secret`, the secret at any alignment.
    for id in ["a", "ab", "abc", "demo-app"] {
        let basic = STANDARD.encode(format!("{id}:{value}"));
        let out = redact(&format!("Authorization: Basic {basic}"));
        assert!(
            out.contains("[redacted client secret]") && !out.contains(&basic),
            "{out}"
        );
    }
    // Mixed escapes in one echo, as a gateway's HTML page quoting a JSON body does.
    let mixed = "embedded&#45;client%2dsecret\\u002d42";
    assert_eq!(redact(mixed), "[redacted client secret]");
}

#[test]
fn a_hundred_thousand_secrets_leave_the_first_ones_redacted() {
    let first: Vec<String> = (0..20)
        .map(|i| format!("first-secret-{i:03}-kept-forever"))
        .collect();
    for s in &first {
        register("id_token", &secret(s));
    }
    for i in 0..100_000u32 {
        register(
            "id_token",
            &secret(&format!(
                "later-{i:06}-{:08x}",
                i.wrapping_mul(2_654_435_761)
            )),
        );
    }
    assert!(sso_diag::secret::registered() >= 100_020);
    for s in &first {
        assert_eq!(redact(&format!("[{s}]")), "[[redacted id_token]]");
        assert_eq!(redact(&URL_SAFE_NO_PAD.encode(s)), "[redacted id_token]");
    }
    assert_eq!(
        redact("later-099999-"),
        "later-099999-",
        "a prefix is not a secret"
    );
}

#[test]
fn an_answer_adds_a_bounded_number_of_secrets_and_displaces_none() {
    let real = "the-real-session-token-0001";
    register("session token", &secret(real));
    let flood: Vec<String> = (0..600)
        .map(|i| format!("flood-token-{i:04}-xyz"))
        .collect();
    let added = register_answer_secrets(flood.iter().map(|s| ("access token", s.as_str())));
    assert_eq!(added, MAX_SECRETS_PER_ANSWER);
    assert_eq!(redact_tenant_text(real), "[redacted session token]");
    assert_eq!(redact(&flood[0]), "[redacted access token]");
    assert_eq!(
        redact(&flood[599]),
        flood[599],
        "past the bound: not registered"
    );
}
