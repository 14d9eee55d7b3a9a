//! The keychain against a real Secret Service (GNOME Keyring in a private D-Bus session, started
//! by dist/test.sh, README's test command): a profile's secrets go into the keyring — checked from
//! outside with `secret-tool` — never into a file, a call with `--profile` uses them, and Forget
//! removes them.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{demo, output_with_stdin, sso_diag, stderr, stdout};
use sso_diag::env_vars;
use sso_diag::mock::{MockConfig, MockTenant};

fn in_dir(dir: &Path) -> Command {
    let mut cmd = sso_diag();
    cmd.env(env_vars::DATA_DIR, dir);
    cmd
}

fn lookup(account: &str) -> Output {
    Command::new("secret-tool")
        .args(["lookup", "service", "sso-diag", "username", account])
        .output()
        .expect("secret-tool (libsecret-tools; dist/test.sh installs it)")
}

#[test]
fn secrets_live_in_the_secret_service_and_a_profile_uses_them() {
    assert!(
        std::env::var_os("SSO_DIAG_TEST_KEYRING").is_some()
            && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "this test needs a Secret Service of its own: run the tests with dist/test.sh"
    );
    let tenant = MockTenant::start(MockConfig::default()).expect("mock");
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let name = format!("real keyring {}", std::process::id());
    let made = in_dir(d)
        .args([
            "profile",
            "new",
            &name,
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
        ])
        .args(["--user", demo::USER_NAME])
        .output()
        .expect("run");
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));

    let remembered = in_dir(d)
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .args(["profile", "remember", &name, "client-secret"])
        .output()
        .expect("run");
    assert_eq!(remembered.status.code(), Some(0), "{}", stderr(&remembered));
    let mut cmd = in_dir(d);
    cmd.args(["profile", "remember", &name, "password"]);
    let remembered = output_with_stdin(cmd, demo::PASSWORD);
    assert_eq!(remembered.status.code(), Some(0), "{}", stderr(&remembered));

    let found = lookup(&format!("{name}/client_secret"));
    assert_eq!(
        String::from_utf8_lossy(&found.stdout),
        demo::CLIENT_SECRET,
        "in the keyring"
    );
    let found = lookup(&format!("{name}/password"));
    assert_eq!(String::from_utf8_lossy(&found.stdout), demo::PASSWORD);

    // No secret on the command line or in the environment: the profile's keychain supplies both.
    let exchange = in_dir(d)
        .args(["exchange", "--profile", &name, "--json"])
        .output()
        .expect("run");
    assert_eq!(exchange.status.code(), Some(0), "{}", stderr(&exchange));
    assert!(
        stdout(&exchange).contains("ssoTicket-"),
        "{}",
        stdout(&exchange)
    );

    for entry in std::fs::read_dir(d).expect("dir").flatten() {
        let text =
            String::from_utf8_lossy(&std::fs::read(entry.path()).expect("read")).into_owned();
        assert!(
            !text.contains(demo::CLIENT_SECRET) && !text.contains(demo::PASSWORD),
            "{text}"
        );
    }

    let forgot = in_dir(d)
        .args(["profile", "forget", &name])
        .output()
        .expect("run");
    assert_eq!(forgot.status.code(), Some(0), "{}", stderr(&forgot));
    assert!(
        lookup(&format!("{name}/client_secret")).stdout.is_empty(),
        "gone from the keyring"
    );
    assert!(lookup(&format!("{name}/password")).stdout.is_empty());
    let without = in_dir(d)
        .args(["exchange", "--profile", &name])
        .output()
        .expect("run");
    assert_eq!(
        without.status.code(),
        Some(2),
        "no secret any more: {}",
        stderr(&without)
    );
}

#[test]
fn a_watch_of_two_profiles_uses_each_one_s_kept_secrets() {
    assert!(
        std::env::var_os("SSO_DIAG_TEST_KEYRING").is_some(),
        "this test needs a Secret Service of its own: run the tests with dist/test.sh"
    );
    let (acme, globex) = (
        MockTenant::start(MockConfig::default()).expect("mock"),
        MockTenant::start(MockConfig::default()).expect("mock"),
    );
    let data = tempfile::tempdir().expect("data");
    let d = data.path();
    let pid = std::process::id();
    let names = [format!("acme {pid}"), format!("globex {pid}")];
    for (name, tenant) in names.iter().zip([&acme, &globex]) {
        let made = in_dir(d)
            .args(["profile", "new", name, "--domain", &tenant.url()])
            .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
            .output()
            .expect("run");
        assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
        let kept = in_dir(d)
            .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
            .args(["profile", "remember", name, "client-secret"])
            .output()
            .expect("run");
        assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
        let mut cmd = in_dir(d);
        cmd.args(["profile", "remember", name, "password"]);
        let kept = output_with_stdin(cmd, demo::PASSWORD);
        assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
    }
    // No secret given at all: each tenant gets its token and its session from its own profile.
    let out = in_dir(d)
        .args(["watch", "--profile", &names[0], "--profile", &names[1]])
        .args(["--count", "2", "--interval", "0.1"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    for name in &names {
        assert!(
            text.contains(&format!("[{name}] 2 attempts, 2 ok")),
            "{text}"
        );
    }
    for tenant in [&acme, &globex] {
        let paths: Vec<String> = tenant.requests().iter().map(|r| r.path.clone()).collect();
        assert!(
            paths.iter().any(|p| p.ends_with("/login")),
            "a test login: {paths:?}"
        );
        let exchanges = paths.iter().filter(|p| p.ends_with("/sso-ticket")).count();
        assert_eq!(exchanges, 2, "{paths:?}");
    }
    assert!(!text.contains(demo::CLIENT_SECRET) && !text.contains(demo::PASSWORD));
    for name in &names {
        let _ = in_dir(d).args(["profile", "forget", name]).output();
    }
}
