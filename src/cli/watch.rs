//! `sso-diag watch`: the exchange (or the reachability check, or the whole flow) again and again,
//! of one tenant or of several (`--profile acme --profile globex`, each on its own schedule); a
//! line per attempt as it happens, a summary per tenant at the end or on Ctrl+C; `--json` one
//! object per line; `--csv` every attempt; `--report`/`--har` the summary and the evidence;
//! `--metrics` a Prometheus endpoint while it runs. However long it runs, what it keeps of each
//! tenant is bounded (`watch::Watched`).

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::{mpsc, watch as channel};

use super::args::{WatchArgs, WatchTenant};
use super::watch_print::{Csv, attempt_line, prefix, print_summary};
use super::watch_tenant::{Tenant, prepare_tenant};
use super::{out, shared};
use crate::ciam::CiamError;
use crate::files::PendingFile;
use crate::i18n::Lang;
use crate::metrics::ProbeMetrics;
use crate::metrics::serve::{Endpoint, is_loopback};
use crate::report::{HandOver, json};
use crate::tr;
use crate::watch::{self, Attempt, Control, Tally, WatchWhat};

pub fn run(args: &WatchArgs, lang: Lang) -> u8 {
    shared::exit_code(run_watch(args, lang), args.call.json, lang)
}

/// The files a watch writes at its end, created before anything is sent; one of each per tenant.
struct Documents {
    report: Option<PendingFile>,
    har: Option<PendingFile>,
}

fn run_watch(args: &WatchArgs, lang: Lang) -> Result<u8, CiamError> {
    let runtime = shared::runtime()?;
    let given: Vec<WatchTenant> = if args.tenants.is_empty() {
        vec![WatchTenant {
            call: args.call.clone(),
            session: args.session.clone(),
        }]
    } else {
        args.tenants.clone()
    };
    let several = given.len() > 1;
    let mut tenants = Vec::new();
    let mut documents = Vec::new();
    for one in &given {
        let tenant = prepare_tenant(args, &one.call, &one.session, &runtime, lang)?;
        let name = several.then(|| tenant.label());
        documents.push(Documents {
            report: pending(args.call.report.as_deref(), name.as_deref(), "report")?,
            har: pending(args.call.har.as_deref(), name.as_deref(), "har")?,
        });
        tenants.push(tenant);
    }
    let mut csv = match &args.csv {
        None => None,
        Some(path) => Some(Csv::create(path)?),
    };
    let metrics = args.metrics.map(|_| Arc::new(ProbeMetrics::new()));
    let endpoint = match (args.metrics, &metrics) {
        (Some(addr), Some(m)) => Some(bind_metrics(&runtime, addr, m.clone(), lang)?),
        _ => None,
    };
    let as_json = args.call.json;
    if !as_json {
        for tenant in &tenants {
            let start = tr!(
                lang,
                "watch-start",
                tenant = tenant.base.to_string(),
                interval = tenant.plan.interval().as_secs_f64()
            );
            out::line(format!(
                "{}{start}",
                prefix(tenant.profile.as_deref(), several)
            ));
        }
        if !matches!(args.what, WatchWhat::Check) {
            out::line(tr!(lang, "watch-tickets-expire"));
        }
    }
    let (control, listen) = channel::channel(Control::Run);
    let (sender, mut attempts) = mpsc::unbounded_channel::<(usize, Attempt)>();
    runtime.block_on(async {
        if let Some(endpoint) = endpoint {
            tokio::spawn(endpoint.serve());
        }
        for (i, tenant) in tenants.iter_mut().enumerate() {
            let (plan, listen, sender) = (tenant.plan, listen.clone(), sender.clone());
            let Some(mut probe) = tenant.probe.take() else {
                continue;
            };
            // Each tenant on its own schedule; the attempts come back here, one at a time.
            tokio::spawn(async move {
                watch::run(plan, &mut probe, listen, |attempt| {
                    let _ = sender.send((i, attempt));
                })
                .await;
            });
        }
        drop(sender);
        let ctrl_c = stop_on_ctrl_c(&control);
        tokio::pin!(ctrl_c);
        let mut stopping = false;
        loop {
            tokio::select! {
                received = attempts.recv() => {
                    let Some((i, attempt)) = received else { break };
                    let tenant = &mut tenants[i];
                    let profile = tenant.profile.as_deref();
                    if let Some(metrics) = &metrics {
                        metrics.record(&tenant.label(), &attempt);
                    }
                    if as_json {
                        out::json(&json::attempt_json(&attempt, profile), &[]);
                    } else {
                        let line = attempt_line(&attempt, lang);
                        out::line(format!("{}{line}", prefix(profile, several)));
                    }
                    if let Some(csv) = csv.as_mut() {
                        csv.write(&attempt, profile);
                    }
                    tenant.watched.add(attempt);
                }
                () = &mut ctrl_c, if !stopping => stopping = true,
            }
        }
    });
    let mut all = Tally::default();
    for tenant in &tenants {
        let summary = tenant.watched.summary();
        all.merge(tenant.watched.tally());
        if as_json {
            let line = serde_json::json!({
                "profile": tenant.profile,
                "summary": json::summary_json(&summary),
            });
            out::json(&line, &[]);
        } else {
            print_summary(&summary, &prefix(tenant.profile.as_deref(), several), lang);
        }
    }
    for (tenant, files) in tenants.iter().zip(documents) {
        if let Err(code) = write_documents(tenant, files, lang) {
            return Ok(code);
        }
    }
    Ok(all.summary().exit_code())
}

