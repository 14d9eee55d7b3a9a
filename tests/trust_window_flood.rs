//! Trust at volume in the window: an answer stuffed with 600 tokens and the user's own in every
//! form cannot switch redaction off — not on screen, nor in the report, the HAR, the case file or
//! the curl export; and a case or CA file that is a FIFO or endless is refused at once, the window
//! drawing all the while (it reads no file on its UI thread).

mod common;
#[path = "forms/every.rs"]
mod every;
#[path = "forms/flood.rs"]
mod flood;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::ui::{Window, all_text, copied_by, downloads_home, fill, press, saved_in_downloads};
use common::ui::{settle, shows, step_until, window};
use common::{RawServer, mkfifo};
use every::assert_free_of;
use sso_diag::ui::Launch;

const ACCESS: &str = "window/flood+access=\"token\"-0101";
const SESSION: &str = "window-flood-session-token-é-0202";

fn with_tokens(domain: String) -> Launch {
    Launch {
        domain: Some(domain),
        access_token: Some(ACCESS.into()),
        session_token: Some(SESSION.into()),
        ..Launch::default()
    }
}

#[test]
fn six_hundred_tokens_in_an_answer_switch_off_nothing_in_the_window() {
    let home = downloads_home();
    let echo: &'static [&'static str] = &[ACCESS, SESSION];
    let tenant = RawServer::start_with(Arc::new(move |_, stream| {
        let _ = stream.write_all(&flood::flood_answer(echo));
    }));
    let mut h = window(with_tokens(tenant.url()), [1100.0, 1600.0]);
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the refusal", |h| shows(h, "you sent"));
    settle(&mut h);
    press(&mut h, "Request / response inspector");
    settle(&mut h);

    let mut sinks = vec![
        ("the screen", all_text(&h)),
        ("the copied report", copied_by(&mut h, "Copy report")),
        ("the curl export", copied_by(&mut h, "Copy as curl")),
    ];
    for (button, extension) in [("Save HAR", ".har"), ("Save case", ".json")] {
        press(&mut h, button);
        settle(&mut h);
        let saved = saved_in_downloads(home.path(), extension);
        assert_eq!(saved.len(), 1, "{button}: {}", all_text(&h));
        sinks.push((button, std::fs::read_to_string(&saved[0]).expect("saved")));
    }
    for (sink, text) in &sinks {
        assert_free_of(sink, text, &[ACCESS, SESSION]);
        assert!(!text.contains("flood-0000-decoy-token"), "{sink}");
    }
    assert!(
        sinks[0].1.contains("[redacted"),
        "the echo on screen, redacted"
    );
}

/// Opens `path` as a case the way a user does: Open case…, the path, Enter.
fn open_case(h: &mut Window, path: &Path) {
    press(h, "Open case…");
    settle(h);
    fill(h, "Case file:", &path.display().to_string());
    press(h, "Open");
}

#[test]
fn a_case_that_is_a_fifo_or_endless_is_refused_while_the_window_draws() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("case.json");
    mkfifo(&fifo);
    let endless = dir.path().join("endless.json");
    std::os::unix::fs::symlink("/dev/zero", &endless).expect("link");

    // Given at launch: the window opens (no writer ever comes to the FIFO) and says why not.
    let mut h = window(
        Launch {
            open_case: Some(fifo.clone()),
            ..Launch::default()
        },
        [1100.0, 900.0],
    );
    step_until(&mut h, "the refusal", |h| shows(h, "was not opened"));
    assert!(shows(&h, "named pipe (FIFO)"), "{}", all_text(&h));

    // Opened from the window: each refused with a notice of its own, the window still the user's.
    let notices = |h: &Window| all_text(h).matches("was not opened").count();
    for (path, why) in [(&fifo, "named pipe (FIFO)"), (&endless, "it is a device")] {
        let before = notices(&h);
        open_case(&mut h, path);
        step_until(&mut h, "the refusal", |h| notices(h) > before);
        let text = all_text(&h);
        let last = text.rfind("was not opened").expect("a notice");
        assert!(text[last..].contains(why), "{text}");
        assert!(!shows(&h, "Case file (read-only):"), "{text}");
    }
    assert!(shows(&h, "Exchange"), "the form is still there");
}

#[test]
fn a_ca_file_that_is_a_fifo_is_refused_and_nothing_is_sent() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("ca.pem");
    mkfifo(&fifo);
    let tenant = sso_diag::mock::MockTenant::start(Default::default()).expect("mock");
    let mut launch = with_tokens(tenant.url());
    launch.ca_file = Some(fifo.display().to_string());
    let mut h = window(launch, [1100.0, 1600.0]);
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    press(&mut h, "Exchange");
    step_until(&mut h, "the refusal", |h| shows(h, "named pipe (FIFO)"));
    assert!(shows(&h, "CA file"), "{}", all_text(&h));
    std::thread::sleep(Duration::from_millis(200));
    assert!(tenant.requests().is_empty(), "nothing sent");
}
