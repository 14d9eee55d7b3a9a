//! What `exchange`, `redeem` and `refresh` print: the steps, the ticket (first, even when a later
//! step failed: it is issued and may still be used), whose it is, the session's state, warnings,
//! or the error — as text or as one JSON object.

use serde_json::{Value, json};

use secrecy::ExposeSecret;

use super::out;
use super::shared::{failure_json, print_failure};
use crate::ciam::CiamError;
use crate::clock::{millis, rfc3339};
use crate::flow::FlowResult;
use crate::i18n::Lang;
use crate::report::HandOver;
use crate::step::Step;
use crate::text::pad_columns;
use crate::ticket::Ticket;
use crate::tr;

/// A finished run, as the printer needs it.
pub struct Run<'a> {
    pub result: &'a FlowResult,
    pub ticket: Option<&'a Ticket>,
    /// The run as every document of it says it: the device as sent, the steps.
    pub hand_over: &'a HandOver<'a>,
    /// The human output's language (JSON stays English).
    pub lang: Lang,
}

impl Run<'_> {
    pub fn print_exchange(&self, as_json: bool) {
        if as_json {
            let mut value = self.ticket_json();
            if let Some(user) = &self.result.user {
                insert(&mut value, "user", user.to_json());
                insert(&mut value, "ticket_used", Value::Bool(true));
            }
            self.print_json(value, &["sso_ticket"]);
        } else {
            self.print_steps();
            self.print_ticket();
            self.print_warnings();
        }
    }

    pub fn print_redeemed(&self, as_json: bool) {
        let Some(user) = &self.result.user else {
            return;
        };
        if as_json {
            let value = json!({"user": user.to_json(), "ticket_used": true});
            self.print_json(value, &[]);
        } else {
            self.print_steps();
            let l = self.lang;
            out::line(match user.display_name() {
                Some(name) => tr!(l, "cli-redeemed", name = name),
                None => tr!(l, "cli-redeemed-no-name"),
            });
            self.print_user();
            self.print_warnings();
        }
    }

    pub fn print_refreshed(&self, as_json: bool, print_token: bool) {
        let Some(grant) = &self.result.session else {
            return;
        };
        let token = grant.session_token.expose_secret();
        if as_json {
            let mut value = json!({
                "session_state": "alive",
                "expire": grant.expire,
                // What became of the token this refresh replaced is the tenant's decision.
                "old_session_token": "may_have_ended",
            });
            if print_token {
                insert(&mut value, "session_token", json!(token));
            }
            self.print_json(value, &["session_token"]);
        } else {
            self.print_steps();
            let l = self.lang;
            out::line(tr!(l, "cli-session-alive"));
            if let Some(expire) = grant.expire {
                out::line(field(
                    &tr!(l, "cli-valid-for"),
                    &tr!(l, "cli-seconds", seconds = expire),
                ));
            }
            if print_token {
                out::reveal(&field(&tr!(l, "cli-token"), ""), token);
            } else {
                out::line(format!("  {}", tr!(l, "cli-print-token-hint")));
            }
            self.print_warnings();
        }
    }

    pub fn print_failure(&self, error: &CiamError, as_json: bool) {
        let step = self.result.failure().map(|(step, _)| step.key());
        let last = self.result.steps.last();
        let end = last.and_then(|s| s.session_end);
        let cause = last.and_then(|s| s.cause.as_ref());
        if as_json {
            let mut value = failure_json(error, step, cause);
            if let (Value::Object(ticket), Some(map)) = (self.ticket_json(), value.as_object_mut())
            {
                map.extend(ticket);
            }
            if let Some(end) = end {
                insert(&mut value, "session_state", json!(end.key()));
                insert(&mut value, "note", json!(end.explain(Lang::En)));
            }
            self.print_json(value, &["sso_ticket"]);
        } else {
            self.print_ticket();
            self.print_warnings();
            // The step by its name in the reader's language (`--json` keeps its key).
            let name = self.result.failure().map(|(step, _)| step.short(self.lang));
            print_failure(error, name.as_deref(), cause, self.lang);
            if let Some(end) = end {
                out::eline(format!("  {}", end.explain(self.lang)));
            }
        }
    }

    /// `value` with what every run's JSON says (tenant, device, steps, warnings, verdict) added,
    /// on standard output.
    fn print_json(&self, mut value: Value, reveal: &[&str]) {
        if let Some(map) = value.as_object_mut() {
            map.extend(self.hand_over.json_fields());
        }
        out::json(&value, reveal);
    }

    fn print_warnings(&self) {
        for warning in self.result.warnings(self.lang) {
            out::eline(tr!(self.lang, "cli-warning", warning = warning));
        }
    }

    fn print_user(&self) {
        if let Some(user) = &self.result.user {
            out::line(tr!(self.lang, "cli-user"));
            for (k, v) in &user.attributes {
                out::line(format!("  {k:<10}  {v}"));
            }
        }
    }

    /// The ticket's own fields, or `{}` without one.
    fn ticket_json(&self) -> Value {
        let Some(ticket) = self.ticket else {
            return json!({});
        };
        json!({
            "sso_ticket": ticket.value,
            "expire": ticket.expire().as_secs(),
            "expires_at": ticket.expires_wall().map(rfc3339),
            "received_at": rfc3339(ticket.received_wall),
            "elapsed_ms": self.exchange_ms(),
        })
    }

    fn exchange_ms(&self) -> Option<f64> {
        self.result
            .steps
            .iter()
            .find(|s| s.step == Step::Exchange)
            .map(|s| millis(s.record.elapsed))
    }

    /// The steps that led to the goal, a line each (the exchange has its own lines).
    fn print_steps(&self) {
        let goal = self.result.steps.last().map(|s| s.step);
        for s in &self.result.steps {
            if s.step != Step::Exchange && Some(s.step) != goal {
                let title = s.step.title(self.lang);
                let summary = s.summary(self.lang);
                let ms = millis(s.record.elapsed);
                out::line(tr!(
                    self.lang,
                    "cli-step-line",
                    step = pad_columns(&title, 40),
                    summary = summary,
                    ms = ms
                ));
            }
        }
    }

    fn print_ticket(&self) {
        let Some(ticket) = self.ticket else {
            return;
        };
        let l = self.lang;
        let exchange_ms = self.exchange_ms().unwrap_or_default();
        out::line(tr!(
            l,
            "cli-ticket-issued",
            tenant = self.hand_over.setting.tenant.as_str(),
            ms = exchange_ms
        ));
        out::reveal(&field(&tr!(l, "cli-ticket"), ""), &ticket.value);
        if self.result.user.is_some() {
            out::line(field(&tr!(l, "cli-status"), &tr!(l, "cli-ticket-used")));
        } else {
            let until = ticket
                .expires_wall()
                .map(rfc3339)
                .unwrap_or_else(|| tr!(l, "cli-beyond-any-date"));
            let left = ticket.countdown(ticket.received_at());
            let expires = tr!(l, "cli-expires", left = left, until = until);
            out::line(field(&tr!(l, "cli-expires-in"), &expires));
        }
        let d = &self.hand_over.setting.device;
        let device = tr!(
            l,
            "cli-device-line",
            os = d.os_version.as_str(),
            ip = d.device_ip.as_str(),
            fingerprint = d.fingerprint.as_str(),
            agent = d.agent.as_str()
        );
        out::line(field(&tr!(l, "cli-device"), &device));
        self.print_user();
    }
}

/// `  label       value`: the label padded to one column in any script.
fn field(label: &str, value: &str) -> String {
    format!("  {} {value}", pad_columns(label, 11))
}

fn insert(value: &mut Value, key: &str, item: Value) {
    if let Some(map) = value.as_object_mut() {
        map.insert(key.to_owned(), item);
    }
}
