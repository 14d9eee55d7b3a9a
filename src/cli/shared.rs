//! What the subcommands share: the tenant client from the flags, the device, the runtime, and how
//! an error is printed.

use std::time::Duration;

use serde_json::{Value, json};

use super::args::{DeviceOverrideArgs, NetworkArgs};
use super::out;
use crate::ciam::input::{device_fields, optional_field};
use crate::ciam::{Advice, CiamError, ClientOptions, DeviceFields, TenantClient, TenantUrl};
use crate::device::{DeviceOverrides, DeviceProfile};
use crate::i18n::Lang;
use crate::step::Cause;
use crate::{msg, tr};

pub fn tenant(domain: Option<&str>) -> Result<TenantUrl, CiamError> {
    TenantUrl::parse(domain.unwrap_or_default())
        .map_err(|e| CiamError::invalid_input("domain", e.message()))
}

/// The CA file's contents, read before anything is sent.
pub fn read_ca_file(path: Option<&std::path::Path>) -> Result<Option<Vec<u8>>, CiamError> {
    path.map(crate::ciam::input::read_ca_file).transpose()
}

pub fn client(
    base: TenantUrl,
    timeout_secs: f64,
    network: &NetworkArgs,
) -> Result<TenantClient, CiamError> {
    if !(timeout_secs.is_finite() && timeout_secs > 0.0 && timeout_secs <= 3600.0) {
        return Err(CiamError::invalid_input("timeout", msg!("input-timeout")));
    }
    let options = ClientOptions {
        extra_ca_pem: read_ca_file(network.ca_file.as_deref())?,
        proxy: optional_field("proxy", network.proxy.as_deref().unwrap_or_default())?,
        ..ClientOptions::with_total_timeout(Duration::from_secs_f64(timeout_secs))
    };
    TenantClient::new(base, options)
}

pub fn overrides(args: &DeviceOverrideArgs) -> Result<DeviceOverrides, CiamError> {
    args.checked()
}

/// The detected device with the user's overrides, checked.
pub fn device(base: &TenantUrl, overrides: &DeviceOverrides) -> Result<Device, CiamError> {
    let detected = DeviceProfile::detect(base);
    let detected_fingerprint = detected.fingerprint.clone();
    let profile = detected.with_overrides(overrides);
    let fields = device_fields(
        &profile.os_version,
        &profile.device_ip,
        &profile.fingerprint,
        &profile.agent,
    )?;
    Ok(Device {
        profile,
        fields,
        detected_fingerprint,
    })
}

/// The device a command sends: as a profile (with where each value came from), as the API's
/// fields, and this machine's own fingerprint (a refused session's diagnosis compares them).
pub struct Device {
    pub profile: DeviceProfile,
    pub fields: DeviceFields,
    pub detected_fingerprint: String,
}

pub fn runtime() -> Result<tokio::runtime::Runtime, CiamError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CiamError::Connect {
            target: "this machine".into(),
            detail: format!("could not start the network runtime: {e}"),
        })
}

/// For machines: English whatever the human output's language.
pub fn error_json(error: &CiamError, step: Option<&str>) -> Value {
    failure_json(error, step, None)
}

/// As [`error_json`], for a step that failed: its advice says the cause the evidence points at.
pub fn failure_json(error: &CiamError, step: Option<&str>, cause: Option<&Cause>) -> Value {
    let advice = advice_of(error, cause, Lang::En);
    json!({"error": {
        "kind": error.kind(),
        "step": step,
        "status": error.status(),
        "code": error.code(),
        "message": error.message(),
        "title": advice.title,
        "hint": advice.hint(),
        "cause": cause.map(Cause::key),
    }})
}

fn advice_of(error: &CiamError, cause: Option<&Cause>, lang: Lang) -> Advice {
    match cause {
        Some(cause) => cause.advise(error, lang),
        None => error.advice(lang),
    }
}

/// A subcommand's exit code: its own on success, else the error's, after printing the error.
pub fn exit_code(result: Result<u8, CiamError>, as_json: bool, lang: Lang) -> u8 {
    result.unwrap_or_else(|e| {
        report_error(&e, as_json, lang);
        e.exit_code()
    })
}

pub fn report_error(error: &CiamError, as_json: bool, lang: Lang) {
    if as_json {
        out::json(&error_json(error, None), &[]);
    } else {
        print_failure(error, None, None, lang);
    }
}

/// The error in words on standard error: the title (and the step), the evidence, the cause the
/// evidence points at (or the tenant's advice), what to try.
pub fn print_failure(error: &CiamError, step: Option<&str>, cause: Option<&Cause>, lang: Lang) {
    let l = lang;
    let advice = advice_of(error, cause, l);
    match step {
        Some(step) => out::eline(tr!(
            l,
            "cli-error-in-step",
            title = advice.title,
            step = step
        )),
        None => out::eline(tr!(l, "cli-error", title = advice.title)),
    }
    out::eline(format!("  {}", error.evidence_in(l)));
    out::eline(tr!(l, "cli-likely-cause", cause = advice.cause));
    out::eline(tr!(l, "cli-try", action = advice.action));
}
