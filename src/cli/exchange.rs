//! `sso-diag exchange`: the exchange headless — getting the access token and the session token
//! first if asked, redeeming the ticket after — with a summary or JSON, a report, and a
//! meaningful exit code.

use std::path::Path;
use std::time::Instant;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::args::ExchangeArgs;
use super::secret_input::{read_password, read_secret, secret_given};
use super::shared::{self, report_step_error};
use crate::ciam::input::optional_field;
use crate::ciam::jwt::{expired_warning, now_unix};
use crate::ciam::{CiamError, ExchangeRequest, TenantUrl};
use crate::clock::{millis, rfc3339};
use crate::device::{DeviceOverrides, DeviceProfile, FingerprintSource};
use crate::env_vars::{
    ACCESS_TOKEN as ACCESS_TOKEN_ENV, CLIENT_SECRET as CLIENT_SECRET_ENV,
    SESSION_TOKEN as SESSION_TOKEN_ENV,
};
use crate::flow::{self, AccessTokenSource, FlowInput, FlowResult, SessionTokenSource};
use crate::report::{Report, ReportSetting, curl_command, device_rows};
use crate::step::Step;
use crate::ticket::Ticket;

pub fn run(args: &ExchangeArgs) -> u8 {
    shared::exit_code(run_exchange(args), args.json)
}

fn run_exchange(args: &ExchangeArgs) -> Result<u8, CiamError> {
    if args.curl {
        print_curl(args)?;
        return Ok(0);
    }
    let Prepared {
        base,
        client,
        input,
        profile,
        overrides,
    } = prepare(args)?;
    let result = shared::runtime()?.block_on(flow::run(&client, input));
    let received = Instant::now();
    let received_wall = OffsetDateTime::now_utc();

    if let Some(path) = &args.report {
        let steps = result.steps.iter().collect();
        let markdown = Report::from_steps(
            setting(&base, &profile, &overrides),
            steps,
            result.user.as_ref(),
        )
        .to_markdown(received_wall, &result.redactor);
        if let Err(e) = std::fs::write(path, markdown) {
            eprintln!(
                "error: could not write the report to {}: {e}",
                path.display()
            );
            return Ok(1);
        }
    }

    if let Some((step, error)) = result.failure() {
        report_step_error(error, Some(step.key()), args.json);
        return Ok(error.exit_code());
    }
    let Some(grant) = &result.ticket else {
        return Ok(6);
    };
    let ticket = Ticket::new(
        grant.sso_ticket.clone(),
        grant.expire_secs,
        received,
        received_wall,
    );
    if args.json {
        println!("{}", success_json(&ticket, &result, &base, &profile));
    } else {
        print_success(&ticket, &result, &base, &profile);
    }
    Ok(0)
}

/// What `prepare` checked and assembled.
struct Prepared {
    base: TenantUrl,
    client: crate::ciam::TenantClient,
    input: FlowInput,
    profile: DeviceProfile,
    /// The device values the user set, for the report's "where it came from".
    overrides: DeviceOverrides,
}

/// Everything checked and assembled before a byte is sent.
fn prepare(args: &ExchangeArgs) -> Result<Prepared, CiamError> {
    let base = shared::tenant(args.tenant.domain.as_deref())?;
    let stdin_users = [
        &args.access_token_file,
        &args.session_token_file,
        &args.client_secret_file,
        &args.password_file,
    ]
    .iter()
    .filter(|f| f.as_deref() == Some(Path::new("-")))
    .count();
    if stdin_users > 1 {
        return Err(CiamError::invalid_input(
            "standard input",
            "only one secret can come from standard input",
        ));
    }
    let client_id = optional_field(
        "client_id",
        args.tenant.client_id.as_deref().unwrap_or_default(),
    )?;

    let access = if secret_given(ACCESS_TOKEN_ENV, args.access_token_file.as_deref()) {
        {
            let token = read_secret(
                "access token",
                ACCESS_TOKEN_ENV,
                args.access_token_file.as_deref(),
                "--access-token-file",
            )?;
            // Sent anyway: the tenant's answer is the evidence; the warning explains it in advance.
            if let Some(warning) =
                expired_warning("access token", token.expose_secret(), now_unix())
            {
                eprintln!("warning: {warning}");
            }
            AccessTokenSource::Given(token)
        }
    } else if secret_given(CLIENT_SECRET_ENV, args.client_secret_file.as_deref()) {
        let secret = read_secret(
            "client secret",
            CLIENT_SECRET_ENV,
            args.client_secret_file.as_deref(),
            "--client-secret-file",
        )?;
        let client_id = client_id.clone().ok_or_else(|| {
            CiamError::invalid_input(
                "client_id",
                "give --client-id to fetch an access token with the client secret",
            )
        })?;
        AccessTokenSource::ClientCredentials { client_id, secret }
    } else {
        return Err(CiamError::invalid_input(
            "access token",
            format!(
                "not given; set ${ACCESS_TOKEN_ENV} (or ${CLIENT_SECRET_ENV} with --client-id), \
                    or use --access-token-file PATH"
            ),
        ));
    };

    let session = if secret_given(SESSION_TOKEN_ENV, args.session_token_file.as_deref())
        || args.user.is_none()
    {
        SessionTokenSource::Given(read_secret(
            "session token",
            SESSION_TOKEN_ENV,
            args.session_token_file.as_deref(),
            "--session-token-file",
        )?)
    } else {
        let user_name = crate::ciam::input::required_field(
            "user name",
            args.user.as_deref().unwrap_or_default(),
        )?;
        let password = read_password(args.password_file.as_deref())?;
        let client_id = client_id.clone().ok_or_else(|| {
            CiamError::invalid_input(
                "client_id",
                "give --client-id: the login names the application",
            )
        })?;
        SessionTokenSource::Login {
            client_id,
            user_name,
            password,
        }
    };

    let overrides = shared::overrides(&args.device)?;
    let (profile, device) = shared::device(&base, &overrides)?;
    let input = FlowInput {
        access,
        session,
        tenant_id: optional_field(
            "X-tenant-id",
            args.tenant.tenant_id.as_deref().unwrap_or_default(),
        )?,
        client_id,
        device,
        redeem: args.redeem,
    };
    let client = shared::client(base.clone(), args.timeout, &args.network)?;
    Ok(Prepared {
        base,
        client,
        input,
        profile,
        overrides,
    })
}

