//! The options several commands share (the tenant, the network, device overrides, the language),
//! apart from the commands themselves so the profile commands can use them too.

use std::path::PathBuf;

use clap::Args;

use crate::i18n::{self, Lang};

pub fn parse_lang(tag: &str) -> Result<Lang, String> {
    i18n::parse(tag)
        .ok_or_else(|| format!("\"{tag}\" is not a language sso-diag speaks: use en or zh-CN"))
}

/// How requests reach the tenant.
#[derive(Debug, Clone, Default, Args)]
pub struct NetworkArgs {
    /// Also trust the certificate authorities in this PEM file for this run (e.g. a company
    /// proxy's); the system's trust store still applies, and verification is never skipped
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Send requests through this proxy (http://host:port); by default HTTPS_PROXY, HTTP_PROXY,
    /// NO_PROXY and the system proxy apply
    #[arg(long, value_name = "URL")]
    pub proxy: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TenantArgs {
    /// The tenant's domain, e.g. tenant.example.com or https://tenant.example.com:8443
    #[arg(long, value_name = "URL")]
    pub domain: Option<String>,
    /// X-tenant-id header (only ISV callers on a shared domain need it)
    #[arg(long, value_name = "ID")]
    pub tenant_id: Option<String>,
    /// The SSO application's client_id (sent in the body; Huawei OneAccess only)
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
}

impl DeviceOverrideArgs {
    /// The overrides given, checked as the calls will check them.
    pub fn checked(&self) -> Result<crate::device::DeviceOverrides, crate::ciam::CiamError> {
        crate::device::DeviceOverrides::checked(
            self.os_version.as_deref(),
            self.device_ip.as_deref(),
            self.fingerprint.as_deref(),
            self.agent.as_deref(),
        )
    }
}

#[derive(Debug, Clone, Default, Args)]
pub struct DeviceOverrideArgs {
    /// OS version to send instead of the detected one, e.g. windows10.0.19045
    #[arg(long, value_name = "S")]
    pub os_version: Option<String>,
    /// Device IP to send instead of the detected one
    #[arg(long, value_name = "IP")]
    pub device_ip: Option<String>,
    /// Device fingerprint to send; must equal the one used at the user's login
    #[arg(long, value_name = "FP")]
    pub fingerprint: Option<String>,
    /// User agent to send instead of sso-diag's own
    #[arg(long, value_name = "UA")]
    pub agent: Option<String>,
}
