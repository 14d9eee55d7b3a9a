//! `sso-diag device`: what would be sent as the device, and where it came from.

use super::args::DeviceArgs;
use crate::ciam::{CiamError, TenantUrl};
use crate::device::DeviceProfile;

/// With no domain, the route is looked up towards a documentation address (TEST-NET-1,
/// RFC 5737): `connect` on a UDP socket sends nothing, it only asks the OS which source
/// address its default route uses.
const ANY_ROUTE: &str = "https://192.0.2.1";

pub fn run(args: &DeviceArgs) -> u8 {
    let base = match TenantUrl::parse(args.domain.as_deref().unwrap_or(ANY_ROUTE)) {
        Ok(b) => b,
        Err(e) => {
            let error = CiamError::invalid_input("domain", e.to_string());
            super::shared::report_error(&error, args.json);
            return error.exit_code();
        }
    };
    let profile = DeviceProfile::detect(&base);
    if args.json {
        match serde_json::to_string_pretty(&profile) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
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
    0
}
