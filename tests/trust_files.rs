//! Hostile files and settings: a FIFO, a device or an endless file wherever a file is named
//! (refused at once, never a hang), links where sso-diag writes (never followed), proxy URLs
//! that do not parse or carry a password (refused, nothing written), and profile names with
//! whitespace around them (stored as checked).
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{env_vars, mkfifo, sso_diag, stderr, stdout};

/// Longer than any refusal takes, far shorter than a hang.
const PATIENCE: Duration = Duration::from_secs(20);

/// Runs `cmd`, killing it (and failing) if it has not finished within [`PATIENCE`].
fn output_within(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!("still running after {PATIENCE:?}: {}", stderr(&out));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

/// `sso-diag ARGS…` with its own data directory.
fn in_data_dir(data: &Path, args: &[&str]) -> Command {
    let mut cmd = sso_diag();
    cmd.args(args).env(env_vars::DATA_DIR, data);
    cmd
}

fn export_of(name: &str, proxy: &str, ca_file: &str) -> String {
    serde_json::json!({"format": "sso-diag.profile", "version": 1, "data": {
        "name": name, "domain": "tenant.example.com", "proxy": proxy, "ca_file": ca_file,
    }})
    .to_string()
}

#[test]
fn a_fifo_or_an_endless_file_is_refused_at_once_wherever_a_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let zero_link = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero_link).expect("symlink");
    let data = dir.path().join("data");
    let fifo_s = fifo.to_str().expect("utf-8");
    for named in [fifo_s, "/dev/zero", zero_link.to_str().expect("utf-8")] {
        let out = output_within(in_data_dir(&data, &["profile", "import", named]));
        assert_eq!(
            out.status.code(),
            Some(2),
            "import {named}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );

        let tokens_from = |flag: &str| {
            let mut cmd = sso_diag();
            cmd.args([
                "exchange",
                "--domain",
                "https://tenant.example.com",
                flag,
                named,
            ])
            .env(env_vars::ACCESS_TOKEN, "an-access-token-0001")
            .env(env_vars::SESSION_TOKEN, "a-session-token-0001");
            output_within(cmd)
        };
        for flag in ["--access-token-file", "--ca-file"] {
            let out = tokens_from(flag);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{flag} {named}: {}",
                stderr(&out)
            );
            assert!(
                stderr(&out).contains("not a regular file"),
                "{}",
                stderr(&out)
            );
        }
    }
    // A profile whose CA file is a FIFO, used.
    let profile = dir.path().join("p.json");
    std::fs::write(&profile, export_of("p", "", fifo_s)).expect("write");
    let import = ["profile", "import", profile.to_str().expect("utf-8")];
    let out = output_within(in_data_dir(&data, &import));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut cmd = in_data_dir(&data, &["exchange", "--profile", "p"]);
    cmd.env(env_vars::ACCESS_TOKEN, "an-access-token-0001")
        .env(env_vars::SESSION_TOKEN, "a-session-token-0001");
    let out = output_within(cmd);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("CA file"), "{}", stderr(&out));
}

#[test]
fn a_profiles_file_that_is_a_fifo_or_endless_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo_dir = dir.path().join("fifo-data");
    std::fs::create_dir(&fifo_dir).expect("dir");
    mkfifo(&fifo_dir.join("profiles.json"));
    let zero_dir = dir.path().join("zero-data");
    std::fs::create_dir(&zero_dir).expect("dir");
    std::os::unix::fs::symlink("/dev/zero", zero_dir.join("profiles.json")).expect("symlink");
    for data in [fifo_dir, zero_dir] {
        let out = output_within(in_data_dir(&data, &["profile", "list"]));
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_case_file_that_is_a_fifo_or_endless_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("case.json");
    mkfifo(&fifo);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let results: Vec<bool> = [fifo, PathBuf::from("/dev/zero")]
            .iter()
            .map(|p| sso_diag::report::Case::read(p).is_err())
            .collect();
        let _ = tx.send(results);
    });
    let refused = rx
        .recv_timeout(PATIENCE)
        .expect("Case::read returned in time");
    assert_eq!(refused, [true, true]);
}

