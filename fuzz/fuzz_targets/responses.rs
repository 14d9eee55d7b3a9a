//! Whatever a tenant answers: every response parser returns a value or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_diag::ciam::exchange::parse_ticket_response;
use sso_diag::ciam::jwt::JwtInsight;
use sso_diag::ciam::login::parse_login_response;
use sso_diag::ciam::token::parse_token_response;
use sso_diag::ciam::verify::parse_user_info;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = parse_ticket_response(&value);
        let _ = parse_token_response(&value);
        let _ = parse_login_response(&value);
        let _ = parse_user_info(&value);
    }
    let _ = JwtInsight::decode(&String::from_utf8_lossy(data));
});
