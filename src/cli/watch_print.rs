//! What `sso-diag watch` prints for a person — a line per attempt, the summary of each tenant —
//! and the CSV it writes as it goes. With several tenants, each line starts with its profile.

use std::io::Write;

use super::out;
use crate::ciam::CiamError;
use crate::clock::{millis, rfc3339};
use crate::i18n::Lang;
use crate::watch::{self, Attempt, Phase, Summary};
use crate::{msg, tr};

/// `[acme] ` before each line of a watch of several tenants; nothing for one.
pub fn prefix(profile: Option<&str>, several: bool) -> String {
    match profile {
        Some(name) if several => format!("[{}] ", crate::text::escape_controls(name)),
        _ => String::new(),
    }
}

/// `#3  12:01:02  ticket  dns 1.2 · connect 0.3 · tls 3.4 · first byte 20.1 · total 25.3 ms`
pub fn attempt_line(attempt: &Attempt, lang: Lang) -> String {
    let l = lang;
    let mut phases: Vec<String> = Phase::ALL
        .iter()
        .filter_map(|p| {
            let ms = millis(attempt.phases.get(*p)?);
            Some(tr!(l, "watch-phase-ms", phase = p.name(l), ms = ms))
        })
        .collect();
    phases.push(tr!(l, "watch-total-ms", ms = millis(attempt.phases.total)));
    tr!(
        l,
        "watch-line",
        number = u64::from(attempt.number),
        time = crate::clock::local_hms(attempt.at),
        outcome = attempt.outcome.words(l),
        phases = phases.join(" · ")
    )
}

/// The summary of one tenant, each line after `prefix`: the headline, p50/p95/p99/max per
/// phase, what is exact and what is not, the failures by class and code.
pub fn print_summary(summary: &Summary, prefix: &str, lang: Lang) {
    let l = lang;
    out::line("");
    out::line(format!("{prefix}{}", summary.headline(l)));
    out::line(format!("{prefix}{}", tr!(l, "watch-summary-header")));
    for (phase, spread) in &summary.phases {
        let name = phase.map_or_else(|| tr!(l, "watch-total"), |p| p.name(l));
        out::line(format!(
            "{prefix}  {} {:>9} {:>9} {:>9} {:>9}",
            crate::text::pad_columns(&name, 12),
            millis(spread.p50),
            millis(spread.p95),
            millis(spread.p99),
            millis(spread.max)
        ));
    }
    if !summary.phases.is_empty() {
        out::line(format!("{prefix}{}", tr!(l, "watch-summary-precision")));
    }
    for ((class, code), n) in &summary.failures {
        let code = crate::text::escape_controls(code.as_deref().unwrap_or_default());
        let class = watch::class_name(class, l);
        let line = tr!(
            l,
            "watch-failures",
            class = class,
            code = code,
            count = u64::from(*n)
        );
        out::line(format!("{prefix}{line}"));
    }
}

/// Every attempt as a CSV row, written as it happens (a Ctrl+C keeps what was measured).
pub struct Csv {
    file: std::fs::File,
}

impl Csv {
    pub fn create(path: &std::path::Path) -> Result<Self, CiamError> {
        let mut file = crate::files::create_private(path).map_err(|e| {
            let (path, error) = (path.display().to_string(), e.to_string());
            CiamError::invalid_input(
                "csv",
                msg!("input-cannot-write", path = path, error = error),
            )
        })?;
        let phases: Vec<String> = Phase::ALL
            .iter()
            .map(|p| format!("{}_ms", p.key()))
            .collect();
        let header = format!(
            "attempt,at,outcome,code,status,new_connection,{},total_ms,profile\n",
            phases.join(",")
        );
        let _ = file.write_all(header.as_bytes());
        Ok(Self { file })
    }

    /// `profile`: the tenant's profile, if it was given one.
    pub fn write(&mut self, attempt: &Attempt, profile: Option<&str>) {
        let phases: Vec<String> = Phase::ALL
            .iter()
            .map(|p| {
                attempt
                    .phases
                    .get(*p)
                    .map(|d| millis(d).to_string())
                    .unwrap_or_default()
            })
            .collect();
        let row = format!(
            "{},{},{},{},{},{},{},{},{}\n",
            attempt.number,
            rfc3339(attempt.at),
            attempt.outcome.class(),
            csv_field(attempt.outcome.code().unwrap_or_default()),
            attempt.status.map(|s| s.to_string()).unwrap_or_default(),
            attempt.new_connection,
            phases.join(","),
            millis(attempt.phases.total),
            csv_field(profile.unwrap_or_default()),
        );
        let _ = self.file.write_all(crate::secret::redact(&row).as_bytes());
    }
}

/// A tenant's code (or a profile's name) as one CSV field, whatever it contains: redacted first
/// (a secret with a `"` in it would be hidden by the quoting), then made inert for a spreadsheet.
fn csv_field(text: &str) -> String {
    crate::text::csv_cell(&crate::secret::redact_tenant_text(text))
}
