//! What `exchange`, `redeem` and `refresh` print: the steps, the ticket (first, even when a later
//! step failed: it is issued and may still be used), whose it is, the session's state, warnings,
//! or the error — as text or as one JSON object.

use serde_json::{Value, json};

use secrecy::ExposeSecret;

use super::out;
use super::shared::{error_json, report_step_error};
use crate::ciam::{CiamError, TenantUrl};
use crate::clock::{millis, rfc3339};
use crate::device::{DeviceOverrides, DeviceProfile, FingerprintSource};
use crate::flow::FlowResult;
use crate::report::{ReportSetting, device_rows};
use crate::step::Step;
use crate::ticket::Ticket;

/// A finished run, as the printer needs it.
pub struct Run<'a> {
    pub result: &'a FlowResult,
    pub ticket: Option<&'a Ticket>,
    pub base: &'a TenantUrl,
    pub profile: &'a DeviceProfile,
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
            out::line(format!(
                "Ticket redeemed: it belongs to {} (it is now used up)",
                user.display_name().unwrap_or("(no name)")
            ));
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
            let mut value = json!({"session_state": "alive", "expire": grant.expire});
            if print_token {
                insert(&mut value, "session_token", json!(token));
            }
            self.print_json(value, &["session_token"]);
        } else {
            self.print_steps();
            out::line(
                "The session is alive: the tenant refreshed it and issued a new session token.",
            );
            if let Some(expire) = grant.expire {
                out::line(format!("  valid for   {expire} s"));
            }
            if print_token {
                out::reveal("  token       ", token);
            } else {
                out::line("  (add --print-token to print the new token itself)");
            }
            self.print_warnings();
        }
    }

    pub fn print_failure(&self, error: &CiamError, as_json: bool) {
        let step = self.result.failure().map(|(step, _)| step.key());
        let end = self.result.steps.last().and_then(|s| s.session_end);
        if as_json {
            let mut value = error_json(error, step);
            if let (Value::Object(ticket), Some(map)) = (self.ticket_json(), value.as_object_mut())
            {
                map.extend(ticket);
            }
            if let Some(end) = end {
                insert(&mut value, "session_state", json!(end.key()));
                insert(&mut value, "note", json!(end.explain()));
            }
            self.print_json(value, &["sso_ticket"]);
        } else {
            self.print_ticket();
            self.print_warnings();
            report_step_error(error, step, false);
            if let Some(end) = end {
                out::eline(format!("  {}", end.explain()));
            }
        }
    }

    /// `value` with the steps and the warnings added, on standard output.
    fn print_json(&self, mut value: Value, reveal: &[&str]) {
        insert(&mut value, "steps", self.steps_json());
        insert(&mut value, "warnings", json!(self.result.warnings()));
        out::json(&value, reveal);
    }

    fn print_warnings(&self) {
        for warning in self.result.warnings() {
            out::eline(format!("warning: {warning}"));
        }
    }

    fn print_user(&self) {
        if let Some(user) = &self.result.user {
            out::line("user");
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
        let exchange_ms = self.exchange_ms();
        json!({
            "sso_ticket": ticket.value,
            "expire": ticket.expire().as_secs(),
            "expires_at": ticket.expires_wall().map(rfc3339),
            "received_at": rfc3339(ticket.received_wall),
            "elapsed_ms": exchange_ms,
            "tenant": self.base.to_string(),
            "device": {
                "os_version": self.profile.os_version,
                "device_ip": self.profile.device_ip,
                "device_fingerprint": self.profile.fingerprint,
                "agent": self.profile.agent,
            },
        })
    }

    fn steps_json(&self) -> Value {
        let steps = self.result.steps.iter().map(|s| {
            json!({
                "step": s.step.key(),
                "status": s.http_status(),
                "elapsed_ms": millis(s.record.elapsed),
                "summary": s.summary,
            })
        });
        Value::Array(steps.collect())
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
                out::line(format!(
                    "{:<40} {} ({} ms)",
                    s.step.title(),
                    s.summary,
                    millis(s.record.elapsed)
                ));
            }
        }
    }

    fn print_ticket(&self) {
        let Some(ticket) = self.ticket else {
            return;
        };
        let exchange_ms = self.exchange_ms().unwrap_or_default();
        out::line(format!(
            "SSO ticket issued by {} in {exchange_ms} ms",
            self.base
        ));
        out::reveal("  ticket      ", &ticket.value);
        if self.result.user.is_some() {
            out::line("  status      redeemed (one-time: it cannot be used again)");
        } else {
            let until = ticket
                .expires_wall()
                .map(rfc3339)
                .unwrap_or_else(|| "beyond any date".to_owned());
            out::line(format!(
                "  expires in  {} (at {until}; one-time use)",
                ticket.countdown(ticket.received_at()),
            ));
        }
        let p = self.profile;
        out::line(format!(
            "  device      {} · {} · fingerprint {} · {}",
            p.os_version, p.device_ip, p.fingerprint, p.agent
        ));
        self.print_user();
    }

    /// The report's setting: the tenant, and each device value with where it came from.
    pub fn report_setting(&self, overrides: &DeviceOverrides) -> ReportSetting {
        let profile = self.profile;
        let source = |overridden: bool| {
            if overridden {
                "set by the user"
            } else {
                "detected"
            }
            .to_owned()
        };
        let fingerprint_source = if profile.fingerprint_source == FingerprintSource::Override {
            "set by the user".to_owned()
        } else {
            profile.fingerprint_source.describe().to_owned()
        };
        ReportSetting {
            tenant: self.base.to_string(),
            device: device_rows([
                (
                    profile.os_version.clone(),
                    source(overrides.os_version.is_some()),
                ),
                (
                    profile.device_ip.clone(),
                    source(overrides.device_ip.is_some()),
                ),
                (profile.fingerprint.clone(), fingerprint_source),
                (profile.agent.clone(), source(overrides.agent.is_some())),
            ]),
            os_name: profile.os_name.clone(),
        }
    }
}

fn insert(value: &mut Value, key: &str, item: Value) {
    if let Some(map) = value.as_object_mut() {
        map.insert(key.to_owned(), item);
    }
}
