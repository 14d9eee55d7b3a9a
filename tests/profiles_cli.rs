//! `sso-diag profile …` and `--profile NAME`, as a support engineer uses them: a profile made on
//! the command line fills in a call, an export holds no secret, an import refuses what it cannot
//! read and never leaves a half-written store.

mod common;

use std::path::Path;
use std::process::Output;

use common::{demo, sso_diag, stderr, stdout};
use sso_diag::env_vars;
use sso_diag::mock::{MockConfig, MockTenant};

fn in_dir(dir: &Path, args: &[&str]) -> Output {
    sso_diag()
        .env(env_vars::DATA_DIR, dir)
        .args(args)
        .output()
        .expect("run sso-diag")
}

fn store(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("profiles.json")).unwrap_or_default()
}

#[test]
fn a_profile_made_on_the_command_line_is_listed_shown_and_kept_privately() {
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let made = in_dir(
        d,
        &[
            "profile",
            "new",
            "Acme prod",
            "--domain",
            "acme.example.com",
            "--client-id",
            "app-1",
            "--tenant-id",
            "isv-7",
            "--user",
            "alice",
            "--timeout",
            "12",
            "--os-version",
            "windows10.0.19045",
            "--language",
            "zh-CN",
        ],
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    assert!(
        stdout(&made).contains("Saved profile \"Acme prod\""),
        "{}",
        stdout(&made)
    );

    let list = in_dir(d, &["profile", "list"]);
    assert_eq!(stdout(&list), "Acme prod  acme.example.com\n");
    let show = in_dir(d, &["profile", "show", "acme PROD"]);
    let text = stdout(&show);
    for expected in [
        "acme.example.com",
        "app-1",
        "isv-7",
        "alice",
        "12 s",
        "windows10.0.19045",
        "zh-CN",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join("profiles.json"))
            .expect("store")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let kept: serde_json::Value = serde_json::from_slice(&store(d)).expect("readable JSON");
    assert_eq!(kept["format"], "sso-diag.profiles");
    assert_eq!(kept["data"]["profiles"][0]["client_id"], "app-1");

    let again = in_dir(
        d,
        &[
            "profile",
            "new",
            "ACME prod",
            "--domain",
            "other.example.com",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let forced = in_dir(
        d,
        &[
            "profile",
            "new",
            "ACME prod",
            "--domain",
            "other.example.com",
            "--force",
        ],
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(
        stdout(&in_dir(d, &["profile", "list"])),
        "ACME prod  other.example.com\n"
    );
}

#[test]
fn export_then_import_on_a_fresh_machine_reproduces_the_profile_without_a_secret() {
    let (first, second) = (
        tempfile::tempdir().expect("a"),
        tempfile::tempdir().expect("b"),
    );
    let secret = "client-secret-that-must-not-travel";
    let made = sso_diag()
        .env(env_vars::DATA_DIR, first.path())
        .env(env_vars::CLIENT_SECRET, secret)
        .env(env_vars::PASSWORD, "password-that-must-not-travel")
        .args([
            "profile",
            "new",
            "acme",
            "--domain",
            "https://acme.example.com:8443",
        ])
        .args([
            "--client-id",
            "app-1",
            "--proxy",
            "http://proxy.corp:3128",
            "--device-ip",
            "10.1.2.3",
        ])
        .output()
        .expect("run");
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let file = first.path().join("acme.json");
    let exported = in_dir(
        first.path(),
        &[
            "profile",
            "export",
            "acme",
            "--output",
            file.to_str().expect("utf8"),
        ],
    );
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&file).expect("export");
    assert!(!text.contains("must-not-travel"), "{text}");
    assert!(text.contains("\"format\": \"sso-diag.profile\""), "{text}");
    // The same on standard output.
    assert_eq!(
        stdout(&in_dir(first.path(), &["profile", "export", "acme"])).trim(),
        text.trim()
    );

    let imported = in_dir(
        second.path(),
        &["profile", "import", file.to_str().expect("utf8")],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let show = |d: &Path| stdout(&in_dir(d, &["profile", "show", "acme", "--json"]));
    assert_eq!(show(first.path()), show(second.path()));
    assert!(show(second.path()).contains("10.1.2.3"));

    let twice = in_dir(
        second.path(),
        &["profile", "import", file.to_str().expect("utf8")],
    );
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        stderr(&twice).contains("already a profile named \"acme\""),
        "{}",
        stderr(&twice)
    );
    let renamed = in_dir(
        second.path(),
        &[
            "profile",
            "import",
            file.to_str().expect("utf8"),
            "--as",
            "acme copy",
        ],
    );
    assert_eq!(renamed.status.code(), Some(0), "{}", stderr(&renamed));
    assert_eq!(
        stdout(&in_dir(second.path(), &["profile", "list"])),
        "acme  https://acme.example.com:8443\nacme copy  https://acme.example.com:8443\n"
    );
}

#[test]
fn an_import_refuses_what_it_cannot_read_and_changes_nothing() {
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    assert_eq!(
        in_dir(
            d,
            &["profile", "new", "kept", "--domain", "kept.example.com"]
        )
        .status
        .code(),
        Some(0)
    );
    let before = store(d);
    let bad = d.join("bad.json");
    let cases: [(&str, &str); 7] = [
        (
            "{\"format\": \"sso-diag.profile\", \"version\": 1, \"data\": {\"na",
            "not complete JSON",
        ),
        (
            "{\"format\": \"sso-diag.profile\", \"version\": 9, \"data\": {\"name\": \"x\"}}",
            "newer sso-diag (file version 9)",
        ),
        (
            "{\"format\": \"something else\", \"version\": 1}",
            "not an sso-diag file",
        ),
        (
            "{\"format\": \"sso-diag.profile\", \"version\": 1, \"data\": {\"name\": 5}}",
            "not what sso-diag writes",
        ),
        (
            concat!(
                "{\"format\": \"sso-diag.profile\", \"version\": 1, ",
                "\"data\": {\"name\": \"x\", \"domain\": \"http://plain.example.com\"}}"
            ),
            "https",
        ),
        (
            concat!(
                "{\"format\": \"sso-diag.profile\", \"version\": 1, ",
                "\"data\": {\"name\": \"x\", \"proxy\": \"http://u:pw@proxy:1\"}}"
            ),
            "keeps no password",
        ),
        (
            "{\"format\": \"sso-diag.profile\", \"version\": 1, \"data\": {\"name\": \"kept\"}}",
            "already a profile named",
        ),
    ];
    for (contents, expected) in cases {
        std::fs::write(&bad, contents).expect("write");
        let out = in_dir(d, &["profile", "import", bad.to_str().expect("utf8")]);
        assert_eq!(out.status.code(), Some(2), "{contents}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{expected} for {contents}: {}",
            stderr(&out)
        );
        assert_eq!(store(d), before, "the store is unchanged after {contents}");
    }
    let big = d.join("big.json");
    std::fs::write(&big, vec![b' '; 5 * 1024 * 1024]).expect("big");
    let out = in_dir(d, &["profile", "import", big.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("far more than sso-diag writes"),
        "{}",
        stderr(&out)
    );
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_profile_fills_in_the_call_and_the_command_line_wins() {
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let made = in_dir(
        d,
        &[
            "profile",
            "new",
            "mock",
            "--domain",
            &tenant.url(),
            "--tenant-id",
            "isv-from-profile",
            "--os-version",
            "from-profile-os",
            "--agent",
            "agent-from-profile",
        ],
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let run = |extra: &[&str]| {
        sso_diag()
            .env(env_vars::DATA_DIR, d)
            .env(env_vars::ACCESS_TOKEN, demo::ACCESS_TOKEN)
            .env(env_vars::SESSION_TOKEN, demo::SESSION_TOKEN)
            .args(["exchange", "--profile", "mock", "--json"])
            .args(extra)
            .output()
            .expect("run")
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["--os-version", "from-command-line"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sent = tenant.requests();
    let exchanges: Vec<_> = sent
        .iter()
        .filter(|r| r.path.contains("sso-ticket"))
        .collect();
    assert_eq!(exchanges.len(), 2);
    for r in &exchanges {
        assert_eq!(r.header("x-tenant-id"), Some("isv-from-profile"));
        assert!(String::from_utf8_lossy(&r.body).contains("agent-from-profile"));
    }
    let bodies: Vec<String> = exchanges
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert!(bodies[0].contains("from-profile-os"), "{}", bodies[0]);
    assert!(
        bodies[1].contains("from-command-line") && !bodies[1].contains("from-profile-os"),
        "{}",
        bodies[1]
    );
}

#[test]
fn an_unknown_profile_or_a_damaged_store_is_refused_and_left_alone() {
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let out = in_dir(d, &["check", "--profile", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no profile named \"nope\""),
        "{}",
        stderr(&out)
    );
    let damaged = b"{\"format\": \"sso-diag.profiles\", \"version\": 1, \"data\": {\"profiles\": [";
    std::fs::write(d.join("profiles.json"), damaged).expect("write");
    for args in [
        &["profile", "list"][..],
        &["device", "--profile", "x"],
        &["profile", "new", "y", "--domain", "y.example.com"],
    ] {
        let out = in_dir(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("cannot be used"), "{}", stderr(&out));
        assert_eq!(store(d), damaged, "untouched after {args:?}");
    }
}

#[test]
fn a_profile_in_chinese_speaks_chinese_unless_told_otherwise() {
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let made = in_dir(
        d,
        &[
            "profile",
            "new",
            "cn",
            "--domain",
            "cn.example.com",
            "--language",
            "zh-CN",
        ],
    );
    assert_eq!(made.status.code(), Some(0));
    let out = sso_diag()
        .env(env_vars::DATA_DIR, d)
        .env_remove(env_vars::LANG)
        .env("LANG", "C")
        .args(["exchange", "--profile", "cn"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("访问令牌"), "{}", stderr(&out));
    let english = sso_diag()
        .env(env_vars::DATA_DIR, d)
        .args(["exchange", "--profile", "cn", "--lang", "en"])
        .output()
        .expect("run");
    assert!(
        stderr(&english).contains("access token"),
        "{}",
        stderr(&english)
    );
}
