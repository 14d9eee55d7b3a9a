//! What went over the wire, as evidence for the inspector and every hand-over document — already
//! masked and redacted, so it can be shown, copied and saved as it is.

use std::time::Duration;

use super::timing::Phases;

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
    /// The body as received, redacted in place: its bytes change only where a secret was cut
    /// out, so a vendor reads what their server sent.
    pub body: String,
}

/// One call: the request, the response if one arrived, how long it took and, when the
/// transport could tell, where the time went and which connection carried it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HttpRecord {
    pub request: RequestRecord,
    pub response: Option<ResponseRecord>,
    pub elapsed: Duration,
    /// Measured phase by phase (watch mode's probe); `None`: only the whole was measured.
    #[serde(default)]
    pub phases: Option<Phases>,
    /// The address that answered (HAR's `serverIPAddress`).
    #[serde(default)]
    pub server_ip: Option<String>,
    /// The client's port of the connection it went on (HAR's `connection`): two calls on one
    /// connection share it.
    #[serde(default)]
    pub connection: Option<String>,
}

impl HttpRecord {
    /// A call's evidence, before anything is known of its connection.
    pub fn new(
        request: RequestRecord,
        response: Option<ResponseRecord>,
        elapsed: Duration,
    ) -> Self {
        Self {
            request,
            response,
            elapsed,
            phases: None,
            server_ip: None,
            connection: None,
        }
    }

    /// For a call that failed before anything was sent.
    pub fn not_sent() -> Self {
        let request = RequestRecord {
            method: "POST".to_owned(),
            url: String::new(),
            headers: Vec::new(),
            body: String::new(),
        };
        Self::new(request, None, Duration::ZERO)
    }
}

/// The two ends of a connection, as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionInfo {
    pub server: std::net::SocketAddr,
    pub local: std::net::SocketAddr,
}

impl ConnectionInfo {
    /// Writes where `record` went: the server's address and the client's port.
    pub fn stamp(self, record: &mut HttpRecord) {
        record.server_ip = Some(self.server.ip().to_string());
        record.connection = Some(self.local.port().to_string());
    }
}
