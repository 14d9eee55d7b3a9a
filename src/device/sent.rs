//! The device as a call sent it, each value with where it came from: what every hand-over document
//! says of the device, built by one rule from whichever front end made the call.

use serde::{Deserialize, Serialize};

use super::{DeviceOverrides, DeviceProfile, FingerprintSource};
use crate::i18n::Lang;
use crate::tr;

/// Where a device value came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    Detected,
    SetByUser,
    /// A fingerprint derived from the operating system's machine id.
    MachineId,
    /// A fingerprint derived from the host name (no machine id could be read).
    HostName,
    /// A case file saved before sources were recorded.
    #[default]
    NotRecorded,
}

impl ValueSource {
    /// A stable name for `--json`.
    pub fn key(self) -> &'static str {
        match self {
            ValueSource::Detected => "detected",
            ValueSource::SetByUser => "set_by_user",
            ValueSource::MachineId => "machine_id",
            ValueSource::HostName => "host_name",
            ValueSource::NotRecorded => "not_recorded",
        }
    }

    pub fn words(self, lang: Lang) -> String {
        match self {
            ValueSource::Detected => tr!(lang, "report-source-detected"),
            ValueSource::SetByUser => tr!(lang, "report-source-set-by-user"),
            ValueSource::MachineId => FingerprintSource::MachineId.describe(lang),
            ValueSource::HostName => FingerprintSource::HostName.describe(lang),
            ValueSource::NotRecorded => tr!(lang, "report-source-not-recorded"),
        }
    }

    fn detected_unless(overridden: bool) -> Self {
        if overridden {
            ValueSource::SetByUser
        } else {
            ValueSource::Detected
        }
    }
}

/// The device fields the API takes, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceFieldName {
    OsVersion,
    DeviceIp,
    Fingerprint,
    Agent,
}

impl DeviceFieldName {
    pub const ALL: [DeviceFieldName; 4] = [
        DeviceFieldName::OsVersion,
        DeviceFieldName::DeviceIp,
        DeviceFieldName::Fingerprint,
        DeviceFieldName::Agent,
    ];

    /// The name `--json` gives the field (`device_fingerprint`).
    pub fn key(self) -> &'static str {
        match self {
            DeviceFieldName::OsVersion => "os_version",
            DeviceFieldName::DeviceIp => "device_ip",
            DeviceFieldName::Fingerprint => "device_fingerprint",
            DeviceFieldName::Agent => "agent",
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            DeviceFieldName::OsVersion => tr!(lang, "report-field-os-version"),
            DeviceFieldName::DeviceIp => tr!(lang, "report-field-device-ip"),
            DeviceFieldName::Fingerprint => tr!(lang, "report-field-fingerprint"),
            DeviceFieldName::Agent => tr!(lang, "report-field-agent"),
        }
    }
}

/// Where each device value came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceSources {
    pub os_version: ValueSource,
    pub device_ip: ValueSource,
    pub fingerprint: ValueSource,
    pub agent: ValueSource,
}

/// The device as sent. Its JSON is a case file's `device` (older case files lack `sources`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentDevice {
    pub os_version: String,
    pub os_name: String,
    pub device_ip: String,
    pub fingerprint: String,
    pub agent: String,
    pub sources: DeviceSources,
}

impl SentDevice {
    /// `profile` as sent, `overrides` the values the user set in it. A fingerprint says what it
    /// was derived from, unless the user set it.
    pub fn new(profile: &DeviceProfile, overrides: &DeviceOverrides) -> Self {
        let fingerprint = match (overrides.fingerprint.is_some(), profile.fingerprint_source) {
            (true, _) | (_, FingerprintSource::Override) => ValueSource::SetByUser,
            (false, FingerprintSource::MachineId) => ValueSource::MachineId,
            (false, FingerprintSource::HostName) => ValueSource::HostName,
        };
        Self {
            os_version: profile.os_version.clone(),
            os_name: profile.os_name.clone(),
            device_ip: profile.device_ip.clone(),
            fingerprint: profile.fingerprint.clone(),
            agent: profile.agent.clone(),
            sources: DeviceSources {
                os_version: ValueSource::detected_unless(overrides.os_version.is_some()),
                device_ip: ValueSource::detected_unless(overrides.device_ip.is_some()),
                fingerprint,
                agent: ValueSource::detected_unless(overrides.agent.is_some()),
            },
        }
    }

    /// Each field's value and source, in the API's order.
    pub fn rows(&self) -> [(DeviceFieldName, &str, ValueSource); 4] {
        let s = &self.sources;
        [
            (DeviceFieldName::OsVersion, &self.os_version, s.os_version),
            (DeviceFieldName::DeviceIp, &self.device_ip, s.device_ip),
            (
                DeviceFieldName::Fingerprint,
                &self.fingerprint,
                s.fingerprint,
            ),
            (DeviceFieldName::Agent, &self.agent, s.agent),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(source: FingerprintSource) -> DeviceProfile {
        DeviceProfile {
            os_version: "debian12".into(),
            os_name: "Debian GNU/Linux 12".into(),
            device_ip: "10.0.0.5".into(),
            addresses: Vec::new(),
            fingerprint: "f".repeat(32),
            fingerprint_source: source,
            agent: "sso-diag/0.1.0".into(),
        }
    }

    #[test]
    fn a_fingerprint_says_where_it_came_from_unless_the_user_set_it() {
        let detected = SentDevice::new(
            &profile(FingerprintSource::MachineId),
            &DeviceOverrides::default(),
        );
        assert_eq!(detected.sources.fingerprint, ValueSource::MachineId);
        assert_eq!(detected.sources.os_version, ValueSource::Detected);
        let overrides = DeviceOverrides {
            fingerprint: Some("a".repeat(32)),
            device_ip: Some("10.9.9.9".into()),
            ..DeviceOverrides::default()
        };
        let set = SentDevice::new(
            &profile(FingerprintSource::HostName).with_overrides(&overrides),
            &overrides,
        );
        assert_eq!(set.sources.fingerprint, ValueSource::SetByUser);
        assert_eq!(set.sources.device_ip, ValueSource::SetByUser);
        assert_eq!(set.fingerprint, "a".repeat(32));
        assert_eq!(
            set.rows()[1],
            (
                DeviceFieldName::DeviceIp,
                "10.9.9.9",
                ValueSource::SetByUser
            )
        );
    }
}
