//! One record, one hand-over: for every mock scenario, the command line's `--json`, report, HAR
//! and case file, and the window's report, HAR and case file of the same flow, tell the same facts
//! — step, HTTP status, tenant code, time, the device and where each value came from, the verdict
//! — and the window's report and the command line's are the same but for the line that names the
//! front end.

#[path = "har/check.rs"]
#[allow(dead_code)]
mod check;
mod common;
#[path = "hand_over/facts.rs"]
mod facts;

use std::path::Path;

use check::assert_valid_har;
use common::ui::{Window, copied_by, downloads_home, fill, press, saved_in_downloads, settle};
use common::ui::{shows, step_until, window};
use common::{demo, env_vars, sso_diag, stderr};
use facts::{StepFacts, assert_agree, assert_bodies_as_received};
use serde_json::Value;
use sso_diag::mock::{MockConfig, MockTenant, Scenario};
use sso_diag::ui::Launch;

/// What one front end handed over of one run.
struct Documents {
    report: String,
    har: Value,
    case: Value,
}

fn mock(scenario: Scenario) -> MockTenant {
    MockTenant::start(MockConfig {
        scenario,
        ..MockConfig::default()
    })
    .expect("mock")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The whole flow (client credentials, test login, exchange, redeem) on the command line, with
/// every document asked for; its `--json` and the documents.
fn command_line(scenario: Scenario, dir: &Path) -> (Value, Documents) {
    let tenant = mock(scenario);
    let (report, har, case) = (dir.join("r.md"), dir.join("r.har"), dir.join("r.case.json"));
    let out = sso_diag()
        .env(env_vars::CLIENT_SECRET, demo::CLIENT_SECRET)
        .env(env_vars::PASSWORD, demo::PASSWORD)
        .args([
            "exchange",
            "--domain",
            &tenant.url(),
            "--client-id",
            demo::CLIENT_ID,
        ])
        .args(["--user", demo::USER_NAME, "--redeem", "--json"])
        .arg("--report")
        .arg(&report)
        .arg("--har")
        .arg(&har)
        .arg("--case")
        .arg(&case)
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{scenario:?}: --json: {e}\n{}", stderr(&out)));
    let documents = Documents {
        report: read(&report),
        har: assert_valid_har(&read(&har)),
        case: serde_json::from_str(&read(&case)).expect("case JSON"),
    };
    (json, documents)
}

/// Waits for the call that makes the tenant's `count`th request to finish.
fn finish_call(h: &mut Window, tenant: &MockTenant, count: usize) {
    step_until(h, "the call", |h| {
        tenant.requests().len() >= count && shows(h, "Ctrl+Enter")
    });
    settle(h);
}

/// The newest file saved in Downloads ending with `extension`, read and removed.
fn take_saved(home: &Path, extension: &str) -> String {
    let saved = saved_in_downloads(home, extension);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let text = read(&saved[0]);
    std::fs::remove_file(&saved[0]).expect("remove");
    text
}

/// The same flow in the window, step by step as a user clicks it: the steps the command line
/// ran, in its order.
fn window_run(scenario: Scenario, steps: &[String], home: &Path) -> Documents {
    let tenant = mock(scenario);
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            client_id: Some(demo::CLIENT_ID.into()),
            ..Launch::default()
        },
        [1100.0, 1600.0],
    );
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Get tokens: client credentials, test login");
    settle(&mut h);
    for (i, step) in steps.iter().enumerate() {
        match step.as_str() {
            "token" => {
                fill(&mut h, "Client secret", demo::CLIENT_SECRET);
                press(&mut h, "Get token");
            }
            "login" => {
                fill(&mut h, "User name", demo::USER_NAME);
                fill(&mut h, "Password", demo::PASSWORD);
                press(&mut h, "Log in");
            }
            "exchange" => press(&mut h, "Exchange"),
            "redeem" => press(&mut h, "Redeem"),
            other => panic!("no button for {other}"),
        }
        finish_call(&mut h, &tenant, i + 1);
    }
    let report = copied_by(&mut h, "Copy report");
    press(&mut h, "Save HAR");
    settle(&mut h);
    let har = assert_valid_har(&take_saved(home, ".har"));
    press(&mut h, "Save case");
    settle(&mut h);
    let case = serde_json::from_str(&take_saved(home, ".json")).expect("case JSON");
    Documents { report, har, case }
}

