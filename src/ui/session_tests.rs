//! The session model without a window: what a finished, cancelled or refused call leaves in the
//! history and on screen, and what the hand-over texts contain.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use time::OffsetDateTime;

use super::*;
use crate::ciam::record::{RequestRecord, ResponseRecord};
use crate::ciam::verify::UserInfoShape;
use crate::ciam::{
    ClientOptions, DeviceFields, ExchangeRequest, HttpRecord, TenantUrl, TicketGrant, UserInfo,
    VerifyRequest,
};
use crate::i18n::Lang;
use crate::report::{FrontEnd, HandOver, Setting};
use crate::secret::Redactor;
use crate::step::{Call, CallOutcome};
use crate::ui::job::Job;

const ACCESS: &str = "access-token-for-the-model-test";
const SESSION: &str = "session-token-for-the-model-test";
const TICKET: &str = "ssoTicket-model-test-0001";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn device() -> DeviceFields {
    DeviceFields {
        os_version: "debian12".into(),
        device_ip: "10.0.0.5".into(),
        fingerprint: "f".repeat(32),
        agent: None,
    }
}

fn prepared(call: Call) -> PreparedCall {
    PreparedCall {
        tenant: TenantUrl::parse("tenant.example.com").expect("valid"),
        options: ClientOptions::default(),
        ca_file: None,
        job: Job::Call(call),
    }
}

fn exchange() -> PreparedCall {
    prepared(Call::exchange(&ExchangeRequest {
        access_token: secret(ACCESS),
        session_token: secret(SESSION),
        tenant_id: None,
        client_id: None,
        device: device(),
    }))
}

fn redeem() -> PreparedCall {
    prepared(Call::redeem(&VerifyRequest {
        access_token: secret(ACCESS),
        sso_ticket: secret(TICKET),
        tenant_id: None,
        device: device(),
    }))
}

/// An answer with HTTP `status`, as the client records it (already masked).
fn answered(step: Step, status: u16, result: Result<Answer, CiamError>) -> JobResult {
    JobResult::Call(Box::new(CallOutcome {
        step,
        record: HttpRecord::new(
            RequestRecord {
                method: "POST".into(),
                url: "https://tenant.example.com/api".into(),
                headers: vec![("Authorization".into(), "Bearer ••••••••".into())],
                body: "{}".into(),
            },
            Some(ResponseRecord {
                status,
                headers: Vec::new(),
                body: "{}".into(),
            }),
            Duration::from_millis(84),
        ),
        result,
    }))
}

fn ticket_answer() -> JobResult {
    let grant = TicketGrant {
        sso_ticket: TICKET.into(),
        expire_secs: 300,
    };
    answered(Step::Exchange, 200, Ok(Answer::Ticket(grant)))
}

fn rejected(code: &str, message: &str) -> JobResult {
    let error = CiamError::Rejected {
        status: 400,
        code: Some(code.into()),
        message: Some(message.into()),
        body: String::new(),
    };
    answered(Step::Exchange, 400, Err(error))
}

/// The session's report as the window makes it, when a call went out.
fn report(s: &Session) -> Option<String> {
    Redactor::new()
        .with("access token", &secret(ACCESS))
        .with("session token", &secret(SESSION));
    s.register_secrets();
    let setting = Setting {
        tenant: "https://tenant.example.com".into(),
        device: crate::device::SentDevice::default(),
        front_end: FrontEnd::Window,
        profile: None,
        fields: crate::store::ProfileFields::default(),
    };
    let hand_over = HandOver::new(setting, s.step_records()).with_user(s.redeemed_user());
    (!hand_over.is_empty()).then(|| hand_over.markdown(OffsetDateTime::UNIX_EPOCH, Lang::En))
}

const EXCHANGE: Operation = Operation::Call(Step::Exchange);
const REDEEM: Operation = Operation::Call(Step::Redeem);

/// A session with an exchange finished: its ticket on screen.
fn with_ticket() -> Session {
    let mut s = Session::default();
    let id = s
        .begin(EXCHANGE, exchange(), Instant::now())
        .expect("started");
    s.finish(
        id,
        ticket_answer(),
        Instant::now(),
        OffsetDateTime::UNIX_EPOCH,
    );
    s
}

/// A session with a ticket on screen and its redeem running; the redeem's id.
fn redeeming() -> (Session, u64) {
    let mut s = with_ticket();
    let id = s.begin(REDEEM, redeem(), Instant::now()).expect("started");
    (s, id)
}

#[test]
fn a_finished_exchange_goes_into_the_history_and_shows_the_ticket() {
    let mut s = Session::default();
    let t0 = Instant::now();
    let id = s.begin(EXCHANGE, exchange(), t0).expect("started");
    assert!(
        s.begin(EXCHANGE, exchange(), t0).is_none(),
        "one call at a time"
    );

    let filled = s.finish(id, ticket_answer(), t0, OffsetDateTime::UNIX_EPOCH);
    assert!(filled.is_none(), "an exchange fills in no field");
    assert!(s.running.is_none());
    assert_eq!(s.history.len(), 1);
    let entry = &s.history[0];
    assert_eq!(entry.status(Lang::En), "HTTP 200");
    assert_eq!(entry.summary(Lang::En), "ticket issued, valid for 300 s");
    assert!(entry.ok());
    let ticket = s.ticket().expect("the ticket on screen");
    assert_eq!(ticket.value, TICKET);
    assert_eq!(ticket.countdown(t0 + Duration::from_secs(60)), "04:00");
}

