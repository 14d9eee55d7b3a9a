//! "Remember in keychain" in the window, against the in-memory keychain (the real Secret Service
//! is exercised by tests/keychain_secret_service.rs): per profile, only when asked, filled in
//! when the profile is chosen, "Forget" removes it, and never a secret in a file.

mod common;

use std::sync::Arc;

use common::demo;
use common::ui::{
    all_text, choose_profile, fill, kept_text, press, settle, shows, step_until, window_restored,
};
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::store::keychain::{Kept, MemoryKeychain};
use sso_diag::store::{Profile, ProfileFields, ProfileStore};
use sso_diag::ui::Launch;

const SIZE: [f32; 2] = [1100.0, 1500.0];

#[test]
fn a_remembered_secret_comes_back_with_its_profile_and_forget_removes_it() {
    let keychain = Arc::new(MemoryKeychain::default());
    sso_diag::store::keychain::use_backend(keychain.clone());
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let data = tempfile::tempdir().expect("data");
    ProfileStore {
        profiles: vec![
            Profile::new(
                "Mock",
                ProfileFields {
                    domain: tenant.url(),
                    client_id: demo::CLIENT_ID.into(),
                    ..ProfileFields::default()
                },
            ),
            Profile::new(
                "Other",
                ProfileFields {
                    domain: "other.example.com".into(),
                    ..ProfileFields::default()
                },
            ),
        ],
    }
    .write(data.path())
    .expect("store");
    let launch = || Launch {
        lang: Some(Lang::En),
        ..Launch::default()
    };
    let mut h = window_restored(launch(), SIZE, data.path());
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);
    // No profile yet: the box says why it cannot be ticked.
    step_until(&mut h, "the keychain probe", |h| {
        h.query_all_by_label("Remember in keychain")
            .next()
            .is_some_and(|n| n.accesskit_node().is_disabled())
    });

    choose_profile(&mut h, "Mock");
    fill(&mut h, "Client secret", demo::CLIENT_SECRET);
    h.query_all_by_label("Remember in keychain")
        .next()
        .expect("box")
        .click_accesskit();
    step_until(&mut h, "remembered", |h| {
        shows(h, "Client secret remembered in the keychain for \"Mock\"")
    });
    assert_eq!(
        sso_diag::store::keychain::recall("Mock", Kept::ClientSecret)
            .expect("recall")
            .map(|s| secrecy::ExposeSecret::expose_secret(&s).to_owned()),
        Some(demo::CLIENT_SECRET.to_owned())
    );
    // Another profile: its secret is not this one's.
    choose_profile(&mut h, "Other");
    assert_eq!(
        h.get_by_label("Client secret").value().unwrap_or_default(),
        ""
    );
    // Back: the secret is filled in from the keychain and works.
    choose_profile(&mut h, "Mock");
    step_until(&mut h, "the secret recalled", |h| {
        h.get_by_label("Client secret")
            .value()
            .is_some_and(|v| !v.is_empty())
    });
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Get token");
    step_until(&mut h, "the access token", |h| {
        shows(h, "Access token filled in")
    });

    // Nothing secret in any file the window keeps.
    h.state_mut().save_state();
    let kept = kept_text(data.path());
    assert!(!kept.contains(demo::CLIENT_SECRET), "{kept}");
    assert!(
        kept.contains("\"client_secret\": true"),
        "the flag is kept: {kept}"
    );

    press(&mut h, "Forget");
    step_until(&mut h, "forgotten", |h| {
        shows(h, "removed from the keychain")
    });
    assert!(
        keychain.secrets().is_empty(),
        "{:?}",
        keychain.secrets().len()
    );
    h.state_mut().save_state();
    assert!(!kept_text(data.path()).contains("\"client_secret\": true"));
    let _ = all_text(&h);
}
