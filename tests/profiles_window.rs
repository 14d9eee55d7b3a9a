//! Tenant profiles in the window: switching changes every field a profile holds and nothing
//! else (a ticket from the previous profile keeps counting down); New / Rename / Delete write the
//! store at once; damaged or future settings and profile files start the window with a notice and
//! a backup, never a crash and never a silent reset.

mod common;

use std::path::Path;

use common::demo;
use common::ui::{
    Window, all_text, choose_profile, fill, kept_text, press, settle, shows, step_until,
    window_restored,
};
use egui_kittest::kittest::Queryable;
use sso_diag::i18n::Lang;
use sso_diag::mock::{MockConfig, MockTenant};
use sso_diag::store::{Profile, ProfileFields, ProfileStore};
use sso_diag::ui::Launch;

const SIZE: [f32; 2] = [1100.0, 1500.0];

fn english() -> Launch {
    Launch {
        lang: Some(Lang::En),
        ..Launch::default()
    }
}

fn two_profiles(dir: &Path, mock_url: &str) {
    let store = ProfileStore {
        profiles: vec![
            Profile::new(
                "Mock",
                ProfileFields {
                    domain: mock_url.into(),
                    client_id: demo::CLIENT_ID.into(),
                    user_name: demo::USER_NAME.into(),
                    ..ProfileFields::default()
                },
            ),
            Profile::new(
                "Acme",
                ProfileFields {
                    domain: "acme.example.com".into(),
                    tenant_id: "isv-acme".into(),
                    client_id: "acme-app".into(),
                    user_name: "acme-tester".into(),
                    proxy: "http://proxy.acme.example:3128".into(),
                    timeout_secs: 12.0,
                    fingerprint: Some("fp-acme".into()),
                    ..ProfileFields::default()
                },
            ),
        ],
    };
    store.write(dir).expect("store");
}

fn value(h: &Window, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

#[test]
fn switching_profiles_changes_their_fields_and_keeps_the_ticket_counting() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let data = tempfile::tempdir().expect("data");
    two_profiles(data.path(), &tenant.url());
    let mut h = window_restored(
        Launch {
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(demo::SESSION_TOKEN.into()),
            ..english()
        },
        SIZE,
        data.path(),
    );
    assert_eq!(value(&h, "Profile"), "(no profile)");
    choose_profile(&mut h, "Mock");
    assert_eq!(value(&h, "Domain"), tenant.url());
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-"));
    let ticket_before = all_text(&h);
    let (access, session) = (value(&h, "Access token"), value(&h, "Session token"));

    choose_profile(&mut h, "Acme");
    assert_eq!(value(&h, "Domain"), "acme.example.com");
    assert_eq!(value(&h, "X-tenant-id"), "isv-acme");
    assert!(shows(&h, "fp fp-acme"), "{}", all_text(&h));
    // The tokens are not the profile's: they stay.
    assert_eq!(value(&h, "Access token"), access);
    assert_eq!(value(&h, "Session token"), session);
    // The ticket from the Mock profile still counts down, its history entry still there.
    assert!(shows(&h, "ssoTicket-"), "{}", all_text(&h));
    assert!(
        ticket_before.contains("expires in") && shows(&h, "expires in"),
        "{}",
        all_text(&h)
    );
    assert!(shows(&h, "  Exchange\nHTTP 200"), "{}", all_text(&h));
    assert_eq!(
        tenant
            .requests()
            .iter()
            .filter(|r| r.path.contains("sso-ticket"))
            .count(),
        1,
        "switching sends nothing"
    );

    choose_profile(&mut h, "Mock");
    assert_eq!(value(&h, "Domain"), tenant.url());
    assert_eq!(value(&h, "X-tenant-id"), "");
    h.state_mut().save_state();
    let kept = kept_text(data.path());
    assert!(kept.contains("\"profile\": \"Mock\""), "{kept}");
    assert!(!kept.contains(demo::ACCESS_TOKEN) && !kept.contains(demo::SESSION_TOKEN));
}