#[test]
fn a_rejection_shows_its_card_and_its_code_in_the_history() {
    let mut s = Session::default();
    let id = s
        .begin(EXCHANGE, exchange(), Instant::now())
        .expect("started");
    let answer = rejected("IDAAS.SDK.PARAM.0023", "Invalid or expired session token");
    s.finish(id, answer, Instant::now(), OffsetDateTime::UNIX_EPOCH);
    assert_eq!(
        s.history[0].status(Lang::En),
        "HTTP 400 IDAAS.SDK.PARAM.0023"
    );
    assert_eq!(
        s.history[0].summary(Lang::En),
        "failed: Session token rejected"
    );
    assert!(matches!(&s.verdict, Verdict::Failed { operation, .. } if *operation == EXCHANGE));
}

#[test]
fn cancel_drops_the_late_result() {
    let mut s = Session::default();
    let t0 = Instant::now();
    let id = s.begin(EXCHANGE, exchange(), t0).expect("started");
    assert!(s.cancel(t0 + Duration::from_millis(1500), OffsetDateTime::UNIX_EPOCH));
    assert!(matches!(s.verdict, Verdict::Cancelled { after, .. } if after.as_millis() == 1500));

    let late = s.finish(
        id,
        ticket_answer(),
        Instant::now(),
        OffsetDateTime::UNIX_EPOCH,
    );
    assert!(late.is_none());
    assert!(
        s.ticket().is_none(),
        "a cancelled call's ticket never appears"
    );
    assert_eq!(s.history.len(), 1);
    assert_eq!(s.history[0].status(Lang::En), "cancelled");
    assert!(
        !s.cancel(Instant::now(), OffsetDateTime::UNIX_EPOCH),
        "nothing left to cancel"
    );
}

#[test]
fn a_superseded_result_is_dropped() {
    let mut s = Session::default();
    let first = s
        .begin(EXCHANGE, exchange(), Instant::now())
        .expect("started");
    s.cancel(Instant::now(), OffsetDateTime::UNIX_EPOCH);
    let second = s
        .begin(EXCHANGE, exchange(), Instant::now())
        .expect("started");
    assert_ne!(first, second);
    assert!(
        s.finish(
            first,
            ticket_answer(),
            Instant::now(),
            OffsetDateTime::UNIX_EPOCH
        )
        .is_none()
    );
    assert!(s.running.is_some(), "the newer call still runs");
    assert!(s.ticket().is_none());
}

#[test]
fn a_refused_input_sends_nothing_and_says_why() {
    let mut s = Session::default();
    s.refuse(
        EXCHANGE,
        CiamError::invalid_input("domain", crate::msg!("input-empty")),
    );
    assert!(s.history.is_empty() && s.running.is_none());
    assert!(matches!(&s.verdict, Verdict::Failed { failure, .. }
            if failure.error.to_string() == "domain: it is empty"));
    let none = report(&s);
    assert!(none.is_none(), "nothing went out: nothing to report");
}

#[test]
fn redeem_keeps_the_ticket_and_names_its_owner_in_the_report() {
    let (mut s, id) = redeeming();
    assert!(
        s.ticket().is_some(),
        "the ticket stays on screen while it is redeemed"
    );
    let user = UserInfo {
        attributes: vec![("name".into(), "张伟".into())],
        shape: UserInfoShape::Flat,
    };
    let answer = answered(Step::Redeem, 200, Ok(Answer::User(user)));
    s.finish(id, answer, Instant::now(), OffsetDateTime::UNIX_EPOCH);
    assert_eq!(s.history[1].summary(Lang::En), "ticket redeemed: 张伟");
    assert_eq!(
        s.next_tick(Instant::now()),
        None,
        "a used ticket no longer counts down"
    );

    let report = report(&s).expect("a report");
    assert!(
        report.contains("**Ticket issued and redeemed for 张伟**"),
        "{report}"
    );
    assert!(report.contains("| 1 | Exchange session token for SSO ticket | ticket issued"));
    assert!(report.contains("| 2 | Redeem the ticket for user info |"));
    assert!(
        !report.contains(TICKET),
        "the ticket is redacted:\n{report}"
    );
}

#[test]
fn a_failed_redeem_shows_beside_the_ticket() {
    let (mut s, id) = redeeming();
    let error = CiamError::invalid_input("x", crate::i18n::Message::verbatim("y"));
    let answer = answered(Step::Redeem, 400, Err(error));
    s.finish(id, answer, Instant::now(), OffsetDateTime::UNIX_EPOCH);
    match &s.verdict {
        Verdict::Ticket(view) => assert!(view.redeem_error.is_some() && view.user.is_none()),
        _ => panic!("the ticket card stays"),
    }
}

#[test]
fn curl_writes_variables_for_the_secrets() {
    assert!(Session::default().curl().is_none());
    let s = with_ticket();
    let curl = s.curl().expect("the exchange as curl");
    assert!(curl.contains("$SSO_DIAG_ACCESS_TOKEN") && curl.contains("$SSO_DIAG_SESSION_TOKEN"));
    assert!(!curl.contains(ACCESS) && !curl.contains(SESSION), "{curl}");
}
