//! Trust in the window: a tenant's absurd numbers, escape sequences and escaped echoes of a
//! secret, against the window as a user drives it (egui_kittest, no display needed).

mod common;

use std::io::Write;
use std::sync::Arc;

use common::ui::{Window, all_text, copied_by, settle, shows, step_until, window};
use common::{RawServer, http_response};
use egui_kittest::kittest::Queryable;
use sso_diag::ui::Launch;

const ACCESS: &str = "window-trust-access-token-1";
const SESSION: &str = "window/trust\"session-token-2";

fn json_server(status: &'static str, body: String) -> RawServer {
    RawServer::start_with(Arc::new(move |_, stream| {
        let answer = http_response(status, &[("Content-Type", "application/json")], &body);
        let _ = stream.write_all(&answer);
    }))
}

fn exchanged(tenant: &RawServer) -> Window {
    let mut h = window(
        Launch {
            domain: Some(tenant.url()),
            access_token: Some(ACCESS.into()),
            session_token: Some(SESSION.into()),
            ..Launch::default()
        },
        [980.0, 1400.0],
    );
    step_until(&mut h, "device detection", |h| shows(h, "(detected)"));
    h.get_by_label("Exchange").click();
    settle(&mut h);
    h
}

#[test]
fn an_absurd_expire_shows_the_ticket_and_a_warning_instead_of_crashing() {
    let body = r#"{"expire":18446744073709551615,"sso_ticket":"ssoTicket-forever"}"#.to_owned();
    let tenant = json_server("200 OK", body);
    let mut h = exchanged(&tenant);
    step_until(&mut h, "the ticket", |h| shows(h, "ssoTicket-forever"));
    assert!(
        shows(&h, "The answer was not what the API documents"),
        "{}",
        all_text(&h)
    );
    assert!(shows(&h, "more than a year"));
    assert!(shows(&h, "until beyond any date"));
    // A few more frames with the countdown running: still alive.
    settle(&mut h);
}

#[test]
fn escape_sequences_from_the_tenant_are_shown_not_obeyed() {
    let body = r#"{"error_code":"X\u001b[31m","error_msg":"bad\u001b[2J\rFORGED\u009b"}"#;
    let tenant = json_server("400 Bad Request", body.to_owned());
    let mut h = exchanged(&tenant);
    step_until(&mut h, "the error card", |h| {
        shows(h, "Request rejected by the tenant")
    });
    let screen = all_text(&h);
    assert!(screen.contains(r"bad\x1b[2J\rFORGED\u{009b}"), "{screen}");
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{9b}'),
        "{screen:?}"
    );
}

#[test]
fn an_escaped_echo_of_the_session_token_reaches_neither_screen_nor_report() {
    let escaped: String = SESSION
        .encode_utf16()
        .map(|u| format!("\\u{u:04x}"))
        .collect();
    let body = format!(
        r#"{{"error_code":"IDAAS.SDK.PARAM.0023","error_msg":"Invalid session {escaped}"}}"#
    );
    let tenant = json_server("400 Bad Request", body);
    let mut h = exchanged(&tenant);
    step_until(&mut h, "the error card", |h| {
        shows(h, "Session token rejected")
    });
    assert!(
        shows(&h, "Invalid session [redacted session token]"),
        "{}",
        all_text(&h)
    );
    let report = copied_by(&mut h, "Copy report");
    let json_form = serde_json::to_string(SESSION).expect("json");
    for text in [all_text(&h), report] {
        assert!(!text.contains(SESSION), "{text}");
        assert!(!text.contains(json_form.trim_matches('"')), "{text}");
        assert!(!text.contains(ACCESS), "{text}");
    }
}
