//! What went over the wire, as evidence for the inspector and the report — already masked and
//! redacted, so it can be shown, copied and saved as it is.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RequestRecord {
    pub method: String,
    pub url: String,
    /// Header name and value; the Authorization value is masked.
    pub headers: Vec<(String, String)>,
    /// The body as sent, with secret fields masked.
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResponseRecord {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body, redacted, pretty-printed when it is JSON.
    pub body: String,
}

/// One call: the request, the response if one arrived, and how long it took.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HttpRecord {
    pub request: RequestRecord,
    pub response: Option<ResponseRecord>,
    pub elapsed: Duration,
}

impl HttpRecord {
    /// For a call that failed before anything was sent.
    pub fn not_sent() -> Self {
        Self {
            request: RequestRecord {
                method: "POST".to_owned(),
                url: String::new(),
                headers: Vec::new(),
                body: String::new(),
            },
            response: None,
            elapsed: Duration::ZERO,
        }
    }
}
