//! The report of a watch: the summary table (success rate, p50/p95/max per phase, failures by
//! class and code), each quoted failure's evidence, and the chart as a PNG beside it — in the
//! reader's language, redacted.

use std::fmt::Write as _;

use super::HandOver;
use super::chart_png::watch_chart_png;
use crate::clock::{format_ms, local_hms, millis};
use crate::i18n::Lang;
use crate::text::{markdown_block, markdown_code, markdown_text};
use crate::tr;
use crate::watch::{Attempt, class_name};

/// At most this many failures are quoted in full: the rest are in the counts.
const FAILURES_QUOTED: usize = 20;

/// A watch report's two files: the Markdown, and the chart it shows.
pub struct WatchReport {
    pub markdown: String,
    pub png: Vec<u8>,
}

impl HandOver<'_> {
    /// The watch's report, `chart` the file name its PNG is saved under beside it; `None` when
    /// nothing was watched.
    pub fn watch_report(&self, lang: Lang, chart: &str) -> Option<WatchReport> {
        let watch = self.watch.as_ref()?;
        let l = lang;
        let summary = watch.summary;
        let mut md = String::new();
        let _ = writeln!(md, "# {}\n", tr!(l, "report-watch-title"));
        let tenant = markdown_text(&self.setting.tenant);
        let _ = writeln!(md, "- {}", tr!(l, "report-tenant", tenant = tenant));
        let _ = writeln!(md, "- {}", tr!(l, "report-language", language = l.tag()));
        let _ = writeln!(md, "- {}\n", tr!(l, "report-redacted"));
        let _ = writeln!(md, "**{}**\n", markdown_text(&summary.headline(l)));
        let alt = markdown_text(&tr!(l, "report-watch-chart"));
        let _ = writeln!(md, "![{alt}]({})\n", chart.replace(' ', "%20"));
        let _ = writeln!(md, "{}", tr!(l, "report-watch-phases-header"));
        let _ = writeln!(md, "|---|---|---|---|");
        for (phase, s) in &summary.phases {
            let name = phase.map_or_else(|| tr!(l, "watch-total"), |p| p.name(l));
            let (p50, p95, max) = (millis(s.p50), millis(s.p95), millis(s.max));
            let _ = writeln!(md, "| {} | {p50} | {p95} | {max} |", markdown_text(&name));
        }
        if !summary.failures.is_empty() {
            let _ = writeln!(md, "\n## {}\n", tr!(l, "report-watch-failures"));
            let _ = writeln!(md, "{}", tr!(l, "report-watch-failures-header"));
            let _ = writeln!(md, "|---|---|---|");
            for ((class, code), n) in &summary.failures {
                let code = code.as_deref().map(markdown_code).unwrap_or_default();
                let class = markdown_text(&class_name(class, l));
                let _ = writeln!(md, "| {class} | {code} | {n} |");
            }
            // The latest failures that kept their evidence.
            let quoted: Vec<&Attempt> = (watch.attempts.iter().rev())
                .filter(|a| !a.outcome.ok() && a.has_evidence())
                .take(FAILURES_QUOTED)
                .copied()
                .collect();
            for attempt in quoted.into_iter().rev() {
                quote_failure(&mut md, attempt, l);
            }
        }
        Some(WatchReport {
            markdown: crate::secret::redact(&md),
            png: watch_chart_png(&watch.attempts),
        })
    }
}

/// One failed attempt: its heading, the error's evidence and likely cause, the answer it got.
fn quote_failure(md: &mut String, attempt: &Attempt, l: Lang) {
    let heading = tr!(
        l,
        "report-watch-attempt",
        number = u64::from(attempt.number),
        time = local_hms(attempt.at),
        outcome = attempt.outcome.words(l)
    );
    // The outcome quotes the tenant's code: as text, it cannot start a heading or a link.
    let _ = writeln!(md, "\n### {}\n", markdown_text(&heading));
    let failed = attempt
        .calls
        .last()
        .and_then(|c| Some((c.error.as_ref()?, c.advice(l)?)));
    if let Some((error, advice)) = failed {
        let evidence = markdown_code(&error.evidence());
        let _ = writeln!(md, "- {}", tr!(l, "report-evidence", evidence = evidence));
        let cause = markdown_text(&advice.cause);
        let _ = writeln!(md, "- {}", tr!(l, "report-cause", cause = cause));
    }
    let answered = attempt.calls.last().map(|c| &c.record);
    if let Some((record, response)) = answered.and_then(|r| Some((r, r.response.as_ref()?))) {
        let took = format_ms(record.elapsed);
        let mut text = format!("HTTP {}\n", response.status);
        for (k, v) in &response.headers {
            let _ = writeln!(text, "{k}: {v}");
        }
        let _ = writeln!(text, "\n{}", response.body);
        let block = markdown_block("http", text.trim_end());
        let _ = writeln!(
            md,
            "\n{}\n\n{block}",
            tr!(l, "report-response", took = took)
        );
    }
}