#[test]
fn save_as_rename_and_delete_write_the_store_at_once() {
    let data = tempfile::tempdir().expect("data");
    let mut h = window_restored(
        Launch {
            domain: Some("first.example.com".into()),
            client_id: Some("first-app".into()),
            ..english()
        },
        SIZE,
        data.path(),
    );
    settle(&mut h);
    press(&mut h, "Save as profile");
    settle(&mut h);
    fill(&mut h, "Copy as:", "First tenant");
    press(&mut h, "Save");
    settle(&mut h);
    let store = ProfileStore::read(data.path()).expect("store");
    let profile = store.get("First tenant").expect("saved");
    assert_eq!(profile.fields.client_id, "first-app");

    press(&mut h, "Rename");
    settle(&mut h);
    fill(&mut h, "Rename to:", "Renamed tenant");
    press(&mut h, "Save");
    settle(&mut h);
    let store = ProfileStore::read(data.path()).expect("store");
    assert_eq!(store.names().collect::<Vec<_>>(), ["Renamed tenant"]);

    press(&mut h, "New");
    settle(&mut h);
    fill(&mut h, "New profile:", "Renamed TENANT");
    press(&mut h, "Save");
    settle(&mut h);
    assert!(
        shows(&h, "There is already a profile named \"Renamed TENANT\""),
        "{}",
        all_text(&h)
    );
    fill(&mut h, "New profile:", "Empty one");
    press(&mut h, "Save");
    settle(&mut h);
    assert_eq!(value(&h, "Domain"), "", "a new profile starts empty");

    press(&mut h, "Delete");
    settle(&mut h);
    assert!(shows(&h, "Delete \"Empty one\"?"));
    press(&mut h, "Delete it");
    settle(&mut h);
    let store = ProfileStore::read(data.path()).expect("store");
    assert_eq!(store.names().collect::<Vec<_>>(), ["Renamed tenant"]);
    assert_eq!(value(&h, "Profile"), "(no profile)");
}

#[test]
fn damaged_or_future_files_start_the_window_with_a_notice_and_a_backup() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "profiles.json",
            concat!(
                "{\"format\": \"sso-diag.profiles\", \"version\": 1, \"data\": ",
                "{\"profiles\": [{\"name\": \"a\", \"domain\": \"http://plain.example.com\"}]}}"
            )
            .as_bytes(),
            "profile 1:",
        ),
        (
            "settings.json",
            b"{\"format\": \"sso-diag.settings\", \"version\": 1, \"data\": {\"dom",
            "not complete JSON",
        ),
        (
            "settings.json",
            b"{\"format\": \"sso-diag.settings\", \"version\": 3, \"data\": {}}",
            "newer sso-diag (file version 3)",
        ),
        (
            "profiles.json",
            b"{\"format\": \"sso-diag.profiles\", \"version\": 1, \"data\": {\"profiles\": 7}}",
            "not what sso-diag writes",
        ),
        (
            "profiles.json",
            b"\x00\x01\x02 not json at all",
            "not complete JSON",
        ),
    ];
    for (file, bytes, problem) in cases {
        let data = tempfile::tempdir().expect("data");
        std::fs::write(data.path().join(file), bytes).expect("write");
        let mut h = window_restored(english(), SIZE, data.path());
        settle(&mut h);
        let text = all_text(&h);
        assert!(text.contains(problem), "{file}: {problem} in {text}");
        assert!(
            text.contains(&format!(
                "It was kept as {}",
                data.path().join(file).display()
            )),
            "{text}"
        );
        let backups: Vec<_> = std::fs::read_dir(data.path())
            .expect("dir")
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("{file}.damaged-"))
            })
            .collect();
        assert_eq!(backups.len(), 1, "{file}");
        assert_eq!(std::fs::read(backups[0].path()).expect("backup"), bytes);
        // The window works and writes afresh.
        fill(&mut h, "Domain", "fresh.example.com");
        h.state_mut().save_state();
        assert!(kept_text(data.path()).contains("fresh.example.com"));
        press(&mut h, "Close");
        settle(&mut h);
        assert!(!shows(&h, problem));
    }
}

#[test]
fn settings_an_older_release_left_in_eframes_storage_are_taken_over() {
    let data = tempfile::tempdir().expect("data");
    let mut storage = common::ui::MemoryStorage::default();
    storage.0.insert(
        "sso-diag.settings".into(),
        concat!(
            "(domain: \"old.example.com\", tenant_id: \"isv-old\", client_id: \"old-app\", ",
            "timeout_secs: 20.0)"
        )
        .into(),
    );
    let mut h = common::ui::window_with_legacy_storage(english(), SIZE, data.path(), storage);
    settle(&mut h);
    assert_eq!(value(&h, "Domain"), "old.example.com");
    assert_eq!(value(&h, "X-tenant-id"), "isv-old");
    h.state_mut().save_state();
    assert!(
        kept_text(data.path()).contains("old-app"),
        "now in settings.json"
    );
}
