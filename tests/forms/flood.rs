//! A hostile answer stuffed with tokens, for the tests of redaction at volume.

use super::common::http_response;
use super::every::forms_of;

/// A 400 answer with 600 `access_token` fields (nested, as no documented answer has them) and,
/// after them, `echo` in every form in its message.
pub fn flood_answer(echo: &[&str]) -> Vec<u8> {
    let flood: Vec<serde_json::Value> = (0..600)
        .map(|i| serde_json::json!({"access_token": format!("flood-{i:04}-decoy-token")}))
        .collect();
    let said: Vec<String> = echo.iter().flat_map(|s| forms_of(s)).collect();
    let body = serde_json::json!({
        "flood": flood,
        "error": "invalid_request",
        "error_description": format!("you sent {}", said.join(" ")),
    });
    http_response(
        "400 Bad Request",
        &[("Content-Type", "application/json")],
        &body.to_string(),
    )
}
