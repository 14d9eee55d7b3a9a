//! The report of a watch: the summary table (success rate, p50/p95/p99/max per phase — what is
//! exact and what is not — failures by class and code), each quoted failure's evidence, and the
//! chart as a PNG beside it with its colours and axis in words — in the reader's language,
//! redacted.

use std::fmt::Write as _;

use super::HandOver;
use super::chart_png::watch_chart_png;
use crate::clock::{format_ms, local_hms, millis};
use crate::i18n::Lang;
use crate::text::{markdown_block, markdown_code, markdown_text};
use crate::tr;
use crate::watch::chart::wants_log;
use crate::watch::colors::{FAILURE_CLASSES, class_rgb, hex, phase_rgb};
use crate::watch::{Attempt, KEPT, Phase, class_name};

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
        let log = wants_log(&watch.attempts);
        let _ = writeln!(md, "{}", chart_words(l, log));
        let _ = writeln!(md, "{}", tr!(l, "report-watch-phases-header"));
        let _ = writeln!(md, "|---|---|---|---|---|");
        for (phase, s) in &summary.phases {
            let name = phase.map_or_else(|| tr!(l, "watch-total"), |p| p.name(l));
            let [p50, p95, p99, max] = [s.p50, s.p95, s.p99, s.max].map(millis);
            let _ = writeln!(
                md,
                "| {} | {p50} | {p95} | {p99} | {max} |",
                markdown_text(&name)
            );
        }
        let kept = KEPT as u64;
        let _ = writeln!(md, "\n{}", tr!(l, "report-watch-precision", kept = kept));
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
        let total = summary
            .phases
            .iter()
            .find(|(p, _)| p.is_none())
            .map(|(_, s)| *s);
        let marks = total.map_or([Default::default(); 3], |s| [s.p50, s.p95, s.p99]);
        Some(WatchReport {
            markdown: crate::secret::redact(&md),
            png: watch_chart_png(&watch.attempts, log, marks),
        })
    }
}

/// The chart's colours in the legend's order (every phase, every failure class), and its axis.
fn chart_words(l: Lang, log: bool) -> String {
    let phases = Phase::ALL.map(|p| format!("{} {}", p.name(l), hex(phase_rgb(p))));
    let classes = FAILURE_CLASSES.map(|c| format!("{} {}", class_name(c, l), hex(class_rgb(c))));
    let colours = phases
        .into_iter()
        .chain(classes)
        .collect::<Vec<_>>()
        .join(", ");
    let mut words = tr!(l, "report-watch-colours", colours = colours);
    if log {
        words.push(' ');
        words.push_str(&tr!(l, "report-watch-log-axis"));
    }
    // Our own words and colours: nothing of the tenant's, nothing to escape.
    format!("{words}\n")
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
