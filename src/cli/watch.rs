//! `sso-diag watch`: the exchange (or the reachability check) again and again, a line per attempt
//! as it happens, a summary at the end or on Ctrl+C; `--json` one object per line; `--csv` every
//! attempt; `--report` the summary and the failures' evidence.

use std::io::Write;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::watch as channel;

use super::args::{WatchArgs, WatchWhat};
use super::call::{prepare, session_source};
use super::{out, shared};
use crate::ciam::{CiamError, ExchangeRequest};
use crate::clock::{millis, rfc3339};
use crate::flow::{self, FlowInput, Goal};
use crate::i18n::Lang;
use crate::step::Call;
use crate::watch::{self, Attempt, Control, Limit, Phase, Plan, Probe, Summary, Target};
use crate::{msg, tr};

pub fn run(args: &WatchArgs, lang: Lang) -> u8 {
    shared::exit_code(run_watch(args, lang), args.call.json, lang)
}

fn run_watch(args: &WatchArgs, lang: Lang) -> Result<u8, CiamError> {
    let base = shared::tenant(args.call.tenant.domain.as_deref())?;
    let plan = plan(args, &base)?;
    let runtime = shared::runtime()?;
    // The calls' preparation has read the CA file into the client's options already.
    let (target, ca) = match args.what {
        WatchWhat::Check => {
            let ca = shared::read_ca_file(args.call.network.ca_file.as_deref())?;
            (Target::Reachability, ca)
        }
        WatchWhat::Exchange | WatchWhat::Flow => {
            // The whole flow logs in every time: a session token file has no place in it.
            let session_files = match args.what {
                WatchWhat::Flow => vec![args.session.password_file.as_deref()],
                _ => vec![
                    args.session.session_token_file.as_deref(),
                    args.session.password_file.as_deref(),
                ],
            };
            let prepared = prepare(&args.call, &session_files, lang)?;
            let session = session_source(&args.session, prepared.client_id.as_deref())?;
            let ca = prepared.client.options().extra_ca_pem.clone();
            let input = FlowInput {
                access: prepared.access,
                goal: Goal::Exchange {
                    session,
                    redeem: false,
                },
                tenant_id: prepared.tenant_id,
                client_id: prepared.client_id,
                device: prepared.device,
                lang,
            };
            let target = if args.what == WatchWhat::Flow {
                Target::Flow(Box::new((prepared.client, input)))
            } else {
                let tokens = flow::exchange_tokens(&prepared.client, input.clone());
                let (access_token, session_token) = runtime.block_on(tokens)?;
                Target::Exchange(Box::new(Call::exchange(&ExchangeRequest {
                    access_token,
                    session_token,
                    tenant_id: input.tenant_id,
                    client_id: input.client_id,
                    device: input.device,
                })))
            };
            (target, ca)
        }
    };
    let timeout = Duration::from_secs_f64(args.call.timeout.clamp(1.0, 3600.0));
    let mut probe = Probe::new(
        base.clone(),
        target,
        ca.as_deref(),
        timeout,
        args.reuse_connection,
    )?;
    let mut csv = match &args.csv {
        None => None,
        Some(path) => Some(Csv::create(path)?),
    };
    let har = super::call::pending_file(args.call.har.as_deref(), "har")?;
    let keep_evidence = har.is_some();
    let as_json = args.call.json;
    if !as_json {
        out::line(tr!(
            lang,
            "watch-start",
            tenant = base.to_string(),
            interval = plan.interval().as_secs_f64()
        ));
        if !matches!(args.what, WatchWhat::Check) {
            out::line(tr!(lang, "watch-tickets-expire"));
        }
    }
    let mut attempts: Vec<Attempt> = Vec::new();
    let (control, listen) = channel::channel(Control::Run);
    runtime.block_on(async {
        let stop_on_ctrl_c = async {
            // Without a terminal's Ctrl+C (an error setting it up), the watch just runs to its end.
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = control.send(Control::Stop);
            } else {
                std::future::pending::<()>().await;
            }
        };
        let watching = watch::run(plan, &mut probe, listen, |mut attempt| {
            if as_json {
                out::json(&attempt_json(&attempt), &[]);
            } else {
                out::line(attempt_line(&attempt, lang));
            }
            if let Some(csv) = csv.as_mut() {
                csv.write(&attempt);
            }
            // Evidence is kept for failures only (a long watch stays small), unless a HAR of
            // every call was asked for.
            if attempt.outcome.ok() && !keep_evidence {
                attempt.record = None;
            }
            attempts.push(attempt);
        });
        tokio::select! {
            () = watching => {}
            () = stop_on_ctrl_c => {}
        }
    });
    let summary = Summary::of(&attempts);
    if as_json {
        out::json(&json!({ "summary": summary_json(&summary) }), &[]);
    } else {
        print_summary(&summary, lang);
    }
    if let Some(path) = &args.call.report {
        save_report(path, &base.to_string(), &summary, &attempts, lang)?;
    }
    if let Some(file) = har {
        let entries: Vec<_> = attempts
            .iter()
            .filter_map(crate::report::HarEntry::of_attempt)
            .collect();
        let text = crate::report::har_json(&entries);
        if let Err(code) = super::call::commit(file, text.as_bytes(), lang) {
            return Ok(code);
        }
    }
    Ok(summary.exit_code())
}

