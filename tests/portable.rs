//! Portable mode: a copy of sso-diag with a file named `portable` beside it keeps its settings,
//! profiles and log in `data/` beside itself, and nothing in the user's home.

mod common;

use std::process::Command;

#[test]
fn a_portable_copy_keeps_everything_beside_itself() {
    let stick = tempfile::tempdir().expect("stick");
    let home = tempfile::tempdir().expect("home");
    let exe = stick.path().join("sso-diag");
    std::fs::copy(env!("CARGO_BIN_EXE_sso-diag"), &exe).expect("copy");
    let run = |args: &[&str]| {
        Command::new(&exe)
            .env_remove(sso_diag::env_vars::DATA_DIR)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join(".local/share"))
            .env(sso_diag::env_vars::LANG, "en")
            .args(args)
            .output()
            .expect("run")
    };
    // Without the marker: the platform's directory, in the (temporary) home.
    let out = run(&["profile", "new", "installed", "--domain", "a.example.com"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(
        home.path()
            .join(".local/share/sso-diag/profiles.json")
            .is_file()
    );
    std::fs::remove_dir_all(home.path().join(".local")).expect("clean");

    std::fs::write(stick.path().join("portable"), b"").expect("marker");
    let out = run(&["profile", "new", "carried", "--domain", "b.example.com"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(stick.path().join("data/profiles.json").is_file());
    let list = run(&["profile", "list"]);
    assert_eq!(common::stdout(&list), "carried  b.example.com\n");
    assert_eq!(
        std::fs::read_dir(home.path()).expect("home").count(),
        0,
        "nothing in the home"
    );
}
