//! `sso-diag exchange`: one exchange, headless, with a summary or JSON and a meaningful exit code.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::args::{DeviceOverrideArgs, ExchangeArgs};
use super::secret_input::read_secret;
use crate::ciam::input::{device_fields, optional_field};
use crate::ciam::{CiamError, ClientOptions, ExchangeRequest, TenantClient, TenantUrl, exchange};
use crate::device::{DeviceOverrides, DeviceProfile};
use crate::ticket::Ticket;

pub const ACCESS_TOKEN_ENV: &str = "SSO_DIAG_ACCESS_TOKEN";
pub const SESSION_TOKEN_ENV: &str = "SSO_DIAG_SESSION_TOKEN";

pub fn run(args: &ExchangeArgs) -> u8 {
    let outcome = prepare(args).and_then(|(client, request, profile)| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| CiamError::Connect {
                target: client.base().to_string(),
                detail: format!("could not start the network runtime: {e}"),
            })?;
        let outcome = runtime.block_on(exchange(&client, &request));
        let received = Instant::now();
        let grant = outcome.result?;
        let ticket = Ticket::new(
            grant.sso_ticket,
            grant.expire_secs,
            received,
            OffsetDateTime::now_utc(),
        );
        Ok((ticket, outcome.record.elapsed, client, profile))
    });
    match outcome {
        Ok((ticket, elapsed, client, profile)) => {
            if args.json {
                println!(
                    "{}",
                    success_json(&ticket, elapsed, client.base(), &profile)
                );
            } else {
                print_success(&ticket, elapsed, client.base(), &profile);
            }
            0
        }
        Err(error) => {
            report_error(&error, args.json);
            error.exit_code()
        }
    }
}

/// Everything checked and assembled before a byte is sent.
fn prepare(
    args: &ExchangeArgs,
) -> Result<(TenantClient, ExchangeRequest, DeviceProfile), CiamError> {
    let domain = args.tenant.domain.as_deref().unwrap_or_default();
    let base =
        TenantUrl::parse(domain).map_err(|e| CiamError::invalid_input("domain", e.to_string()))?;
    if args.access_token_file.as_deref() == Some(Path::new("-"))
        && args.session_token_file.as_deref() == Some(Path::new("-"))
    {
        return Err(CiamError::invalid_input(
            "session token",
            "only one token can come from standard input",
        ));
    }
    let access_token = read_secret(
        "access token",
        ACCESS_TOKEN_ENV,
        args.access_token_file.as_deref(),
        "--access-token-file",
    )?;
    let session_token = read_secret(
        "session token",
        SESSION_TOKEN_ENV,
        args.session_token_file.as_deref(),
        "--session-token-file",
    )?;
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout <= 3600.0) {
        return Err(CiamError::invalid_input(
            "timeout",
            "give a number of seconds between 0 and 3600",
        ));
    }
    let total = Duration::from_secs_f64(args.timeout);
    let options = ClientOptions {
        connect_timeout: total.min(crate::ciam::client::DEFAULT_CONNECT_TIMEOUT),
        total_timeout: total,
        ..ClientOptions::default()
    };
    let profile = DeviceProfile::detect(&base).with_overrides(&overrides(&args.device)?);
    let device = device_fields(
        &profile.os_version,
        &profile.device_ip,
        &profile.fingerprint,
        &profile.agent,
    )?;
    let request = ExchangeRequest {
        access_token,
        session_token,
        tenant_id: optional_field(
            "X-tenant-id",
            args.tenant.tenant_id.as_deref().unwrap_or_default(),
        )?,
        client_id: optional_field(
            "client_id",
            args.tenant.client_id.as_deref().unwrap_or_default(),
        )?,
        device,
    };
    let client = TenantClient::new(base, options)?;
    Ok((client, request, profile))
}

pub fn overrides(args: &DeviceOverrideArgs) -> Result<DeviceOverrides, CiamError> {
    Ok(DeviceOverrides {
        os_version: optional_field("OS version", args.os_version.as_deref().unwrap_or_default())?,
        device_ip: optional_field("device IP", args.device_ip.as_deref().unwrap_or_default())?,
        fingerprint: optional_field(
            "device fingerprint",
            args.fingerprint.as_deref().unwrap_or_default(),
        )?,
        agent: optional_field("agent", args.agent.as_deref().unwrap_or_default())?,
    })
}

/// Whole seconds: sub-second digits only make the times harder to read.
fn rfc3339(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

fn success_json(
    ticket: &Ticket,
    elapsed: Duration,
    base: &TenantUrl,
    profile: &DeviceProfile,
) -> Value {
    json!({
        "sso_ticket": ticket.value,
        "expire": ticket.expire.as_secs(),
        "expires_at": rfc3339(ticket.expires_wall()),
        "received_at": rfc3339(ticket.received_wall),
        "elapsed_ms": millis(elapsed),
        "tenant": base.to_string(),
        "device": {
            "os_version": profile.os_version,
            "device_ip": profile.device_ip,
            "device_fingerprint": profile.fingerprint,
            "agent": profile.agent,
        },
    })
}

fn print_success(ticket: &Ticket, elapsed: Duration, base: &TenantUrl, profile: &DeviceProfile) {
    println!("SSO ticket issued by {base} in {} ms", millis(elapsed));
    println!("  ticket      {}", ticket.value);
    println!(
        "  expires in  {} (at {}; one-time use)",
        ticket.countdown(ticket.received_at),
        rfc3339(ticket.expires_wall())
    );
    println!(
        "  device      {} · {} · fingerprint {} · {}",
        profile.os_version, profile.device_ip, profile.fingerprint, profile.agent
    );
}

pub fn error_json(error: &CiamError) -> Value {
    let advice = error.advice();
    json!({"error": {
        "kind": error.kind(),
        "status": error.status(),
        "code": error.code(),
        "message": error.message(),
        "title": advice.title,
        "hint": advice.hint(),
    }})
}

pub fn report_error(error: &CiamError, as_json: bool) {
    if as_json {
        println!("{}", error_json(error));
        return;
    }
    let advice = error.advice();
    eprintln!("error: {}", advice.title);
    let mut evidence = Vec::new();
    if let Some(status) = error.status() {
        evidence.push(format!("HTTP {status}"));
    }
    if let Some(code) = error.code() {
        evidence.push(code.to_owned());
    }
    evidence.push(error.message());
    eprintln!("  {}", evidence.join(" · "));
    eprintln!("  likely cause: {}", advice.cause);
    eprintln!("  try: {}", advice.action);
}
