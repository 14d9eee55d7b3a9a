//! The device part of the form: each value detected, or set by the user (and then kept over a
//! later detection). Pure: no egui.

use crate::device::{DeviceOverrides, DeviceProfile, FingerprintSource, SentDevice};

/// One device value: detected, or set by the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceField {
    pub value: String,
    pub detected: Option<String>,
    /// The user typed or picked this value; a later detection does not replace it.
    pub user_set: bool,
}

impl DeviceField {
    pub(super) fn from_override(value: Option<String>) -> Self {
        Self {
            user_set: value.is_some(),
            value: value.unwrap_or_default(),
            detected: None,
        }
    }

    pub fn set_detected(&mut self, detected: String) {
        if !self.user_set {
            self.value = detected.clone();
        }
        self.detected = Some(detected);
        self.edited();
    }

    /// Call after the user changed `value`.
    pub fn edited(&mut self) {
        self.user_set = self.detected.as_deref() != Some(self.value.as_str());
    }

    pub fn reset(&mut self) {
        if let Some(d) = &self.detected {
            self.value = d.clone();
        }
        self.user_set = false;
    }

    pub fn is_detected(&self) -> bool {
        !self.user_set && self.detected.is_some()
    }

    pub(super) fn override_value(&self) -> Option<String> {
        self.user_set.then(|| self.value.clone())
    }
}

#[derive(Debug, Clone, Default)]
pub struct DeviceForm {
    pub profile: Option<DeviceProfile>,
    pub os_version: DeviceField,
    pub device_ip: DeviceField,
    pub fingerprint: DeviceField,
    pub agent: DeviceField,
}

impl DeviceForm {
    pub fn apply_detected(&mut self, profile: DeviceProfile) {
        self.os_version.set_detected(profile.os_version.clone());
        self.device_ip.set_detected(profile.device_ip.clone());
        self.fingerprint.set_detected(profile.fingerprint.clone());
        self.agent.set_detected(profile.agent.clone());
        self.profile = Some(profile);
    }

    /// The device as a call sends it, each value with where it came from: by the same rule as
    /// the command line's (the detection, and what the user set over it).
    pub fn as_sent(&self) -> SentDevice {
        let overrides = DeviceOverrides {
            os_version: self.os_version.override_value(),
            device_ip: self.device_ip.override_value(),
            fingerprint: self.fingerprint.override_value(),
            agent: self.agent.override_value(),
        };
        let detected = self.profile.as_ref();
        let sent = DeviceProfile {
            os_version: self.os_version.value.clone(),
            os_name: detected.map_or_else(|| std::env::consts::OS.into(), |p| p.os_name.clone()),
            device_ip: self.device_ip.value.clone(),
            addresses: Vec::new(),
            fingerprint: self.fingerprint.value.clone(),
            // Nothing detected yet: whatever the field holds, the user put there.
            fingerprint_source: self
                .fingerprint_source()
                .unwrap_or(FingerprintSource::Override),
            agent: self.agent.value.clone(),
        };
        SentDevice::new(&sent, &overrides)
    }

    pub fn fingerprint_source(&self) -> Option<FingerprintSource> {
        if self.fingerprint.user_set {
            Some(FingerprintSource::Override)
        } else {
            self.profile.as_ref().map(|p| p.fingerprint_source)
        }
    }
}