/// Resolves once Ctrl+C was pressed, after telling every tenant's loop to stop; without a
/// terminal's Ctrl+C (an error setting it up), never: the watch runs to its end.
async fn stop_on_ctrl_c(control: &channel::Sender<Control>) {
    if tokio::signal::ctrl_c().await.is_ok() {
        let _ = control.send(Control::Stop);
    } else {
        std::future::pending::<()>().await;
    }
}

/// Binds the metrics endpoint before the first probe and says where it is — on standard error,
/// so `--json` stays clean — warning when it is open beyond this machine.
fn bind_metrics(
    runtime: &tokio::runtime::Runtime,
    addr: SocketAddr,
    metrics: Arc<ProbeMetrics>,
    lang: Lang,
) -> Result<Endpoint, CiamError> {
    let endpoint = runtime
        .block_on(Endpoint::bind(addr, metrics))
        .map_err(|e| {
            let (addr, error) = (addr.to_string(), e.to_string());
            CiamError::invalid_input(
                "metrics",
                crate::msg!("watch-metrics-cannot-bind", addr = addr, error = error),
            )
        })?;
    let url = format!("http://{}/metrics", endpoint.addr);
    if is_loopback(&endpoint.addr) {
        out::eline(tr!(lang, "watch-metrics-local", url = url));
    } else {
        out::eline(tr!(lang, "watch-metrics-open", url = url));
    }
    Ok(endpoint)
}

/// The file a tenant's document goes to: `path` itself, or with several tenants `path` with the
/// tenant's name before its extension (`watch.acme.md`).
fn pending(
    path: Option<&std::path::Path>,
    tenant: Option<&str>,
    field: &str,
) -> Result<Option<PendingFile>, CiamError> {
    let path = path.map(|p| match tenant {
        None => p.to_owned(),
        Some(name) => {
            let safe: String = name
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || "-_".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let ext = p.extension().map(|e| e.to_string_lossy().into_owned());
            p.with_extension(match ext {
                Some(ext) => format!("{safe}.{ext}"),
                None => safe,
            })
        }
    });
    super::call::pending_file(path.as_deref(), field)
}

/// A tenant's report (its chart beside it) and HAR, from what the watch kept of it.
fn write_documents(tenant: &Tenant, files: Documents, lang: Lang) -> Result<(), u8> {
    let summary = tenant.watched.summary();
    let hand_over =
        HandOver::new(tenant.setting(), []).with_watch(&summary, tenant.watched.recent());
    if let Some(file) = files.report {
        write_report(&hand_over, file, lang)?;
    }
    if let Some(file) = files.har {
        super::call::commit(file, hand_over.har().as_bytes(), lang)?;
    }
    Ok(())
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
