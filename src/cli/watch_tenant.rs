//! One tenant of `sso-diag watch`: its arguments (the command line's, or what its `--profile`
//! filled in) checked and turned into a probe and a plan before anything is sent; then what the
//! watch keeps of it.

use std::time::Duration;

use super::args::{CallArgs, SessionArgs, WatchArgs};
use super::call::{prepare, session_source};
use super::shared;
use crate::ciam::{CiamError, ExchangeRequest, TenantUrl};
use crate::device::SentDevice;
use crate::flow::{self, FlowInput, Goal};
use crate::i18n::Lang;
use crate::msg;
use crate::report::{FrontEnd, Setting};
use crate::step::Call;
use crate::store::ProfileFields;
use crate::watch::{self, Limit, Plan, Probe, Target, WatchWhat, Watched};

/// A tenant ready to be probed.
pub struct Tenant {
    /// Its profile's name, when one was given: it prefixes the lines and names it in `--json`,
    /// the CSV and the metrics.
    pub profile: Option<String>,
    pub base: TenantUrl,
    pub plan: Plan,
    /// Taken when the tenant's loop starts.
    pub probe: Option<Probe>,
    pub device: SentDevice,
    pub watched: Watched,
}

impl Tenant {
    /// How the metrics name it: the profile, else the domain (host and port).
    pub fn label(&self) -> String {
        self.profile.clone().unwrap_or_else(|| {
            let (host, port) = (self.base.host(), self.base.port());
            match port {
                443 if self.base.is_https() => host,
                80 if !self.base.is_https() => host,
                _ => format!("{host}:{port}"),
            }
        })
    }

    /// Where it was watched from, for its report and HAR.
    pub fn setting(&self) -> Setting {
        Setting {
            tenant: self.base.to_string(),
            device: self.device.clone(),
            front_end: FrontEnd::CommandLine,
            profile: self.profile.clone(),
            fields: ProfileFields::default(),
        }
    }
}

/// Checks one tenant's arguments and reads its secrets (obtaining the tokens once, for an
/// exchange watch without them). `keep_all_evidence`: a HAR of every call was asked for.
pub fn prepare_tenant(
    args: &WatchArgs,
    call: &CallArgs,
    session: &SessionArgs,
    runtime: &tokio::runtime::Runtime,
    lang: Lang,
) -> Result<Tenant, CiamError> {
    let base = shared::tenant(call.tenant.domain.as_deref())?;
    let plan = plan(args, &base)?;
    let (target, ca, device) = match args.what {
        WatchWhat::Check => {
            let ca = shared::read_ca_file(call.network.ca_file.as_deref())?;
            let target = Target::Call(Box::new(Call::reachability()));
            (target, ca, SentDevice::default())
        }
        WatchWhat::Exchange | WatchWhat::Flow => {
            // The whole flow logs in every time: a session token file has no place in it.
            let session_files = match args.what {
                WatchWhat::Flow => vec![session.password_file.as_deref()],
                _ => vec![
                    session.session_token_file.as_deref(),
                    session.password_file.as_deref(),
                ],
            };
            let mut prepared = prepare(call, &session_files, lang)?;
            let client_id = prepared.client_id.as_deref();
            let source = session_source(session, client_id, call.profile.as_ref())?;
            let ca = prepared.client.options().extra_ca_pem.clone();
            let device = SentDevice::new(&prepared.profile, &prepared.overrides);
            let input = FlowInput {
                access: prepared.access,
                goal: Goal::Exchange {
                    session: source,
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
    let timeout = Duration::from_secs_f64(call.timeout.clamp(1.0, 3600.0));
    let probe = Probe::new(
        base.clone(),
        target,
        ca.as_deref(),
        timeout,
        args.reuse_connection,
    )?;
    Ok(Tenant {
        profile: call.profile.as_ref().map(|p| p.name.clone()),
        base,
        plan,
        probe: Some(probe),
        device,
        watched: Watched::new(args.call.har.is_some()),
    })
}

fn plan(args: &WatchArgs, tenant: &TenantUrl) -> Result<Plan, CiamError> {
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

/// `90`, `90s`, `30m`, `2h` → a duration.
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
    // An absurd length (1e300h) is refused rather than panicking in `Duration`.
    Duration::try_from_secs_f64(secs).ok()
}
