//! `sso-diag login`: log a test user in with this device's fingerprint, for a session token the
//! exchange will accept from this machine.

use serde_json::json;

use secrecy::ExposeSecret;
use time::OffsetDateTime;

use super::args::LoginArgs;
use super::{out, shared};
use crate::ciam::CiamError;
use crate::ciam::input::{optional_field, required_field};
use crate::ciam::{LoginRequest, TenantUrl};
use crate::clock::millis;
use crate::device::{DeviceProfile, SentDevice};
use crate::i18n::Lang;
use crate::report::{FrontEnd, HandOver, Setting};
use crate::step::{Answer, Call, StepRecord};
use crate::{msg, tr};

pub fn run(args: &LoginArgs, lang: Lang) -> u8 {
    shared::exit_code(run_login(args, lang), args.json, lang)
}

fn run_login(args: &LoginArgs, lang: Lang) -> Result<u8, CiamError> {
    let base = shared::tenant(args.tenant.domain.as_deref())?;
    let client_id = required_field(
        "client_id",
        args.tenant.client_id.as_deref().unwrap_or_default(),
    )
    .map_err(|_| CiamError::invalid_input("client_id", msg!("input-cli-client-id-for-login")))?;
    let user_name = required_field("user name", args.user.as_deref().unwrap_or_default())?;
    let password = super::call::password(args.password_file.as_deref(), args.profile.as_ref())?;
    let overrides = shared::overrides(&args.device)?;
    let shared::Device {
        profile,
        fields: device,
        ..
    } = shared::device(&base, &overrides)?;
    let request = LoginRequest {
        client_id,
        user_name: user_name.clone(),
        password,
        tenant_id: optional_field(
            "X-tenant-id",
            args.tenant.tenant_id.as_deref().unwrap_or_default(),
        )?,
        device: device.clone(),
        language: lang.tenant_tag().to_owned(),
    };
    let client = shared::client(base.clone(), args.timeout, &args.network)?;
    let har = super::call::pending_file(args.har.as_deref(), "har")?;
    let call = Call::login(&request);
    let outcome = shared::runtime()?.block_on(call.send(&client));
    let record = StepRecord::new(&call, &outcome, OffsetDateTime::now_utc());
    if let Some(file) = har {
        let saved = args.profile.as_ref().map(|p| p.name.clone());
        let setting = setting(&base, &profile, &overrides, saved);
        let text = HandOver::new(setting, [&record]).har();
        if let Err(code) = super::call::commit(file, text.as_bytes(), lang) {
            return Ok(code);
        }
    }
    let grant = match outcome.result? {
        Answer::Login(grant) => grant,
        _ => return Err(unexpected_answer()),
    };
    let token = grant.session_token.expose_secret();
    if args.json {
        let mut value = json!({
            "user_name": user_name,
            "session_token_length": token.chars().count(),
            "expire": grant.expire,
            "device_fingerprint": device.fingerprint,
            "elapsed_ms": millis(record.record.elapsed),
        });
        if args.print_token
            && let Some(map) = value.as_object_mut()
        {
            map.insert("session_token".into(), json!(token));
        }
        out::json(&value, &["session_token"]);
    } else {
        let l = lang;
        let (ms, chars) = (millis(record.record.elapsed), token.chars().count() as u64);
        let fingerprint = device.fingerprint.as_str();
        let summary = match grant.expire {
            Some(expire) => tr!(
                l,
                "cli-logged-in-for",
                user = user_name,
                ms = ms,
                chars = chars,
                seconds = expire,
                fingerprint = fingerprint
            ),
            None => tr!(
                l,
                "cli-logged-in",
                user = user_name,
                ms = ms,
                chars = chars,
                fingerprint = fingerprint
            ),
        };
        if args.print_token {
            // The token alone on standard output, for `export SSO_DIAG_SESSION_TOKEN=$(…)`.
            out::eline(summary);
            out::reveal("", token);
        } else {
            out::line(summary);
            out::line(tr!(l, "cli-print-token-hint"));
        }
    }
    Ok(0)
}

/// The login's setting, for its HAR: the tenant and the device as sent.
fn setting(
    base: &TenantUrl,
    profile: &DeviceProfile,
    overrides: &crate::device::DeviceOverrides,
    saved_profile: Option<String>,
) -> Setting {
    Setting {
        tenant: base.to_string(),
        device: SentDevice::new(profile, overrides),
        front_end: FrontEnd::CommandLine,
        profile: saved_profile,
        fields: crate::store::ProfileFields::default(),
    }
}

/// A login call that answered as another step would: cannot happen, but is not a panic.
fn unexpected_answer() -> CiamError {
    CiamError::UnexpectedResponse {
        status: None,
        problem: "the login answered as another step".to_owned(),
        body: String::new(),
    }
}
