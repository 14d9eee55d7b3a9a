//! `sso-diag device`: what would be sent as the device, and where it came from.

use super::args::DeviceArgs;
use super::{out, shared};
use crate::ciam::CiamError;
use crate::device::{ANY_ROUTE, DeviceProfile};
use crate::i18n::Lang;
use crate::tr;

pub fn run(args: &DeviceArgs, lang: Lang) -> u8 {
    shared::exit_code(show_device(args, lang), args.json, lang)
}

fn show_device(args: &DeviceArgs, lang: Lang) -> Result<u8, CiamError> {
    let base = shared::tenant(Some(args.domain.as_deref().unwrap_or(ANY_ROUTE)))?;
    let profile = DeviceProfile::detect(&base);
    if args.json {
        match serde_json::to_value(&profile) {
            Ok(value) => out::json(&value, &[]),
            Err(e) => {
                out::eline(tr!(lang, "cli-error", title = e.to_string()));
                return Ok(1);
            }
        }
    } else {
        out::line(format!(
            "os_version   {}   ({})",
            profile.os_version, profile.os_name
        ));
        out::line(format!("device_ip    {}", profile.device_ip));
        out::line(format!("addresses    {}", profile.addresses.join(", ")));
        out::line(format!(
            "fingerprint  {}   ({})",
            profile.fingerprint,
            profile.fingerprint_source.describe(lang)
        ));
        out::line(format!("agent        {}", profile.agent));
    }
    Ok(0)
}
