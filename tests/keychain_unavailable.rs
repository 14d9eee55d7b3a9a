//! A machine without a keychain (headless Linux, no Secret Service on the session bus): the
//! window's box is disabled with the reason, the command line refuses with it, and nothing is
//! written anywhere.

mod common;

use std::time::{Duration, Instant};

use common::ui::{all_text, fill, kept_text, press, settle, shows, step_until, window_restored};
use common::{sso_diag, stderr};
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::env_vars;
use sso_diag::i18n::Lang;
use sso_diag::store::{Profile, ProfileFields, ProfileStore};
use sso_diag::ui::Launch;

const NO_BUS: &str = "unix:path=/nonexistent/sso-diag-test-bus";

#[test]
fn without_a_keychain_nothing_is_remembered_and_the_reason_is_shown() {
    // SAFETY: the only test of this binary, before any thread is started.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", NO_BUS) };
    let data = tempfile::tempdir().expect("data");
    ProfileStore {
        profiles: vec![Profile::new(
            "p",
            ProfileFields {
                domain: "p.example.com".into(),
                ..ProfileFields::default()
            },
        )],
    }
    .write(data.path())
    .expect("store");

    let started = Instant::now();
    let out = sso_diag()
        .env(env_vars::DATA_DIR, data.path())
        .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
        .env(env_vars::CLIENT_SECRET, "secret-with-nowhere-to-go")
        .args(["profile", "remember", "p", "client-secret"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("keychain cannot be used"),
        "{}",
        stderr(&out)
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "it does not hang"
    );

    let launch = Launch {
        lang: Some(Lang::En),
        profile: Some("p".into()),
        ..Launch::default()
    };
    let mut h = window_restored(launch, [1100.0, 1500.0], data.path());
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);
    fill(&mut h, "Client secret", "secret-with-nowhere-to-go");
    step_until(&mut h, "the keychain probe", |h| {
        shows(h, "No keychain on this computer")
    });
    let boxes: Vec<_> = h.query_all_by_label("Remember in keychain").collect();
    assert_eq!(boxes.len(), 2, "{}", all_text(&h));
    assert!(boxes.iter().all(|b| b.accesskit_node().is_disabled()));
    h.query_all_by_label("Remember in keychain")
        .next()
        .expect("box")
        .click_accesskit();
    settle(&mut h);
    h.state_mut().save_state();
    assert!(!kept_text(data.path()).contains("secret-with-nowhere-to-go"));
    let store = ProfileStore::read(data.path()).expect("store");
    assert!(!store.get("p").expect("p").remembered.client_secret);
}
