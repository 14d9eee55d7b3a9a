//! Auto-detection of the device fields the tenant wants: OS version, device IP, fingerprint, agent.
//!
//! Cheap by design: only sysinfo's static OS queries (a full system refresh costs hundreds of ms),
//! one UDP `connect` that sends nothing, and one network-interface listing. The fingerprint is never
//! the raw machine id (machine-id(5) says it is confidential): it is an HMAC keyed by it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs, UdpSocket};

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

mod overrides;
mod sent;

pub use overrides::DeviceOverrides;
pub use sent::{DeviceFieldName, DeviceSources, SentDevice, ValueSource};

use crate::ciam::TenantUrl;
use crate::ciam::device_fields::{DeviceFields, default_agent};
use crate::i18n::Lang;
use crate::tr;

/// The HMAC message: fixed, so the fingerprint is stable across runs, and ours, so it cannot be
/// correlated with another program's use of the machine id.
const FINGERPRINT_CONTEXT: &[u8] = b"sso-diag device fingerprint v1";
const FINGERPRINT_HEX_LEN: usize = 32;

/// The "tenant" to detect towards when none is known yet: a documentation address (TEST-NET-1,
/// RFC 5737). `connect` on a UDP socket sends nothing; it only asks the OS which source address
/// its default route uses.
pub const ANY_ROUTE: &str = "https://192.0.2.1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FingerprintSource {
    /// Derived from the operating system's machine id (stable across reboots).
    MachineId,
    /// The machine id could not be read; derived from the host name instead.
    HostName,
    /// Set by the user.
    Override,
}

impl FingerprintSource {
    pub fn describe(self, lang: Lang) -> String {
        match self {
            FingerprintSource::MachineId => tr!(lang, "fingerprint-from-machine-id"),
            FingerprintSource::HostName => tr!(lang, "fingerprint-from-host-name"),
            FingerprintSource::Override => tr!(lang, "fingerprint-entered"),
        }
    }
}

/// The detected (or overridden) device, as the exchange will send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceProfile {
    /// As the API examples write it: `ubuntu24.04`, `windows10.0.19045`.
    pub os_version: String,
    /// The long name shown beside it: `Ubuntu 24.04.1 LTS`.
    pub os_name: String,
    /// The source address the OS would use to reach the tenant.
    pub device_ip: String,
    /// Every address found, the route-based one first.
    pub addresses: Vec<String>,
    pub fingerprint: String,
    pub fingerprint_source: FingerprintSource,
    pub agent: String,
}

impl DeviceProfile {
    pub fn detect(tenant: &TenantUrl) -> Self {
        let (os_version, os_name) = detect_os();
        let route_ip = route_source_ip(tenant);
        let addresses: Vec<String> = interface_addresses(route_ip, tenant.is_loopback())
            .iter()
            .map(IpAddr::to_string)
            .collect();
        let device_ip = addresses
            .first()
            .cloned()
            .unwrap_or_else(|| Ipv4Addr::LOCALHOST.to_string());
        let (fingerprint, fingerprint_source) = machine_fingerprint();
        let agent = default_agent(&os_version);
        Self {
            os_version,
            os_name,
            device_ip,
            addresses,
            fingerprint,
            fingerprint_source,
            agent,
        }
    }

    pub fn with_overrides(mut self, overrides: &DeviceOverrides) -> Self {
        if let Some(v) = &overrides.os_version {
            self.os_version = v.clone();
        }
        if let Some(v) = &overrides.device_ip {
            self.device_ip = v.clone();
        }
        if let Some(v) = &overrides.fingerprint {
            self.fingerprint = v.clone();
            self.fingerprint_source = FingerprintSource::Override;
        }
        if let Some(v) = &overrides.agent {
            self.agent = v.clone();
        }
        self
    }

    pub fn fields(&self) -> DeviceFields {
        DeviceFields {
            os_version: self.os_version.clone(),
            device_ip: self.device_ip.clone(),
            fingerprint: self.fingerprint.clone(),
            agent: Some(self.agent.clone()).filter(|a| !a.is_empty()),
        }
    }
}

