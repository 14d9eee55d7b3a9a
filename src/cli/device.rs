//! `sso-diag device`: what would be sent as the device, and where it came from.

use super::args::DeviceArgs;
use super::shared;
use crate::ciam::CiamError;
use crate::device::{ANY_ROUTE, DeviceProfile};

pub fn run(args: &DeviceArgs) -> u8 {
    shared::exit_code(show_device(args), args.json)
}

fn show_device(args: &DeviceArgs) -> Result<u8, CiamError> {
    let base = shared::tenant(Some(args.domain.as_deref().unwrap_or(ANY_ROUTE)))?;
    let profile = DeviceProfile::detect(&base);
    if args.json {
        match serde_json::to_string_pretty(&profile) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return Ok(1);
            }
        }
    } else {
        println!(
            "os_version   {}   ({})",
            profile.os_version, profile.os_name
        );
        println!("device_ip    {}", profile.device_ip);
        println!("addresses    {}", profile.addresses.join(", "));
        println!(
            "fingerprint  {}   ({})",
            profile.fingerprint,
            profile.fingerprint_source.describe()
        );
        println!("agent        {}", profile.agent);
    }
    Ok(0)
}
