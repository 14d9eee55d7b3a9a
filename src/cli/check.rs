//! `sso-diag check`: is it the network? DNS, TCP, TLS, HTTP and the clock, in plain words.

use super::args::CheckArgs;
use super::{out, shared};
use crate::check::{CheckStatus, run_check};
use crate::ciam::CiamError;

pub fn run(args: &CheckArgs) -> u8 {
    shared::exit_code(run_checks(args), args.json)
}

fn run_checks(args: &CheckArgs) -> Result<u8, CiamError> {
    let base = shared::tenant(Some(&args.domain))?;
    let extra_ca = shared::read_ca_file(args.ca_file.as_deref())?;
    let report = shared::runtime()?.block_on(run_check(&base, extra_ca.as_deref()));
    if args.json {
        match serde_json::to_value(&report) {
            Ok(value) => out::json(&value, &[]),
            Err(e) => out::eline(format!("error: {e}")),
        }
    } else {
        out::line(format!("Connection check for {}", report.tenant));
        for step in &report.steps {
            let mark = match step.status {
                CheckStatus::Pass => "pass",
                CheckStatus::Warn => "WARN",
                CheckStatus::Fail => "FAIL",
                CheckStatus::Skipped => "skip",
            };
            let time = step
                .elapsed_ms
                .map(|ms| format!(" ({ms} ms)"))
                .unwrap_or_default();
            out::line(format!(
                "  [{mark}] {:<6} {}{time}",
                step.name, step.sentence
            ));
            for (k, v) in &step.details {
                out::line(format!("           {k}: {v}"));
            }
        }
    }
    Ok(report.exit_code())
}
