//! The hand-over report: a Markdown account of the last run — what was sent (secrets masked), what
//! came back (redacted), the verdict and what to try, timings, the device, the app and the OS —
//! to paste into an escalation.

use std::fmt::Write as _;

use time::OffsetDateTime;

use crate::ciam::{CiamError, UserInfo};
use crate::clock::{format_ms, rfc3339};
use crate::device::FingerprintSource;
use crate::i18n::Lang;
use crate::secret::Redactor;
use crate::step::{Step, StepRecord};
use crate::text::{markdown_block, markdown_code, markdown_text};
use crate::tr;

/// Where the run happened: the tenant, the device as sent, and the OS.
pub struct ReportSetting {
    pub tenant: String,
    pub device: Vec<DeviceRow>,
    pub os_name: String,
}

/// One device field as sent, and where its value came from.
pub struct DeviceRow {
    pub field: DeviceField,
    pub value: String,
    pub source: ValueSource,
}

/// The device fields the API takes, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceField {
    OsVersion,
    DeviceIp,
    Fingerprint,
    Agent,
}

impl DeviceField {
    pub fn name(self, lang: Lang) -> String {
        match self {
            DeviceField::OsVersion => tr!(lang, "report-field-os-version"),
            DeviceField::DeviceIp => tr!(lang, "report-field-device-ip"),
            DeviceField::Fingerprint => tr!(lang, "report-field-fingerprint"),
            DeviceField::Agent => tr!(lang, "report-field-agent"),
        }
    }
}

/// Where a device value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueSource {
    Detected,
    SetByUser,
    /// A detected fingerprint, and what it was derived from.
    Fingerprint(FingerprintSource),
}

impl ValueSource {
    pub fn words(self, lang: Lang) -> String {
        match self {
            ValueSource::Detected => tr!(lang, "report-source-detected"),
            ValueSource::SetByUser => tr!(lang, "report-source-set-by-user"),
            ValueSource::Fingerprint(source) => source.describe(lang),
        }
    }

    /// Detected, or set by the user.
    pub fn detected_if(detected: bool) -> Self {
        if detected {
            ValueSource::Detected
        } else {
            ValueSource::SetByUser
        }
    }
}