#[test]
fn the_log_file_is_never_written_through_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("someone-elses.txt");
    std::fs::write(&target, "keep me\n").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = dir.path().join("sso.log");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let mut cmd = sso_diag();
    cmd.args(["device", "--log-file"])
        .arg(&link)
        .env("RUST_LOG", "trace");
    let out = output_within(cmd);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("target"),
        "keep me\n"
    );
    let mode = std::fs::metadata(&target)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644, "the target's mode is its own");
}

#[test]
fn a_linked_data_directory_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("shared");
    std::fs::create_dir(&real).expect("dir");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let link = dir.path().join("data");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let new = ["profile", "new", "p", "--domain", "tenant.example.com"];
    let out = output_within(in_data_dir(&link, &new));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&real), 0o755, "not sso-diag's to change");
    assert_eq!(mode(&real.join("profiles.json")), 0o600);
}

#[test]
fn a_proxy_that_does_not_parse_or_holds_a_password_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let bad = [
        "http://u:hunter2@[bad",
        "u:hunter2@proxy.example.com:3128",
        "proxy.example.com:3128",
        "http://proxy.example.com:99999",
        "http://u:hunter2@proxy.example.com:3128",
    ];
    for proxy in bad {
        let new = [
            "profile",
            "new",
            "p",
            "--domain",
            "tenant.example.com",
            "--proxy",
            proxy,
        ];
        let out = output_within(in_data_dir(&data, &new));
        assert_eq!(out.status.code(), Some(2), "{proxy}: {}", stderr(&out));
        assert!(stderr(&out).contains("proxy"), "{}", stderr(&out));
        let file = dir.path().join("p.json");
        std::fs::write(&file, export_of("p", proxy, "")).expect("write");
        let import = ["profile", "import", file.to_str().expect("utf-8")];
        let out = output_within(in_data_dir(&data, &import));
        assert_eq!(
            out.status.code(),
            Some(2),
            "import {proxy}: {}",
            stderr(&out)
        );
        assert!(
            !data.join("profiles.json").exists(),
            "nothing written for {proxy}"
        );
    }
    let good = ["profile", "new", "p", "--domain", "tenant.example.com"];
    let out = output_within(in_data_dir(
        &data,
        &[&good[..], &["--proxy", "http://proxy:3128"]].concat(),
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = output_within(in_data_dir(&data, &["profile", "export", "p"]));
    assert!(
        stdout(&out).contains("http://proxy:3128"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn profile_names_are_stored_as_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, name) in [
        "acme\r\n",
        "acme\u{85}",
        "\u{b}\u{c}acme",
        "\u{a0}acme\u{2003}",
    ]
    .iter()
    .enumerate()
    {
        let data = dir.path().join(format!("data-{i}"));
        let file = dir.path().join(format!("p{i}.json"));
        std::fs::write(&file, export_of(name, "", "")).expect("write");
        let import = ["profile", "import", file.to_str().expect("utf-8")];
        let out = output_within(in_data_dir(&data, &import));
        assert_eq!(out.status.code(), Some(0), "{name:?}: {}", stderr(&out));
        let stored: serde_json::Value = serde_json::from_slice(
            &std::fs::read(data.join("profiles.json")).expect("profiles.json"),
        )
        .expect("json");
        assert_eq!(stored["data"]["profiles"][0]["name"], "acme", "{name:?}");
        let out = output_within(in_data_dir(&data, &["profile", "show", "acme"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let new = ["profile", "new", name, "--domain", "tenant.example.com"];
        let out = output_within(in_data_dir(&data, &new));
        assert_eq!(
            out.status.code(),
            Some(2),
            "the same name: {}",
            stderr(&out)
        );
    }
}
