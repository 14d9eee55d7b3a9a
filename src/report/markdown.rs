//! The hand-over report: a Markdown account of the last run — what was sent (secrets masked), what
//! came back (redacted), the verdict and what to try, timings, the device, the app and the OS —
//! to paste into an escalation.

use std::fmt::Write as _;

use time::OffsetDateTime;

use crate::ciam::{CiamError, UserInfo};
use crate::clock::{format_ms, rfc3339};
use crate::secret::Redactor;
use crate::step::{Step, StepRecord};
use crate::text::{markdown_block, markdown_code, markdown_text};

/// Where the run happened: the tenant, the device as sent, and the OS.
pub struct ReportSetting {
    pub tenant: String,
    pub device: Vec<DeviceRow>,
    pub os_name: String,
}

/// One device field as sent, and where its value came from (`detected`, `set by the user`…).
pub struct DeviceRow {
    pub field: &'static str,
    pub value: String,
    pub source: String,
}

/// The four device rows, in the order the API lists the fields: (value, source) for the OS
/// version, device IP, fingerprint and agent.
pub fn device_rows(values: [(String, String); 4]) -> Vec<DeviceRow> {
    let fields = ["OS version", "device IP", "fingerprint", "agent"];
    fields
        .into_iter()
        .zip(values)
        .map(|(field, (value, source))| DeviceRow {
            field,
            value,
            source,
        })
        .collect()
}

pub enum ReportVerdict {
    Success(String),
    Failure { step: Step, error: CiamError },
}

pub struct Report<'a> {
    pub setting: ReportSetting,
    pub steps: Vec<&'a StepRecord>,
    pub verdict: ReportVerdict,
}

impl<'a> Report<'a> {
    /// The report of `steps` (in the order they ran): the verdict is the last step's. `user` is
    /// whom a redeemed ticket belonged to.
    pub fn from_steps(
        setting: ReportSetting,
        steps: Vec<&'a StepRecord>,
        user: Option<&UserInfo>,
    ) -> Self {
        let verdict = match steps.last() {
            None => ReportVerdict::Success("Nothing was run".to_owned()),
            Some(last) => match &last.error {
                Some(error) => ReportVerdict::Failure {
                    step: last.step,
                    error: error.clone(),
                },
                None => ReportVerdict::Success(match (last.step, user) {
                    (Step::Redeem, Some(user)) => format!(
                        "Ticket issued and redeemed for {}",
                        user.display_name().unwrap_or("the user")
                    ),
                    (Step::Exchange, _) => "Ticket issued".to_owned(),
                    (step, _) => format!("{}: {}", step.title(), last.summary),
                }),
            },
        };
        Self {
            setting,
            steps,
            verdict,
        }
    }

    /// The report as Markdown. `redactor` holds every secret of the run; the whole text goes
    /// through it last, so nothing a tenant echoed can slip through.
    pub fn to_markdown(&self, generated: OffsetDateTime, redactor: &Redactor) -> String {
        let mut md = String::new();
        let when = rfc3339(generated);
        let _ = writeln!(md, "# sso-diag report\n");
        let _ = writeln!(md, "- **Tenant:** {}", self.setting.tenant);
        let _ = writeln!(md, "- **Generated:** {when}");
        let _ = writeln!(
            md,
            "- **sso-diag** {} on {} ({}, {})",
            env!("CARGO_PKG_VERSION"),
            self.setting.os_name,
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        let _ = writeln!(
            md,
            "- Tokens, secrets, passwords and tickets are redacted in this report.\n"
        );

        let _ = writeln!(md, "## Verdict\n");
        match &self.verdict {
            ReportVerdict::Success(text) => {
                let _ = writeln!(md, "**{}**\n", markdown_text(text));
            }
            ReportVerdict::Failure { step, error } => {
                let advice = error.advice();
                let title = markdown_text(&advice.title);
                let _ = writeln!(md, "**{title}** (step: {})\n", step.title());
                let _ = writeln!(md, "- **Evidence:** {}", markdown_code(&error.evidence()));
                let _ = writeln!(md, "- **Likely cause:** {}", markdown_text(&advice.cause));
                let _ = writeln!(md, "- **Try:** {}\n", markdown_text(&advice.action));
            }
        }

        let warnings: Vec<&String> = self.steps.iter().flat_map(|s| &s.warnings).collect();
        if !warnings.is_empty() {
            let _ = writeln!(md, "## Warnings\n");
            for warning in warnings {
                let _ = writeln!(md, "- {}", markdown_text(warning));
            }
            let _ = writeln!(md);
        }

        let _ = writeln!(md, "## Steps\n");
        let _ = writeln!(md, "| # | step | outcome | HTTP | time |");
        let _ = writeln!(md, "|---|---|---|---|---|");
        for (i, step) in self.steps.iter().enumerate() {
            let status = step
                .http_status()
                .map(|s| s.to_string())
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                md,
                "| {} | {} | {} | {status} | {} |",
                i + 1,
                step.step.title(),
                markdown_text(&step.summary),
                format_ms(step.record.elapsed)
            );
        }
        let _ = writeln!(md);

        if !self.setting.device.is_empty() {
            let _ = writeln!(md, "## Device\n");
            let _ = writeln!(md, "| field | value | source |");
            let _ = writeln!(md, "|---|---|---|");
            for DeviceRow {
                field,
                value,
                source,
            } in &self.setting.device
            {
                let (value, source) = (markdown_code(value), markdown_text(source));
                let _ = writeln!(md, "| {field} | {value} | {source} |");
            }
            let _ = writeln!(md);
        }

        for (i, step) in self.steps.iter().enumerate() {
            if !step.was_sent() {
                continue;
            }
            let record = &step.record;
            let _ = writeln!(md, "## {}. {}\n", i + 1, step.step.title());
            let mut request = format!("{} {}\n", record.request.method, record.request.url);
            for (k, v) in &record.request.headers {
                let _ = writeln!(request, "{k}: {v}");
            }
            if !record.request.body.is_empty() {
                let _ = writeln!(request, "\n{}", record.request.body);
            }
            let _ = writeln!(
                md,
                "Request:\n\n{}\n",
                markdown_block("http", request.trim_end())
            );
            match &record.response {
                Some(resp) => {
                    let mut response = format!("HTTP {}\n", resp.status);
                    for (k, v) in &resp.headers {
                        let _ = writeln!(response, "{k}: {v}");
                    }
                    if !resp.body.is_empty() {
                        let _ = writeln!(response, "\n{}", resp.body);
                    }
                    let block = markdown_block("http", response.trim_end());
                    let took = format_ms(record.elapsed);
                    let _ = writeln!(md, "Response ({took}):\n\n{block}\n");
                }
                None => {
                    let _ = writeln!(md, "No response after {}.\n", format_ms(record.elapsed));
                }
            }
        }
        redactor.redact(&md)
    }
}
