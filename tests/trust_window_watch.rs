//! A long watch in the window cannot wear redaction out: after a watch has registered 100 000
//! tokens (an hour of a flow watch issues about that many), the next attempts against a tenant that
//! refuses the session and echoes the user's tokens in every encoding leave neither token on
//! screen, in the watch report or the HAR. (Before, the registry kept 512 secrets and
//! dropped the longest first: the user's own tokens.)

mod common;
#[path = "forms/every.rs"]
mod every;

use common::demo;
use common::ui::{all_text, downloads_home, press, saved_in_downloads, settle};
use common::ui::{shows, step_until_within, window};
use every::EveryForm;
use secrecy::SecretString;
use sso_diag::mock::{MockConfig, MockTenant, Scenario};
use sso_diag::ui::Launch;

const REGISTERED_BY_A_LONG_WATCH: usize = 100_000;
/// Unknown to the tenant: every attempt is refused, and a refusal keeps its evidence.
const SESSION: &str = "long-watch-session-token-the-tenant-never-issued";

#[test]
fn after_a_hundred_thousand_tokens_the_watch_still_redacts_the_first() {
    let home = downloads_home();
    let tenant = MockTenant::start(MockConfig {
        scenario: Scenario::Echo,
        ..MockConfig::default()
    })
    .expect("mock");
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(demo::ACCESS_TOKEN.into()),
            session_token: Some(SESSION.into()),
            watch: true,
            ..Launch::default()
        },
        [1100.0, 1700.0],
    );
    let limit = std::time::Duration::from_secs(30);
    step_until_within(&mut h, limit, "the first attempt", |h| {
        shows(h, "1 attempt,")
    });
    for i in 0..REGISTERED_BY_A_LONG_WATCH {
        let token = SecretString::from(format!("issued-over-an-hour-{i:06}-token"));
        sso_diag::secret::register("session token", &token);
    }
    assert!(sso_diag::secret::registered() > REGISTERED_BY_A_LONG_WATCH);
    step_until_within(&mut h, limit, "two more attempts", |h| {
        shows(h, "3 attempts,")
    });
    press(&mut h, "Stop");
    settle(&mut h);

    let mut sinks = vec![("the screen".to_owned(), all_text(&h))];
    for (button, extension) in [("Save watch report", ".md"), ("Save HAR", ".har")] {
        press(&mut h, button);
        settle(&mut h);
        let saved = saved_in_downloads(home.path(), extension);
        assert_eq!(saved.len(), 1, "{button}: {}", all_text(&h));
        sinks.push((
            button.to_owned(),
            std::fs::read_to_string(&saved[0]).expect("read"),
        ));
    }
    let secrets = [demo::ACCESS_TOKEN.to_owned(), SESSION.to_owned()];
    let every_form = EveryForm::of(&secrets);
    for (sink, text) in &sinks {
        every_form.assert_not_in(sink, text);
    }
    for (sink, text) in &sinks[1..] {
        assert!(
            text.contains("you sent: [redacted"),
            "the echo, redacted, in {sink}"
        );
    }
}