fn detect_os() -> (String, String) {
    let id = sysinfo::System::distribution_id();
    let version = sysinfo::System::os_version().unwrap_or_default();
    let long = sysinfo::System::long_os_version()
        .or_else(|_| sysinfo::System::name())
        .unwrap_or_else(|_| std::env::consts::OS.to_owned());
    let short = format_os_version(std::env::consts::OS, &id, &version);
    (short, long)
}

/// The compact form the API examples use. Windows is reported by its NT version, which is what
/// Windows itself reports (Windows 11 is NT 10.0 too): sysinfo gives `10 (19045)`, `11 (22631)`,
/// or under wine `0 (7601)`; the build number decides.
pub fn format_os_version(os: &str, distribution_id: &str, version: &str) -> String {
    let version = version.trim();
    if os == "windows" {
        let build = version
            .split_once('(')
            .and_then(|(_, b)| b.trim_end_matches(')').trim().parse::<u32>().ok());
        return match build {
            Some(b) => format!("windows{}.{b}", nt_version(b)),
            None if version.is_empty() => "windows".to_owned(),
            None => format!("windows{}", version.replace(' ', "")),
        };
    }
    let name = match os {
        "macos" => "macos".to_owned(),
        _ if distribution_id.is_empty() => os.to_owned(),
        _ => distribution_id.to_ascii_lowercase(),
    };
    // e.g. `24.04` or `12`; drop anything after a space (`24.04 LTS`).
    let number = version.split_whitespace().next().unwrap_or_default();
    format!("{name}{number}")
}

/// NT version of a Windows build number.
fn nt_version(build: u32) -> &'static str {
    match build {
        10240.. => "10.0",
        9600..=10239 => "6.3",
        9200..=9599 => "6.2",
        7600..=9199 => "6.1",
        _ => "6.0",
    }
}

/// Detection must not hang on a resolver that never answers (a VPN down, a black-holed DNS).
const ROUTE_LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// The tenant's first address, or `None` if it does not resolve within `limit`. The lookup runs on
/// a thread of its own that is left behind if it hangs (the system resolver cannot be cancelled).
fn resolve_within(tenant: &TenantUrl, limit: std::time::Duration) -> Option<SocketAddr> {
    let (host, port) = (tenant.host(), tenant.port());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("sso-diag-route-lookup".into())
        .spawn(move || {
            let first = (host.as_str(), port)
                .to_socket_addrs()
                .ok()
                .and_then(|mut a| a.next());
            let _ = tx.send(first);
        })
        .ok()?;
    rx.recv_timeout(limit).ok().flatten()
}

