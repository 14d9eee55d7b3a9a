//! The device values a user sets instead of the detected ones (command-line options, a
//! profile's, the window's launch), checked as the calls will check them.

use crate::ciam::CiamError;
use crate::ciam::input::optional_field;

/// Values the user set instead of the detected ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceOverrides {
    pub os_version: Option<String>,
    pub device_ip: Option<String>,
    pub fingerprint: Option<String>,
    pub agent: Option<String>,
}

impl DeviceOverrides {
    /// Each value given, checked (an empty one is no override); the first bad one refused.
    pub fn checked(
        os_version: Option<&str>,
        device_ip: Option<&str>,
        fingerprint: Option<&str>,
        agent: Option<&str>,
    ) -> Result<Self, CiamError> {
        let checked_field =
            |name: &str, value: Option<&str>| optional_field(name, value.unwrap_or_default());
        Ok(Self {
            os_version: checked_field("OS version", os_version)?,
            device_ip: checked_field("device IP", device_ip)?,
            fingerprint: checked_field("device fingerprint", fingerprint)?,
            agent: checked_field("agent", agent)?,
        })
    }
}
