//! The device fields every SSO call sends (API.md (2)–(5)), and the agent sso-diag sends when none
//! is given. Here, below both `ciam` and `device`, so the detector and the requests share them.

/// The device fields the tenant wants with every SSO call. `agent` is optional.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceFields {
    pub os_version: String,
    pub device_ip: String,
    pub fingerprint: String,
    pub agent: Option<String>,
}

/// `sso-diag/0.1.0 (ubuntu24.04; x86_64)`.
pub fn default_agent(os_version: &str) -> String {
    format!(
        "sso-diag/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        os_version,
        std::env::consts::ARCH
    )
}