/// The local address the OS would use to reach the tenant: `connect` on a UDP socket picks the
/// route and source address without sending a packet. `None` if the host does not resolve.
fn route_source_ip(tenant: &TenantUrl) -> Option<IpAddr> {
    let target = resolve_within(tenant, ROUTE_LOOKUP_TIMEOUT)?;
    let bind: SocketAddr = if target.is_ipv4() {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let socket = UdpSocket::bind(bind).ok()?;
    socket.connect(target).ok()?;
    Some(socket.local_addr().ok()?.ip()).filter(|ip| !ip.is_unspecified())
}

/// The route-based address first, then IPv4, then IPv6 addresses of the interfaces; loopback only
/// when the tenant itself is on this machine.
fn interface_addresses(route: Option<IpAddr>, tenant_is_loopback: bool) -> Vec<IpAddr> {
    let mut found: Vec<IpAddr> = sysinfo::Networks::new_with_refreshed_list()
        .map(|networks| {
            networks
                .values()
                .flat_map(|data| data.ip_networks().iter().map(|n| n.addr))
                .collect()
        })
        .unwrap_or_default();
    found.retain(|ip| tenant_is_loopback || !ip.is_loopback());
    found.sort_by_key(|ip| (ip.is_loopback(), ip.is_ipv6(), *ip));
    found.dedup();
    if let Some(r) = route {
        found.retain(|ip| *ip != r);
        found.insert(0, r);
    }
    found
}

/// HMAC-SHA256(key = machine id, message = a fixed app string), hex, 32 characters.
pub fn machine_fingerprint() -> (String, FingerprintSource) {
    match machine_uid::get() {
        Ok(id) if !id.trim().is_empty() => {
            (fingerprint_from(id.trim()), FingerprintSource::MachineId)
        }
        _ => {
            let host = sysinfo::System::host_name().unwrap_or_else(|_| "unknown-host".to_owned());
            (fingerprint_from(&host), FingerprintSource::HostName)
        }
    }
}

pub fn fingerprint_from(key: &str) -> String {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key.as_bytes()) {
        Ok(m) => m,
        Err(_) => return "0".repeat(FINGERPRINT_HEX_LEN),
    };
    mac.update(FINGERPRINT_CONTEXT);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex[..FINGERPRINT_HEX_LEN].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable_hex_and_not_the_raw_id() {
        let id = "4c4c4544003957108052b4c04f384833";
        let a = fingerprint_from(id);
        assert_eq!(a, fingerprint_from(id));
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, id);
        assert!(!a.contains(&id[..8]));
        assert_ne!(a, fingerprint_from("another-machine"));
    }

    #[test]
    fn this_machine_fingerprint_is_stable() {
        let (a, source) = machine_fingerprint();
        assert_eq!(machine_fingerprint().0, a);
        if let Ok(raw) = machine_uid::get() {
            assert_eq!(source, FingerprintSource::MachineId);
            assert!(!a.contains(raw.trim()));
        }
    }

    #[test]
    fn os_versions_look_like_the_api_examples() {
        assert_eq!(format_os_version("linux", "ubuntu", "24.04"), "ubuntu24.04");
        assert_eq!(format_os_version("linux", "debian", "12"), "debian12");
        assert_eq!(format_os_version("linux", "", "6.1"), "linux6.1");
        assert_eq!(format_os_version("macos", "macos", "14.5"), "macos14.5");
        assert_eq!(
            format_os_version("windows", "windows", "10 (19045)"),
            "windows10.0.19045"
        );
        assert_eq!(
            format_os_version("windows", "windows", "11 (22631)"),
            "windows10.0.22631"
        );
        assert_eq!(
            format_os_version("windows", "windows", "0 (7601)"),
            "windows6.1.7601"
        );
        assert_eq!(format_os_version("windows", "windows", ""), "windows");
    }

    #[test]
    fn overrides_win_and_mark_the_fingerprint() {
        let tenant = TenantUrl::parse("http://127.0.0.1:9").expect("valid");
        let p = DeviceProfile::detect(&tenant).with_overrides(&DeviceOverrides {
            os_version: Some("windows10.1.1".into()),
            device_ip: Some("192.0.2.7".into()),
            fingerprint: Some("fp-from-login".into()),
            agent: Some("Mozilla/5.0".into()),
        });
        assert_eq!(p.os_version, "windows10.1.1");
        assert_eq!(p.device_ip, "192.0.2.7");
        assert_eq!(p.fingerprint, "fp-from-login");
        assert_eq!(p.fingerprint_source, FingerprintSource::Override);
        assert_eq!(p.fields().agent.as_deref(), Some("Mozilla/5.0"));
    }

    #[test]
    fn a_loopback_tenant_is_reached_from_loopback() {
        let tenant = TenantUrl::parse("http://127.0.0.1:9").expect("valid");
        let p = DeviceProfile::detect(&tenant);
        assert_eq!(p.device_ip, "127.0.0.1");
        assert_eq!(p.addresses.first().map(String::as_str), Some("127.0.0.1"));
        assert!(p.agent.starts_with("sso-diag/"));
        assert!(!p.os_version.is_empty());
    }
}
