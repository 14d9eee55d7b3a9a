//! What `sso-diag exchange` prints: the steps, the ticket (first, even when a later step failed:
//! it is issued and may still be used), whose it is, or the error — as text or as one JSON object.

use serde_json::{Value, json};

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
    pub fn print_success(&self, as_json: bool) {
        if as_json {
            let mut value = self.ticket_json();
            if let Some(map) = value.as_object_mut() {
                map.insert("steps".into(), self.steps_json());
                if let Some(user) = &self.result.user {
                    map.insert("user".into(), user.to_json());
                    map.insert("ticket_used".into(), Value::Bool(true));
                }
            }
            out::json(&value, &["sso_ticket"]);
        } else {
            self.print_steps();
            self.print_ticket();
        }
    }

    pub fn print_failure(&self, step: Step, error: &CiamError, as_json: bool) {
        if as_json {
            let mut value = error_json(error, Some(step.key()));
            if self.ticket.is_some()
                && let (Some(map), Value::Object(ticket)) =
                    (value.as_object_mut(), self.ticket_json())
            {
                map.extend(ticket);
            }
            out::json(&value, &["sso_ticket"]);
        } else {
            self.print_ticket();
            report_step_error(error, Some(step.key()), false);
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

    /// The steps before the exchange, a line each.
    fn print_steps(&self) {
        for s in &self.result.steps {
            if s.step != Step::Exchange {
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
        if let Some(user) = &self.result.user {
            out::line("user");
            for (k, v) in &user.attributes {
                out::line(format!("  {k:<10}  {v}"));
            }
        }
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