/// The documents of one front end agree with each other.
fn assert_documents_agree(what: &str, documents: &Documents) -> Vec<StepFacts> {
    let report = facts::from_report(&documents.report);
    let har = facts::from_har(&documents.har);
    let case = facts::from_case(&documents.case);
    assert_agree(&format!("{what}: report and HAR"), &report, &har);
    assert_agree(&format!("{what}: HAR and case"), &har, &case);
    assert_eq!(
        facts::device_from_report(&documents.report),
        facts::device_from_case(&documents.case),
        "{what}: the device"
    );
    assert_bodies_as_received(&documents.har);
    har
}

/// The report with what differs between two runs of the same calls made the same: times,
/// durations, the tenant's port and its `Date` header.
fn normalised(report: &str, scenario: Scenario) -> Vec<String> {
    let mut patterns = vec![
        (
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)",
            "<when>",
        ),
        (r"\d+(\.\d)? ms", "<ms>"),
        (r"127\.0\.0\.1:\d+", "127.0.0.1:<port>"),
        (r"(?m)^date: .*$", "date: <date>"),
    ];
    // The echo quotes each run's own tokens (HTML references of varying length): its answers are
    // redacted to the same text, but their lengths differ.
    if scenario == Scenario::Echo {
        patterns.push((r"(?m)^content-length: \d+$", "content-length: <length>"));
    }
    let mut text = report.to_owned();
    for (pattern, with) in patterns {
        text = regex::Regex::new(pattern)
            .expect("pattern")
            .replace_all(&text, with)
            .into_owned();
    }
    text.lines().map(str::to_owned).collect()
}

#[test]
fn every_document_of_every_scenario_tells_the_same_facts() {
    use clap::ValueEnum;
    let home = downloads_home();
    let dir = tempfile::tempdir().expect("dir");
    for scenario in Scenario::value_variants() {
        let what = format!("{scenario:?}");
        let (json, cli) = command_line(*scenario, dir.path());
        let cli_steps = assert_documents_agree(&format!("{what}, command line"), &cli);
        assert_agree(
            &format!("{what}: --json and HAR"),
            &facts::from_json(&json),
            &cli_steps,
        );
        assert_eq!(
            facts::device_from_json(&json),
            facts::device_from_report(&cli.report),
            "{what}: the device in --json"
        );
        let title = json["verdict"]["title"].as_str().expect("verdict");
        assert_eq!(
            facts::verdict_from_report(&cli.report),
            title,
            "{what}: the verdict"
        );

        let steps: Vec<String> = cli_steps.iter().map(|s| s.step.clone()).collect();
        let window = window_run(*scenario, &steps, home.path());
        let window_steps = assert_documents_agree(&format!("{what}, window"), &window);
        let keys = |f: &[StepFacts]| -> Vec<(String, Option<u64>, Option<String>)> {
            f.iter()
                .map(|s| (s.step.clone(), s.status, s.code.clone()))
                .collect()
        };
        assert_eq!(
            keys(&window_steps),
            keys(&cli_steps),
            "{what}: the window's calls"
        );
        assert_eq!(
            facts::device_from_report(&window.report),
            facts::device_from_report(&cli.report),
            "{what}: the device, window and command line"
        );

        let (a, b) = (
            normalised(&cli.report, *scenario),
            normalised(&window.report, *scenario),
        );
        assert_eq!(
            a.len(),
            b.len(),
            "{what}:\n{}\n---\n{}",
            cli.report,
            window.report
        );
        let differing: Vec<(&String, &String)> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
        assert_eq!(differing.len(), 1, "{what}: {differing:#?}");
        assert!(
            differing[0].0.contains("by the sso-diag command line")
                && differing[0].1.contains("by the sso-diag window"),
            "{what}: {differing:?}"
        );
    }
}
