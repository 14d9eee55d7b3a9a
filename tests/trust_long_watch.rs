//! A long watch cannot wear redaction out: a flow watch of 1 000 probes against a tenant that
//! echoes every credential it receives, in every encoding, leaves none of the 5 000 tokens it
//! issued (nor the client secret or the password) in any form in any sink — the attempt lines,
//! stderr, the watch report, the HAR, the CSV and the log. (Before, from about probe 128 each new
//! id_token was forgotten as soon as it was registered.)

mod common;
#[path = "forms/every.rs"]
mod every;

use common::{demo, env_vars, sso_diag, stderr, stdout};
use every::EveryForm;
use sso_diag::mock::{MockConfig, MockTenant, Scenario};

const PROBES: usize = 1000;

#[test]
fn a_thousand_flow_probes_against_an_echoing_tenant_leak_no_token() {
    let tenant = MockTenant::start(MockConfig {
        scenario: Scenario::Echo,
        ..MockConfig::default()
    })
    .expect("mock");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = |name: &str| dir.path().join(name);
    let out = sso_diag()
        .args(["watch", "--what", "flow", "--domain", &tenant.url()])
        .args(["--client-id", demo::CLIENT_ID, "--user", demo::USER_NAME])
        .args([
            "--count",
            &PROBES.to_string(),
            "--interval",
            "0.1",
            "--json",
        ])
        .arg("--report")
        .arg(file("watch.md"))
        .arg("--har")
        .arg(file("watch.har"))
        .arg("--csv")
        .arg(file("watch.csv"))
        .arg("--log-file")
        .arg(file("watch.log"))
        .env("RUST_LOG", "debug")
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let issued = tenant.issued();
    // Each probe: an access token and its id_token, a session token and its id_token, a ticket.
    assert!(issued.len() >= PROBES * 5, "{} issued", issued.len());
    let mut secrets = issued;
    secrets.extend([demo::CLIENT_SECRET.to_owned(), demo::PASSWORD.to_owned()]);
    let every_form = EveryForm::of(&secrets);

    let lines = stdout(&out);
    assert_eq!(
        lines.lines().filter(|l| l.contains("\"attempt\"")).count(),
        PROBES,
        "one line per attempt"
    );
    let mut sinks = vec![
        ("stdout".to_owned(), lines),
        ("stderr".to_owned(), stderr(&out)),
    ];
    for name in ["watch.md", "watch.har", "watch.csv", "watch.log"] {
        let text = std::fs::read_to_string(file(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        sinks.push((name.to_owned(), text));
    }
    for (sink, text) in &sinks {
        every_form.assert_not_in(sink, text);
    }
    // The echoes were there to be caught: the last probe's answers, redacted, in the HAR.
    let har = &sinks[3].1;
    assert!(har.contains("you sent: [redacted"), "the echo in the HAR");
    let log = &sinks[5].1;
    assert!(log.contains("DEBUG"), "debug logging was on");
}
