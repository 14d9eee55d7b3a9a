//! What the window remembers between runs (through eframe's storage): never a token.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub const STORAGE_KEY: &str = "sso-diag.settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub domain: String,
    pub tenant_id: String,
    pub client_id: String,
    /// Device values the user set instead of the detected ones.
    pub os_version: Option<String>,
    pub device_ip: Option<String>,
    pub fingerprint: Option<String>,
    pub agent: Option<String>,
    pub timeout_secs: f32,
    /// The test user for "Log in" (never the password).
    pub user_name: String,
    /// A PEM file of extra certificate authorities to trust (e.g. a company proxy's).
    pub ca_file: String,
    /// `http://host:port`; empty = the environment's and the system's proxy settings.
    pub proxy: String,
    /// The language picked in the header; `None` follows the system's.
    pub lang: Option<Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            domain: String::new(),
            tenant_id: String::new(),
            client_id: String::new(),
            os_version: None,
            device_ip: None,
            fingerprint: None,
            agent: None,
            timeout_secs: 30.0,
            user_name: String::new(),
            ca_file: String::new(),
            proxy: String::new(),
            lang: None,
        }
    }
}
