//! `sso-diag watch`: the exchange (or the reachability check) again and again, a line per attempt
//! as it happens, a summary at the end or on Ctrl+C; `--json` one object per line; `--csv` every
//! attempt; `--report` the summary and the failures' evidence.

use std::io::Write;
use std::time::Duration;

use tokio::sync::watch as channel;

use super::args::WatchArgs;
use super::call::{prepare, session_source};
use super::{out, shared};
use crate::ciam::{CiamError, ExchangeRequest};
use crate::clock::{millis, rfc3339};
use crate::device::SentDevice;
use crate::files::PendingFile;
use crate::flow::{self, FlowInput, Goal};
use crate::i18n::Lang;
use crate::report::{FrontEnd, HandOver, Setting, json};
use crate::step::Call;
use crate::store::ProfileFields;
use crate::watch::{self, Attempt, Control, Limit, Phase, Plan, Probe, Summary, Target, WatchWhat};
use crate::{msg, tr};

pub fn run(args: &WatchArgs, lang: Lang) -> u8 {
    shared::exit_code(run_watch(args, lang), args.call.json, lang)
}

fn run_watch(args: &WatchArgs, lang: Lang) -> Result<u8, CiamError> {
    let base = shared::tenant(args.call.tenant.domain.as_deref())?;
    let plan = plan(args, &base)?;
    let runtime = shared::runtime()?;
    // The calls' preparation has read the CA file into the client's options already.
    let (target, ca, device) = match args.what {
        WatchWhat::Check => {
            let ca = shared::read_ca_file(args.call.network.ca_file.as_deref())?;
            let target = Target::Call(Box::new(Call::reachability()));
            (target, ca, SentDevice::default())
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
            let mut prepared = prepare(&args.call, &session_files, lang)?;
            let session = session_source(&args.session, prepared.client_id.as_deref())?;
            let ca = prepared.client.options().extra_ca_pem.clone();
            let device = SentDevice::new(&prepared.profile, &prepared.overrides);
            let input = FlowInput {
                access: prepared.access,
                goal: Goal::Exchange {
                    session,
                    redeem: false,
                },
                tenant_id: prepared.tenant_id,
                client_id: prepared.client_id,
                device: prepared.device,
                detected_fingerprint: Some(prepared.detected_fingerprint),
                lang,
            };
            let target = if args.what == WatchWhat::Flow {
                Target::Flow(Box::new(input))
            } else {
                let tokens = flow::exchange_tokens(&mut prepared.client, input.clone());
                let (access_token, session_token) = runtime.block_on(tokens)?;
                Target::Call(Box::new(Call::exchange(&ExchangeRequest {
                    access_token,
                    session_token,
                    tenant_id: input.tenant_id,
                    client_id: input.client_id,
                    device: input.device,
                })))
            };
            (target, ca, device)
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
    let report = super::call::pending_file(args.call.report.as_deref(), "report")?;
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
                out::json(&json::attempt_json(&attempt), &[]);
            } else {
                out::line(attempt_line(&attempt, lang));
            }
            if let Some(csv) = csv.as_mut() {
                csv.write(&attempt);
            }
            // Evidence is kept for failures only (a long watch stays small), unless a HAR of
            // every call was asked for.
            if attempt.outcome.ok() && !keep_evidence {
                attempt.forget_evidence();
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
        out::json(
            &serde_json::json!({ "summary": json::summary_json(&summary) }),
            &[],
        );
    } else {
        print_summary(&summary, lang);
    }
    let setting = Setting {
        tenant: base.to_string(),
        device,
        front_end: FrontEnd::CommandLine,
        profile: super::profile::in_use_name(),
        fields: ProfileFields::default(),
    };
    let hand_over = HandOver::new(setting, []).with_watch(&summary, attempts.iter());
    if let Some(file) = report
        && let Err(code) = write_report(&hand_over, file, lang)
    {
        return Ok(code);
    }
    if let Some(file) = har
        && let Err(code) = super::call::commit(file, hand_over.har().as_bytes(), lang)
    {
        return Ok(code);
    }
    Ok(summary.exit_code())
}

/// The watch report in `file`, its chart beside it (the same name with `.png`).
fn write_report(hand_over: &HandOver<'_>, file: PendingFile, lang: Lang) -> Result<(), u8> {
    let chart = file.path().with_extension("png");
    let name = chart.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(report) = hand_over.watch_report(lang, name.as_deref().unwrap_or_default()) else {
        return Ok(());
    };
    let chart_file = super::call::pending_file(Some(&chart), "report").map_err(|e| {
        shared::report_error(&e, false, lang);
        e.exit_code()
    })?;
    if let Some(chart_file) = chart_file {
        super::call::commit(chart_file, &report.png, lang)?;
    }
    super::call::commit(file, report.markdown.as_bytes(), lang)
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
