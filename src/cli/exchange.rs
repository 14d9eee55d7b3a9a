//! `sso-diag exchange`: the exchange headless — getting the access token and the session token
//! first if asked, redeeming the ticket after — with a summary or JSON, a report, and a
//! meaningful exit code.

use std::path::Path;
use std::time::Instant;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use super::args::ExchangeArgs;
use super::exchange_print::Run;
use super::secret_input::{read_password, read_secret, secret_given};
use super::{out, shared};
use crate::ciam::input::optional_field;
use crate::ciam::jwt::{expired_warning, now_unix};
use crate::ciam::{CiamError, ExchangeRequest, TenantUrl};
use crate::device::{DeviceOverrides, DeviceProfile};
use crate::env_vars::{
    ACCESS_TOKEN as ACCESS_TOKEN_ENV, CLIENT_SECRET as CLIENT_SECRET_ENV,
    SESSION_TOKEN as SESSION_TOKEN_ENV,
};
use crate::files::PendingFile;
use crate::flow::{self, AccessTokenSource, FlowInput, SessionTokenSource};
use crate::report::{Report, curl_command};
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
    // Before anything is sent: a ticket is spent by the exchange, so a report that could not be
    // saved must be known now.
    let report_file = args
        .report
        .as_deref()
        .map(|path| {
            PendingFile::create(path).map_err(|e| {
                CiamError::invalid_input("report", format!("cannot write {}: {e}", path.display()))
            })
        })
        .transpose()?;
    let result = shared::runtime()?.block_on(flow::run(&client, input));
    let received = Instant::now();
    let received_wall = OffsetDateTime::now_utc();
    let ticket = result.ticket.as_ref().map(|grant| {
        Ticket::new(
            grant.sso_ticket.clone(),
            grant.expire_secs,
            received,
            received_wall,
        )
    });
    let run = Run {
        result: &result,
        ticket: ticket.as_ref(),
        base: &base,
        profile: &profile,
    };
    // The ticket first, even when a later step failed: it is issued and may still be used.
    let code = match result.failure() {
        Some((step, error)) => {
            run.print_failure(step, error, args.json);
            error.exit_code()
        }
        None if ticket.is_some() => {
            run.print_success(args.json);
            0
        }
        None => 6,
    };
    if let Some(file) = report_file {
        let steps = result.steps.iter().collect();
        let setting = run.report_setting(&overrides);
        let markdown = Report::from_steps(setting, steps, result.user.as_ref())
            .to_markdown(received_wall, &result.redactor);
        let path = file.path().display().to_string();
        if let Err(e) = file.commit(markdown.as_bytes()) {
            out::eline(format!("error: could not write the report to {path}: {e}"));
            return Ok(1);
        }
    }
    Ok(code)
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
                out::eline(format!("warning: {warning}"));
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

    let tenant_id = optional_field(
        "X-tenant-id",
        args.tenant.tenant_id.as_deref().unwrap_or_default(),
    )?;
    let overrides = shared::overrides(&args.device)?;
    // Everything local is checked before the device detection's route and DNS lookups.
    let client = shared::client(base.clone(), args.timeout, &args.network)?;
    let (profile, device) = shared::device(&base, &overrides)?;
    let input = FlowInput {
        access,
        session,
        tenant_id,
        client_id,
        device,
        redeem: args.redeem,
    };
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
    let tenant_id = optional_field(
        "X-tenant-id",
        args.tenant.tenant_id.as_deref().unwrap_or_default(),
    )?;
    let client_id = optional_field(
        "client_id",
        args.tenant.client_id.as_deref().unwrap_or_default(),
    )?;
    // Checked as for a real run, though nothing is sent: a command that would fail is no help.
    shared::client(base.clone(), args.timeout, &args.network)?;
    let (_, device) = shared::device(&base, &shared::overrides(&args.device)?)?;
    // The values never appear: curl_command writes every secret as a variable.
    let placeholder = SecretString::from(String::new());
    let request = ExchangeRequest {
        access_token: placeholder.clone(),
        session_token: placeholder,
        tenant_id,
        client_id,
        device,
    };
    for line in curl_command(&base, &request.to_api_request()).lines() {
        out::line(line);
    }
    Ok(())
}
