//! `sso-diag exchange`: the exchange headless — getting the access token and the session token
//! first if asked, redeeming the ticket after — with a summary or JSON, a report, and a
//! meaningful exit code.

use secrecy::SecretString;

use super::args::ExchangeArgs;
use super::call::{prepare, session_source};
use super::{out, shared};
use crate::ciam::input::optional_field;
use crate::ciam::{CiamError, ExchangeRequest};
use crate::flow::Goal;
use crate::i18n::Lang;
use crate::report::curl_command;

pub fn run(args: &ExchangeArgs, lang: Lang) -> u8 {
    shared::exit_code(run_exchange(args, lang), args.call.json, lang)
}

fn run_exchange(args: &ExchangeArgs, lang: Lang) -> Result<u8, CiamError> {
    if args.curl {
        print_curl(args)?;
        return Ok(0);
    }
    let session_files = [
        args.session.session_token_file.as_deref(),
        args.session.password_file.as_deref(),
    ];
    let prepared = prepare(&args.call, &session_files, lang)?;
    let session = session_source(
        &args.session,
        prepared.client_id.as_deref(),
        args.call.profile.as_ref(),
    )?;
    let goal = Goal::Exchange {
        session,
        redeem: args.redeem,
    };
    let as_json = args.call.json;
    prepared.run(goal, |run, failure| match failure {
        None if run.ticket.is_some() => run.print_exchange(as_json),
        None => {}
        Some(error) => run.print_failure(error, as_json),
    })
}

fn print_curl(args: &ExchangeArgs) -> Result<(), CiamError> {
    let call = &args.call;
    let base = shared::tenant(call.tenant.domain.as_deref())?;
    let tenant_id = optional_field(
        "X-tenant-id",
        call.tenant.tenant_id.as_deref().unwrap_or_default(),
    )?;
    let client_id = optional_field(
        "client_id",
        call.tenant.client_id.as_deref().unwrap_or_default(),
    )?;
    // Checked as for a real run, though nothing is sent: a command that would fail is no help.
    shared::client(base.clone(), call.timeout, &call.network)?;
    let device = shared::device(&base, &shared::overrides(&call.device)?)?.fields;
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
