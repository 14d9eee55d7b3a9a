//! `sso-diag check`: is it the network? DNS, TCP, TLS, HTTP and the clock, in plain words.

use super::args::CheckArgs;
use super::{out, shared};
use crate::check::{self, CheckStatus, run_check};
use crate::ciam::CiamError;
use crate::i18n::Lang;
use crate::text::pad_columns;
use crate::tr;

pub fn run(args: &CheckArgs, lang: Lang) -> u8 {
    shared::exit_code(run_checks(args, lang), args.json, lang)
}

fn run_checks(args: &CheckArgs, lang: Lang) -> Result<u8, CiamError> {
    let base = shared::tenant(args.domain.as_deref())?;
    let extra_ca = shared::read_ca_file(args.ca_file.as_deref())?;
    let report = shared::runtime()?.block_on(run_check(&base, extra_ca.as_deref()));
    if args.json {
        match serde_json::to_value(&report) {
            Ok(value) => out::json(&value, &[]),
            Err(e) => out::eline(tr!(lang, "cli-error", title = e.to_string())),
        }
    } else {
        let l = lang;
        out::line(tr!(l, "cli-check-title", tenant = report.tenant.as_str()));
        for step in &report.steps {
            let mark = match step.status {
                CheckStatus::Pass => tr!(l, "cli-check-pass"),
                CheckStatus::Warn => tr!(l, "cli-check-warn"),
                CheckStatus::Fail => tr!(l, "cli-check-fail"),
                CheckStatus::Skipped => tr!(l, "cli-check-skip"),
            };
            let sentence = step.sentence.text(l);
            let name = pad_columns(&check::step_name(step.name, l), 6);
            out::line(match step.elapsed_ms {
                Some(ms) => tr!(
                    l,
                    "cli-check-line-ms",
                    mark = mark,
                    step = name,
                    sentence = sentence,
                    ms = ms
                ),
                None => tr!(
                    l,
                    "cli-check-line",
                    mark = mark,
                    step = name,
                    sentence = sentence
                ),
            });
            for (k, v) in &step.details {
                out::line(format!("           {}: {}", k.text(l), v.text(l)));
            }
        }
    }
    Ok(report.exit_code())
}