/// The four device rows, in the order the API lists the fields: (value, source) for the OS
/// version, device IP, fingerprint and agent.
pub fn device_rows(values: [(String, ValueSource); 4]) -> Vec<DeviceRow> {
    let fields = [
        DeviceField::OsVersion,
        DeviceField::DeviceIp,
        DeviceField::Fingerprint,
        DeviceField::Agent,
    ];
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
    Nothing,
    /// The last step worked; `user` is whom a redeemed ticket belonged to.
    Success {
        user: Option<String>,
    },
    Failure {
        step: Step,
        error: CiamError,
    },
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
            None => ReportVerdict::Nothing,
            Some(last) => match &last.error {
                Some(error) => ReportVerdict::Failure {
                    step: last.step,
                    error: error.clone(),
                },
                None => ReportVerdict::Success {
                    user: user
                        .and_then(UserInfo::display_name)
                        .or(last.user_name())
                        .map(str::to_owned),
                },
            },
        };
        Self {
            setting,
            steps,
            verdict,
        }
    }

    /// The verdict in one line, for a success.
    fn success_text(&self, lang: Lang) -> String {
        let l = lang;
        let Some(last) = self.steps.last() else {
            return tr!(l, "report-nothing-run");
        };
        match (&self.verdict, last.step) {
            (ReportVerdict::Success { user: Some(user) }, Step::Redeem) if !user.is_empty() => {
                tr!(l, "report-ticket-redeemed-for", user = user.as_str())
            }
            (_, Step::Redeem) => tr!(l, "report-ticket-redeemed"),
            (_, Step::Exchange) => tr!(l, "report-ticket-issued"),
            (_, step) => tr!(
                l,
                "report-step-done",
                step = step.title(l),
                summary = last.summary(l)
            ),
        }
    }

    /// The report as Markdown, in `lang` (headings and sentences; the evidence is as sent and
    /// received). `redactor` holds every secret of the run; the whole text goes through it last,
    /// so nothing a tenant echoed can slip through.
    pub fn to_markdown(
        &self,
        generated: OffsetDateTime,
        redactor: &Redactor,
        lang: Lang,
    ) -> String {
        let l = lang;
        let mut md = String::new();
        let when = rfc3339(generated);
        let _ = writeln!(md, "# {}\n", tr!(l, "report-title"));
        let tenant = self.setting.tenant.as_str();
        let _ = writeln!(md, "- {}", tr!(l, "report-tenant", tenant = tenant));
        let _ = writeln!(md, "- {}", tr!(l, "report-generated", when = when));
        let _ = writeln!(
            md,
            "- {}",
            tr!(
                l,
                "report-app",
                version = env!("CARGO_PKG_VERSION"),
                os = self.setting.os_name.as_str(),
                platform = format!("{}, {}", std::env::consts::OS, std::env::consts::ARCH)
            )
        );
        let _ = writeln!(md, "- {}", tr!(l, "report-language", language = l.tag()));
        let _ = writeln!(md, "- {}\n", tr!(l, "report-redacted"));

        let _ = writeln!(md, "## {}\n", tr!(l, "report-verdict"));
        match &self.verdict {
            ReportVerdict::Nothing | ReportVerdict::Success { .. } => {
                let _ = writeln!(md, "**{}**\n", markdown_text(&self.success_text(l)));
            }
            ReportVerdict::Failure { step, error } => {
                let advice = error.advice(l);
                let title = markdown_text(&advice.title);
                let step = markdown_text(&step.title(l));
                let _ = writeln!(
                    md,
                    "{}\n",
                    tr!(l, "report-failed-at", title = title, step = step)
                );
                let evidence = markdown_code(&error.evidence());
                let cause = markdown_text(&advice.cause);
                let action = markdown_text(&advice.action);
                let _ = writeln!(md, "- {}", tr!(l, "report-evidence", evidence = evidence));
                let _ = writeln!(md, "- {}", tr!(l, "report-cause", cause = cause));
                let _ = writeln!(md, "- {}\n", tr!(l, "report-try", action = action));
            }
        }

        let warnings: Vec<String> = self.steps.iter().flat_map(|s| s.warnings(l)).collect();
        if !warnings.is_empty() {
            let _ = writeln!(md, "## {}\n", tr!(l, "report-warnings"));
            for warning in warnings {
                let _ = writeln!(md, "- {}", markdown_text(&warning));
            }
            let _ = writeln!(md);
        }

        let _ = writeln!(md, "## {}\n", tr!(l, "report-steps"));
        let _ = writeln!(md, "{}", tr!(l, "report-steps-header"));
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
                markdown_text(&step.step.title(l)),
                markdown_text(&step.summary(l)),
                format_ms(step.record.elapsed)
            );
        }
        let _ = writeln!(md);

        if !self.setting.device.is_empty() {
            let _ = writeln!(md, "## {}\n", tr!(l, "report-device"));
            let _ = writeln!(md, "{}", tr!(l, "report-device-header"));
            let _ = writeln!(md, "|---|---|---|");
            for DeviceRow {
                field,
                value,
                source,
            } in &self.setting.device
            {
                let (value, source) = (markdown_code(value), markdown_text(&source.words(l)));
                let field = field.name(l);
                let _ = writeln!(md, "| {field} | {value} | {source} |");
            }
            let _ = writeln!(md);
        }

        for (i, step) in self.steps.iter().enumerate() {
            if !step.was_sent() {
                continue;
            }
            let record = &step.record;
            let _ = writeln!(md, "## {}. {}\n", i + 1, markdown_text(&step.step.title(l)));
            let mut request = format!("{} {}\n", record.request.method, record.request.url);
            for (k, v) in &record.request.headers {
                let _ = writeln!(request, "{k}: {v}");
            }
            if !record.request.body.is_empty() {
                let _ = writeln!(request, "\n{}", record.request.body);
            }
            let request = markdown_block("http", request.trim_end());
            let _ = writeln!(md, "{}\n\n{request}\n", tr!(l, "report-request"));
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
                    let heading = tr!(l, "report-response", took = took);
                    let _ = writeln!(md, "{heading}\n\n{block}\n");
                }
                None => {
                    let took = format_ms(record.elapsed);
                    let _ = writeln!(md, "{}\n", tr!(l, "report-no-response", took = took));
                }
            }
        }
        redactor.redact(&md)
    }
}