/// The Markdown report at `path` and the chart beside it (`path` with `.png`).
pub fn save_report(
    path: &std::path::Path,
    tenant: &str,
    summary: &Summary,
    attempts: &[Attempt],
    lang: Lang,
) -> Result<(), CiamError> {
    let chart = path.with_extension("png");
    let chart_name = chart.file_name().map(|n| n.to_string_lossy().into_owned());
    let markdown =
        crate::report::watch_markdown(tenant, summary, attempts, lang, chart_name.as_deref());
    let write = |path: &std::path::Path, bytes: &[u8]| {
        crate::files::write_private(path, bytes).map_err(|e| {
            let (path, error) = (path.display().to_string(), e.to_string());
            CiamError::invalid_input(
                "report",
                msg!("input-cannot-write", path = path, error = error),
            )
        })
    };
    write(&chart, &crate::report::watch_chart_png(attempts))?;
    write(path, markdown.as_bytes())
}

fn plan(args: &WatchArgs, tenant: &crate::ciam::TenantUrl) -> Result<Plan, CiamError> {
    let floor = watch::floor_for(tenant);
    if !(args.interval.is_finite() && args.interval >= floor.as_secs_f64()) {
        return Err(CiamError::invalid_input(
            "interval",
            msg!("watch-interval-too-short"),
        ));
    }
    let limit = match (args.count, &args.duration) {
        (Some(n), _) => Limit::Count(n),
        (None, Some(text)) => Limit::For(parse_duration(text).ok_or_else(|| {
            CiamError::invalid_input("for", msg!("watch-bad-duration", value = text.as_str()))
        })?),
        (None, None) => Limit::Endless,
    };
    Ok(Plan {
        interval: Duration::from_secs_f64(args.interval),
        limit,
        stop_on_failure: args.stop_on_failure,
        floor,
    })
}

/// `90`, `90s`, `10m`, `2h` → a duration.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(text.len()),
    );
    let n: f64 = number
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n > 0.0)?;
    let secs = match unit {
        "" | "s" => n,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(secs))
}

/// `#3  12:01:02  ticket  dns 1.2 · connect 0.3 · tls 3.4 · first byte 20.1 · total 25.3 ms`
fn attempt_line(attempt: &Attempt, lang: Lang) -> String {
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

fn print_summary(summary: &Summary, lang: Lang) {
    let l = lang;
    out::line("");
    out::line(summary.headline(l));
    out::line(tr!(l, "watch-summary-header"));
    for (phase, spread) in &summary.phases {
        let name = phase.map_or_else(|| tr!(l, "watch-total"), |p| p.name(l));
        out::line(format!(
            "  {} {:>9} {:>9} {:>9}",
            crate::text::pad_columns(&name, 12),
            millis(spread.p50),
            millis(spread.p95),
            millis(spread.max)
        ));
    }
    for ((class, code), n) in &summary.failures {
        let code = code.clone().unwrap_or_default();
        let class = watch::class_name(class, l);
        out::line(tr!(
            l,
            "watch-failures",
            class = class,
            code = code,
            count = u64::from(*n)
        ));
    }
}

fn phases_json(attempt: &Attempt) -> Value {
    let mut map = serde_json::Map::new();
    for phase in Phase::ALL {
        map.insert(
            phase.key().to_owned(),
            json!(attempt.phases.get(phase).map(millis)),
        );
    }
    map.insert("total".to_owned(), json!(millis(attempt.phases.total)));
    Value::Object(map)
}

fn attempt_json(attempt: &Attempt) -> Value {
    json!({
        "attempt": attempt.number,
        "at": rfc3339(attempt.at),
        "outcome": attempt.outcome.class(),
        "code": attempt.outcome.code(),
        "status": attempt.status,
        "new_connection": attempt.new_connection,
        "phases_ms": phases_json(attempt),
    })
}

fn summary_json(summary: &Summary) -> Value {
    let phases: serde_json::Map<String, Value> = summary
        .phases
        .iter()
        .map(|(phase, s)| {
            let key = phase.map_or("total", Phase::key).to_owned();
            (
                key,
                json!({"p50": millis(s.p50), "p95": millis(s.p95), "max": millis(s.max)}),
            )
        })
        .collect();
    let failures: Vec<Value> = summary
        .failures
        .iter()
        .map(|((class, code), n)| json!({"class": class, "code": code, "count": n}))
        .collect();
    json!({
        "attempts": summary.attempts,
        "ok": summary.ok,
        "success_rate": summary.success_rate(),
        "phases_ms": phases,
        "failures": failures,
        "exit_code": summary.exit_code(),
    })
}

/// Every attempt as a CSV row, written as it happens (a Ctrl+C keeps what was measured).
struct Csv {
    file: std::fs::File,
}

impl Csv {
    fn create(path: &std::path::Path) -> Result<Self, CiamError> {
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
            "attempt,at,outcome,code,status,new_connection,{},total_ms\n",
            phases.join(",")
        );
        let _ = file.write_all(header.as_bytes());
        Ok(Self { file })
    }

    fn write(&mut self, attempt: &Attempt) {
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
            "{},{},{},{},{},{},{},{}\n",
            attempt.number,
            rfc3339(attempt.at),
            attempt.outcome.class(),
            csv_field(attempt.outcome.code().unwrap_or_default()),
            attempt.status.map(|s| s.to_string()).unwrap_or_default(),
            attempt.new_connection,
            phases.join(","),
            millis(attempt.phases.total)
        );
        let _ = self.file.write_all(crate::secret::redact(&row).as_bytes());
    }
}

/// A tenant's code as one CSV field, whatever it contains: redacted first (a secret with a `"` in
/// it would be hidden by the quoting), then made inert for a spreadsheet.
fn csv_field(text: &str) -> String {
    crate::text::csv_cell(&crate::secret::redact_tenant_text(text))
}
