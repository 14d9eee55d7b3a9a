//! The hand-over report: a Markdown account of the last run — what was sent (secrets masked), what
//! came back (redacted), the verdict and what to try, timings, the device, the app and the OS —
//! to paste into an escalation.

use std::fmt::Write as _;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::ciam::{CiamError, HttpRecord};
use crate::secret::Redactor;

pub struct ReportStep {
    pub title: String,
    pub summary: String,
    pub record: Option<HttpRecord>,
}

pub enum ReportVerdict {
    Success(String),
    Failure { step: String, error: CiamError },
}

pub struct Report {
    pub tenant: String,
    /// Field, value, where it came from.
    pub device: Vec<(String, String, String)>,
    pub os_name: String,
    pub steps: Vec<ReportStep>,
    pub verdict: ReportVerdict,
}

impl Report {
    /// The report as Markdown. `redactor` holds every secret of the run; the whole text goes
    /// through it last, so nothing a tenant echoed can slip through.
    pub fn to_markdown(&self, generated: OffsetDateTime, redactor: &Redactor) -> String {
        let mut md = String::new();
        let when = generated
            .replace_nanosecond(0)
            .unwrap_or(generated)
            .format(&Rfc3339)
            .unwrap_or_default();
        let _ = writeln!(md, "# sso-diag report\n");
        let _ = writeln!(md, "- **Tenant:** {}", self.tenant);
        let _ = writeln!(md, "- **Generated:** {when}");
        let _ = writeln!(
            md,
            "- **sso-diag** {} on {} ({}, {})",
            env!("CARGO_PKG_VERSION"),
            self.os_name,
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
                let _ = writeln!(md, "**{text}**\n");
            }
            ReportVerdict::Failure { step, error } => {
                let advice = error.advice();
                let _ = writeln!(md, "**{}** (step: {step})\n", advice.title);
                let mut evidence = Vec::new();
                if let Some(s) = error.status() {
                    evidence.push(format!("HTTP {s}"));
                }
                if let Some(c) = error.code() {
                    evidence.push(format!("`{c}`"));
                }
                evidence.push(error.message());
                let _ = writeln!(md, "- **Evidence:** {}", evidence.join(" · "));
                let _ = writeln!(md, "- **Likely cause:** {}", advice.cause);
                let _ = writeln!(md, "- **Try:** {}\n", advice.action);
            }
        }

        let _ = writeln!(md, "## Steps\n");
        let _ = writeln!(md, "| # | step | outcome | HTTP | time |");
        let _ = writeln!(md, "|---|---|---|---|---|");
        for (i, step) in self.steps.iter().enumerate() {
            let status = step
                .record
                .as_ref()
                .and_then(|r| r.response.as_ref())
                .map(|r| r.status.to_string())
                .unwrap_or_else(|| "—".into());
            let time = step
                .record
                .as_ref()
                .map(|r| format!("{:.1} ms", r.elapsed.as_secs_f64() * 1000.0))
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                md,
                "| {} | {} | {} | {status} | {time} |",
                i + 1,
                step.title,
                step.summary.replace('|', "\\|")
            );
        }
        let _ = writeln!(md);

        if !self.device.is_empty() {
            let _ = writeln!(md, "## Device\n");
            let _ = writeln!(md, "| field | value | source |");
            let _ = writeln!(md, "|---|---|---|");
            for (field, value, source) in &self.device {
                let _ = writeln!(md, "| {field} | `{value}` | {source} |");
            }
            let _ = writeln!(md);
        }

        for (i, step) in self.steps.iter().enumerate() {
            let Some(record) = &step.record else { continue };
            let _ = writeln!(md, "## {}. {}\n", i + 1, step.title);
            let _ = writeln!(md, "Request:\n\n```http");
            let _ = writeln!(md, "{} {}", record.request.method, record.request.url);
            for (k, v) in &record.request.headers {
                let _ = writeln!(md, "{k}: {v}");
            }
            if !record.request.body.is_empty() {
                let _ = writeln!(md, "\n{}", record.request.body);
            }
            let _ = writeln!(md, "```\n");
            match &record.response {
                Some(resp) => {
                    let _ = writeln!(
                        md,
                        "Response ({:.1} ms):\n\n```http",
                        record.elapsed.as_secs_f64() * 1000.0
                    );
                    let _ = writeln!(md, "HTTP {}", resp.status);
                    for (k, v) in &resp.headers {
                        let _ = writeln!(md, "{k}: {v}");
                    }
                    if !resp.body.is_empty() {
                        let _ = writeln!(md, "\n{}", resp.body);
                    }
                    let _ = writeln!(md, "```\n");
                }
                None => {
                    let _ = writeln!(
                        md,
                        "No response after {:.1} ms.\n",
                        record.elapsed.as_secs_f64() * 1000.0
                    );
                }
            }
        }
        redactor.redact(&md)
    }
}
