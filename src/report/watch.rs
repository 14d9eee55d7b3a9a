//! The report of a watch: the summary table (success rate, p50/p95/max per phase, failures by class
//! and code) and each failure's evidence, in the reader's language, redacted.

use std::fmt::Write as _;

use crate::clock::{format_ms, local_hms, millis};
use crate::i18n::Lang;
use crate::secret::redact;
use crate::text::{markdown_block, markdown_code, markdown_text};
use crate::tr;
use crate::watch::{Attempt, Summary};

/// At most this many failures are quoted in full: the rest are in the counts.
const FAILURES_QUOTED: usize = 20;

/// `chart`: the file name of the chart's PNG beside the report, to show it.
pub fn watch_markdown(
    tenant: &str,
    summary: &Summary,
    attempts: &[Attempt],
    lang: Lang,
    chart: Option<&str>,
) -> String {
    let l = lang;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", tr!(l, "report-watch-title"));
    let _ = writeln!(md, "- {}", tr!(l, "report-tenant", tenant = tenant));
    let _ = writeln!(md, "- {}", tr!(l, "report-language", language = l.tag()));
    let _ = writeln!(md, "- {}\n", tr!(l, "report-redacted"));
    let _ = writeln!(md, "**{}**\n", summary.headline(l));
    if let Some(name) = chart {
        let _ = writeln!(
            md,
            "![{}]({})\n",
            tr!(l, "report-watch-chart"),
            name.replace(' ', "%20")
        );
    }
    let _ = writeln!(md, "{}", tr!(l, "report-watch-phases-header"));
    let _ = writeln!(md, "|---|---|---|---|");
    for (phase, s) in &summary.phases {
        let name = phase.map_or_else(|| tr!(l, "watch-total"), |p| p.name(l));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            markdown_text(&name),
            millis(s.p50),
            millis(s.p95),
            millis(s.max)
        );
    }
    if !summary.failures.is_empty() {
        let _ = writeln!(md, "\n## {}\n", tr!(l, "report-watch-failures"));
        let _ = writeln!(md, "{}", tr!(l, "report-watch-failures-header"));
        let _ = writeln!(md, "|---|---|---|");
        for ((class, code), n) in &summary.failures {
            let code = code.as_deref().map(markdown_code).unwrap_or_default();
            let class = markdown_text(&crate::watch::class_name(class, l));
            let _ = writeln!(md, "| {class} | {code} | {n} |");
        }
        // The latest failures that kept their evidence.
        let quoted: Vec<&Attempt> = attempts
            .iter()
            .rev()
            .filter(|a| !a.outcome.ok() && a.record.is_some())
            .take(FAILURES_QUOTED)
            .collect();
        for attempt in quoted.into_iter().rev() {
            let _ = writeln!(
                md,
                "\n### {}\n",
                tr!(
                    l,
                    "report-watch-attempt",
                    number = u64::from(attempt.number),
                    time = local_hms(attempt.at),
                    outcome = markdown_text(&attempt.outcome.words(l))
                )
            );
            if let Some(error) = attempt.error.as_deref() {
                let advice = error.advice(l);
                let _ = writeln!(
                    md,
                    "- {}",
                    tr!(
                        l,
                        "report-evidence",
                        evidence = markdown_code(&error.evidence())
                    )
                );
                let _ = writeln!(
                    md,
                    "- {}",
                    tr!(l, "report-cause", cause = markdown_text(&advice.cause))
                );
            }
            if let Some(response) = attempt.record.as_ref().and_then(|r| r.response.as_ref()) {
                let took = format_ms(attempt.phases.total);
                let mut text = format!("HTTP {}\n", response.status);
                for (k, v) in &response.headers {
                    let _ = writeln!(text, "{k}: {v}");
                }
                let _ = writeln!(text, "\n{}", response.body);
                let _ = writeln!(
                    md,
                    "\n{}\n\n{}",
                    tr!(l, "report-response", took = took),
                    markdown_block("http", text.trim_end())
                );
            }
        }
    }
    redact(&md)
}
