//! Whatever is pasted into "domain": parsed or refused with a message, never a panic, and what is
//! accepted prints back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_diag::ciam::TenantUrl;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(url) = TenantUrl::parse(&text) {
        let printed = url.to_string();
        assert!(printed.starts_with("https://") || url.is_loopback());
        assert_eq!(TenantUrl::parse(&printed).map(|u| u.to_string()).ok(), Some(printed));
    }
});