fn print_curl(args: &ExchangeArgs) -> Result<(), CiamError> {
    let base = shared::tenant(args.tenant.domain.as_deref())?;
    let (_, device) = shared::device(&base, &shared::overrides(&args.device)?)?;
    // The values never appear: curl_command writes every secret as a variable.
    let placeholder = SecretString::from(String::new());
    let request = ExchangeRequest {
        access_token: placeholder.clone(),
        session_token: placeholder,
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
    println!("{}", curl_command(&base, &request.to_api_request()));
    Ok(())
}

/// The report's setting: the tenant, and each device value with where it came from.
fn setting(
    base: &TenantUrl,
    profile: &DeviceProfile,
    overrides: &DeviceOverrides,
) -> ReportSetting {
    let source = |overridden: bool| {
        if overridden {
            "set by the user"
        } else {
            "detected"
        }
        .to_owned()
    };
    let fingerprint_source = if profile.fingerprint_source == FingerprintSource::Override {
        "set by the user".to_owned()
    } else {
        profile.fingerprint_source.describe().to_owned()
    };
    ReportSetting {
        tenant: base.to_string(),
        device: device_rows([
            (
                profile.os_version.clone(),
                source(overrides.os_version.is_some()),
            ),
            (
                profile.device_ip.clone(),
                source(overrides.device_ip.is_some()),
            ),
            (profile.fingerprint.clone(), fingerprint_source),
            (profile.agent.clone(), source(overrides.agent.is_some())),
        ]),
        os_name: profile.os_name.clone(),
    }
}

fn steps_json(result: &FlowResult) -> Value {
    Value::Array(
        result
            .steps
            .iter()
            .map(|s| {
                json!({
                    "step": s.step.key(),
                    "status": s.http_status(),
                    "elapsed_ms": millis(s.record.elapsed),
                    "summary": s.summary,
                })
            })
            .collect(),
    )
}

fn success_json(
    ticket: &Ticket,
    result: &FlowResult,
    base: &TenantUrl,
    profile: &DeviceProfile,
) -> Value {
    let exchange_ms = result
        .steps
        .iter()
        .find(|s| s.step == Step::Exchange)
        .map(|s| millis(s.record.elapsed));
    let mut out = json!({
        "sso_ticket": ticket.value,
        "expire": ticket.expire().as_secs(),
        "expires_at": rfc3339(ticket.expires_wall()),
        "received_at": rfc3339(ticket.received_wall),
        "elapsed_ms": exchange_ms,
        "tenant": base.to_string(),
        "device": {
            "os_version": profile.os_version,
            "device_ip": profile.device_ip,
            "device_fingerprint": profile.fingerprint,
            "agent": profile.agent,
        },
        "steps": steps_json(result),
    });
    if let (Some(user), Some(map)) = (&result.user, out.as_object_mut()) {
        map.insert("user".into(), user.to_json());
        map.insert("ticket_used".into(), Value::Bool(true));
    }
    out
}

fn print_success(ticket: &Ticket, result: &FlowResult, base: &TenantUrl, profile: &DeviceProfile) {
    for s in &result.steps {
        if s.step != Step::Exchange {
            println!(
                "{:<40} {} ({} ms)",
                s.step.title(),
                s.summary,
                millis(s.record.elapsed)
            );
        }
    }
    let exchange_ms = result
        .steps
        .iter()
        .find(|s| s.step == Step::Exchange)
        .map(|s| millis(s.record.elapsed))
        .unwrap_or_default();
    println!("SSO ticket issued by {base} in {exchange_ms} ms");
    println!("  ticket      {}", ticket.value);
    if result.user.is_some() {
        println!("  status      redeemed (one-time: it cannot be used again)");
    } else {
        println!(
            "  expires in  {} (at {}; one-time use)",
            ticket.countdown(ticket.received_at()),
            rfc3339(ticket.expires_wall())
        );
    }
    println!(
        "  device      {} · {} · fingerprint {} · {}",
        profile.os_version, profile.device_ip, profile.fingerprint, profile.agent
    );
    if let Some(user) = &result.user {
        println!("user");
        for (k, v) in &user.attributes {
            println!("  {k:<10}  {v}");
        }
    }
}
