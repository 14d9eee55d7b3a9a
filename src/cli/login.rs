//! `sso-diag login`: log a test user in with this device's fingerprint, for a session token the
//! exchange will accept from this machine.

use serde_json::json;

use super::args::LoginArgs;
use super::secret_input::read_password;
use super::{out, shared};
use crate::ciam::input::{optional_field, required_field};
use crate::ciam::{CiamError, LoginRequest, login};
use crate::clock::millis;
use secrecy::ExposeSecret;

pub fn run(args: &LoginArgs) -> u8 {
    shared::exit_code(run_login(args), args.json)
}

fn run_login(args: &LoginArgs) -> Result<u8, CiamError> {
    let base = shared::tenant(args.tenant.domain.as_deref())?;
    let client_id = required_field(
        "client_id",
        args.tenant.client_id.as_deref().unwrap_or_default(),
    )
    .map_err(|_| {
        CiamError::invalid_input(
            "client_id",
            "give --client-id: the login names the application",
        )
    })?;
    let user_name = required_field("user name", &args.user)?;
    let password = read_password(args.password_file.as_deref())?;
    let (_, device) = shared::device(&base, &shared::overrides(&args.device)?)?;
    let request = LoginRequest {
        client_id,
        user_name: user_name.clone(),
        password,
        tenant_id: optional_field(
            "X-tenant-id",
            args.tenant.tenant_id.as_deref().unwrap_or_default(),
        )?,
        device: device.clone(),
        language: crate::ciam::login::DEFAULT_LANGUAGE.to_owned(),
    };
    let client = shared::client(base, args.timeout, &args.network)?;
    let outcome = shared::runtime()?.block_on(login(&client, &request));
    let grant = outcome.result?;
    let token = grant.session_token.expose_secret();
    if args.json {
        let mut value = json!({
            "user_name": user_name,
            "session_token_length": token.chars().count(),
            "expire": grant.expire,
            "device_fingerprint": device.fingerprint,
            "elapsed_ms": millis(outcome.record.elapsed),
        });
        if args.print_token
            && let Some(map) = value.as_object_mut()
        {
            map.insert("session_token".into(), json!(token));
        }
        out::json(&value, &["session_token"]);
    } else {
        let summary = format!(
            "{user_name} logged in in {} ms: session token of {} chars{}, bound to fingerprint {}",
            millis(outcome.record.elapsed),
            token.chars().count(),
            grant
                .expire
                .map(|e| format!(", valid for {e} s"))
                .unwrap_or_default(),
            device.fingerprint
        );
        if args.print_token {
            // The token alone on standard output, for `export SSO_DIAG_SESSION_TOKEN=$(…)`.
            out::eline(summary);
            out::reveal("", token);
        } else {
            out::line(summary);
            out::line("(add --print-token to print the token itself)");
        }
    }
    Ok(0)
}
