//! The hand-over report: a Markdown account of the latest call of each step — what was sent
//! (secrets masked), what came back (redacted), the verdict and what to try, timings, the device
//! as sent and where each value came from, the app and the OS — to paste into an escalation.

use std::fmt::Write as _;

use time::OffsetDateTime;

use super::HandOver;
use super::verdict::Verdict;
use crate::clock::{format_ms, rfc3339};
use crate::i18n::Lang;
use crate::step::StepRecord;
use crate::text::{markdown_block, markdown_code, markdown_text};
use crate::tr;

impl HandOver<'_> {
    /// The report as Markdown, in `lang` (headings and sentences; the evidence is as sent and
    /// received), every secret this process has seen redacted last.
    pub fn markdown(&self, generated: OffsetDateTime, lang: Lang) -> String {
        let l = lang;
        let steps = self.latest_steps();
        let mut md = String::new();
        self.header(&mut md, generated, l);
        let _ = writeln!(md, "## {}\n", tr!(l, "report-verdict"));
        match self.verdict() {
            Verdict::Failure { record, error } => {
                let advice = record.advice(l).unwrap_or_else(|| error.advice(l));
                let title = markdown_text(&advice.title);
                let step = markdown_text(&record.step.title(l));
                let _ = writeln!(
                    md,
                    "{}\n",
                    tr!(l, "report-failed-at", title = title, step = step)
                );
                let evidence = markdown_code(&error.evidence_in(l));
                let cause = markdown_text(&advice.cause);
                let action = markdown_text(&advice.action);
                let _ = writeln!(md, "- {}", tr!(l, "report-evidence", evidence = evidence));
                let _ = writeln!(md, "- {}", tr!(l, "report-cause", cause = cause));
                let _ = writeln!(md, "- {}\n", tr!(l, "report-try", action = action));
            }
            verdict => {
                let _ = writeln!(md, "**{}**\n", markdown_text(&verdict.title(l)));
            }
        }

        let warnings: Vec<String> = steps.iter().flat_map(|s| s.warnings(l)).collect();
        if !warnings.is_empty() {
            let _ = writeln!(md, "## {}\n", tr!(l, "report-warnings"));
            for warning in warnings {
                let _ = writeln!(md, "- {}", markdown_text(&warning));
            }
            let _ = writeln!(md);
        }

        let _ = writeln!(md, "## {}\n", tr!(l, "report-steps"));
        let _ = writeln!(md, "{}", tr!(l, "report-steps-header"));
        let _ = writeln!(md, "|---|---|---|---|---|---|");
        for (i, step) in steps.iter().enumerate() {
            let status = step
                .http_status()
                .map(|s| s.to_string())
                .unwrap_or_else(|| "—".into());
            let code = step.tenant_code().map(markdown_code).unwrap_or_default();
            let _ = writeln!(
                md,
                "| {} | {} | {} | {status} | {code} | {} |",
                i + 1,
                markdown_text(&step.step.title(l)),
                markdown_text(&step.summary(l)),
                format_ms(step.record.elapsed)
            );
        }
        let _ = writeln!(md);
        self.device_table(&mut md, l);
        for (i, step) in steps.iter().enumerate() {
            if step.was_sent() {
                evidence(&mut md, i + 1, step, l);
            }
        }
        crate::secret::redact(&md)
    }

    /// The title and the lines that say where, when, by what and in which language.
    fn header(&self, md: &mut String, generated: OffsetDateTime, l: Lang) {
        let _ = writeln!(md, "# {}\n", tr!(l, "report-title"));
        let tenant = markdown_text(&self.setting.tenant);
        let _ = writeln!(md, "- {}", tr!(l, "report-tenant", tenant = tenant));
        let when = rfc3339(generated);
        let front_end = self.setting.front_end.words(l);
        let _ = writeln!(
            md,
            "- {}",
            tr!(l, "report-generated", when = when, front_end = front_end)
        );
        let os = markdown_text(&self.setting.device.os_name);
        let platform = format!("{}, {}", std::env::consts::OS, std::env::consts::ARCH);
        let version = env!("CARGO_PKG_VERSION");
        let app = tr!(
            l,
            "report-app",
            version = version,
            os = os,
            platform = platform
        );
        let _ = writeln!(md, "- {app}");
        let _ = writeln!(md, "- {}", tr!(l, "report-language", language = l.tag()));
        let _ = writeln!(md, "- {}\n", tr!(l, "report-redacted"));
    }

    /// The device as sent, and where each value came from.
    fn device_table(&self, md: &mut String, l: Lang) {
        let _ = writeln!(md, "## {}\n", tr!(l, "report-device"));
        let _ = writeln!(md, "{}", tr!(l, "report-device-header"));
        let _ = writeln!(md, "|---|---|---|");
        for (field, value, source) in self.setting.device.rows() {
            let (value, source) = (markdown_code(value), markdown_text(&source.words(l)));
            let field = field.name(l);
            let _ = writeln!(md, "| {field} | {value} | {source} |");
        }
        let _ = writeln!(md);
    }
}

/// Step `number`'s request and answer, as they went over the wire.
fn evidence(md: &mut String, number: usize, step: &StepRecord, l: Lang) {
    let record = &step.record;
    let _ = writeln!(md, "## {number}. {}\n", markdown_text(&step.step.title(l)));
    let mut request = format!("{} {}\n", record.request.method, record.request.url);
    for (k, v) in &record.request.headers {
        let _ = writeln!(request, "{k}: {v}");
    }
    if !record.request.body.is_empty() {
        let _ = writeln!(request, "\n{}", record.request.body);
    }
    let request = markdown_block("http", request.trim_end());
    let _ = writeln!(md, "{}\n\n{request}\n", tr!(l, "report-request"));
    let took = format_ms(record.elapsed);
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
            let heading = tr!(l, "report-response", took = took);
            let _ = writeln!(md, "{heading}\n\n{block}\n");
        }
        None => {
            let _ = writeln!(md, "{}\n", tr!(l, "report-no-response", took = took));
        }
    }
}
