//! What the user has typed, and turning it into a request. Pure: no egui, no I/O, so the rules
//! (what is required, what is trimmed) are tested without a window.

use std::time::Duration;

use crate::ciam::input::{
    device_fields, normalize_token, optional_field, read_ca_file, strip_token_decoration,
};
use crate::ciam::{CiamError, ClientOptions, ExchangeRequest, TenantUrl};
use crate::device::{DeviceOverrides, DeviceProfile, FingerprintSource};

use super::settings::Settings;

/// One device value: detected, or set by the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceField {
    pub value: String,
    pub detected: Option<String>,
    /// The user typed or picked this value; a later detection does not replace it.
    pub user_set: bool,
}

impl DeviceField {
    fn from_override(value: Option<String>) -> Self {
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

    fn override_value(&self) -> Option<String> {
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

    pub fn fingerprint_source(&self) -> Option<FingerprintSource> {
        if self.fingerprint.user_set {
            Some(FingerprintSource::Override)
        } else {
            self.profile.as_ref().map(|p| p.fingerprint_source)
        }
    }
}

pub struct Form {
    pub domain: String,
    pub tenant_id: String,
    pub client_id: String,
    pub access_token: String,
    pub session_token: String,
    pub reveal_access: bool,
    pub reveal_session: bool,
    pub device: DeviceForm,
    pub timeout_secs: f32,
    /// For "Get token" (client credentials).
    pub client_secret: String,
    pub reveal_client_secret: bool,
    /// For "Log in" (a test user).
    pub user_name: String,
    pub password: String,
    pub reveal_password: bool,
    /// When "Get token" filled the access token: when it arrived and how long it lives.
    pub access_token_expiry: Option<(std::time::Instant, u64)>,
    /// The id_token of the last Get token or Log in, for its insight.
    pub id_token: Option<secrecy::SecretString>,
    pub ca_file: String,
    pub proxy: String,
}

impl Form {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            domain: settings.domain.clone(),
            tenant_id: settings.tenant_id.clone(),
            client_id: settings.client_id.clone(),
            access_token: String::new(),
            session_token: String::new(),
            reveal_access: false,
            reveal_session: false,
            device: DeviceForm {
                profile: None,
                os_version: DeviceField::from_override(settings.os_version.clone()),
                device_ip: DeviceField::from_override(settings.device_ip.clone()),
                fingerprint: DeviceField::from_override(settings.fingerprint.clone()),
                agent: DeviceField::from_override(settings.agent.clone()),
            },
            timeout_secs: settings.timeout_secs,
            client_secret: String::new(),
            reveal_client_secret: false,
            user_name: settings.user_name.clone(),
            password: String::new(),
            reveal_password: false,
            access_token_expiry: None,
            id_token: None,
            ca_file: settings.ca_file.clone(),
            proxy: settings.proxy.clone(),
        }
    }

    pub fn apply_overrides(&mut self, overrides: &DeviceOverrides) {
        let fields = [
            (&mut self.device.os_version, &overrides.os_version),
            (&mut self.device.device_ip, &overrides.device_ip),
            (&mut self.device.fingerprint, &overrides.fingerprint),
            (&mut self.device.agent, &overrides.agent),
        ];
        for (field, value) in fields {
            if let Some(v) = value {
                field.value = v.clone();
                field.edited();
                field.user_set = true;
            }
        }
    }

    /// The settings to remember: everything but the tokens.
    pub fn settings(&self) -> Settings {
        Settings {
            domain: self.domain.clone(),
            tenant_id: self.tenant_id.clone(),
            client_id: self.client_id.clone(),
            os_version: self.device.os_version.override_value(),
            device_ip: self.device.device_ip.override_value(),
            fingerprint: self.device.fingerprint.override_value(),
            agent: self.device.agent.override_value(),
            timeout_secs: self.timeout_secs,
            user_name: self.user_name.clone(),
            ca_file: self.ca_file.clone(),
            proxy: self.proxy.clone(),
        }
    }

    pub fn tenant(&self) -> Result<TenantUrl, CiamError> {
        TenantUrl::parse(&self.domain)
            .map_err(|e| CiamError::invalid_input("domain", e.to_string()))
    }

    /// Everything checked and assembled before a byte is sent.
    pub fn to_request(&self) -> Result<(TenantUrl, ClientOptions, ExchangeRequest), CiamError> {
        let tenant = self.tenant()?;
        let access_token = normalize_token("access token", &self.access_token)?;
        let session_token = normalize_token("session token", &self.session_token)?;
        let d = &self.device;
        let device = device_fields(
            &d.os_version.value,
            &d.device_ip.value,
            &d.fingerprint.value,
            &d.agent.value,
        )?;
        let request = ExchangeRequest {
            access_token,
            session_token,
            tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
            client_id: optional_field("client_id", &self.client_id)?,
            device,
        };
        Ok((tenant, self.client_options()?, request))
    }

    /// The device fields as they will be sent.
    pub fn device_fields(&self) -> Result<crate::ciam::DeviceFields, CiamError> {
        let d = &self.device;
        device_fields(
            &d.os_version.value,
            &d.device_ip.value,
            &d.fingerprint.value,
            &d.agent.value,
        )
    }

    pub fn access_token(&self) -> Result<secrecy::SecretString, CiamError> {
        normalize_token("access token", &self.access_token)
    }

    pub fn client_id_required(&self, why: &str) -> Result<String, CiamError> {
        optional_field("client_id", &self.client_id)?
            .ok_or_else(|| CiamError::invalid_input("client_id", why))
    }

    /// Client credentials for "Get token".
    pub fn token_job(&self) -> Result<(String, secrecy::SecretString), CiamError> {
        let client_id = self.client_id_required(
            "fill in the application's client_id to get a token with its secret",
        )?;
        let secret = normalize_token("client secret", &self.client_secret)?;
        Ok((client_id, secret))
    }

    /// A test login with this window's device, for "Log in".
    pub fn login_request(&self) -> Result<crate::ciam::LoginRequest, CiamError> {
        let client_id =
            self.client_id_required("fill in the application's client_id: the login names it")?;
        let user_name = crate::ciam::input::required_field("user name", &self.user_name)?;
        // A password may contain spaces; only surrounding line breaks a paste brings are dropped.
        let password = self.password.trim_matches(['\r', '\n']);
        if password.is_empty() {
            return Err(CiamError::invalid_input("password", "it is empty"));
        }
        Ok(crate::ciam::LoginRequest {
            client_id,
            user_name,
            password: secrecy::SecretString::from(password.to_owned()),
            tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
            device: self.device_fields()?,
        })
    }

    /// Every secret in the form, for redacting what the window exports.
    pub fn redactor(&self) -> crate::secret::Redactor {
        let mut r = crate::secret::Redactor::new();
        let s = |v: &str| secrecy::SecretString::from(strip_token_decoration(v).to_owned());
        r.add("access token", &s(&self.access_token));
        r.add("session token", &s(&self.session_token));
        r.add("client secret", &s(&self.client_secret));
        r.add(
            "password",
            &secrecy::SecretString::from(self.password.clone()),
        );
        if let Some(id) = &self.id_token {
            r.add("id_token", id);
        }
        r
    }

    /// Timeouts, extra CA and proxy. Reads the CA file (a few KB, when the user starts a call).
    pub fn client_options(&self) -> Result<ClientOptions, CiamError> {
        let total = Duration::from_secs_f32(self.timeout_secs.clamp(1.0, 600.0));
        let extra_ca_pem = optional_field("CA file", &self.ca_file)?
            .map(|path| read_ca_file(std::path::Path::new(&path)))
            .transpose()?;
        Ok(ClientOptions {
            extra_ca_pem,
            proxy: optional_field("proxy", &self.proxy)?,
            ..ClientOptions::with_total_timeout(total)
        })
    }
}

/// The token as it will be sent, for showing its length: decoration stripped.
pub fn token_len(raw: &str) -> usize {
    strip_token_decoration(raw).chars().count()
}

/// Strips what a paste brings along (spaces, line breaks, quotes, `Bearer `) in place.
/// Returns whether anything was removed.
pub fn tidy_token(raw: &mut String) -> bool {
    let clean = strip_token_decoration(raw);
    if clean.len() != raw.len() {
        *raw = clean.to_owned();
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> DeviceProfile {
        DeviceProfile {
            os_version: "debian12".into(),
            os_name: "Debian GNU/Linux 12".into(),
            device_ip: "10.0.0.5".into(),
            addresses: vec!["10.0.0.5".into()],
            fingerprint: "f".repeat(32),
            fingerprint_source: FingerprintSource::MachineId,
            agent: "sso-diag/0.1.0 (debian12; x86_64)".into(),
        }
    }

    #[test]
    fn detected_values_fill_the_fields_but_not_over_the_users() {
        let mut form = Form::from_settings(&Settings {
            fingerprint: Some("from-login".into()),
            ..Settings::default()
        });
        form.device.apply_detected(profile());
        assert_eq!(form.device.os_version.value, "debian12");
        assert!(form.device.os_version.is_detected());
        assert_eq!(form.device.fingerprint.value, "from-login");
        assert!(!form.device.fingerprint.is_detected());
        assert_eq!(
            form.device.fingerprint_source(),
            Some(FingerprintSource::Override)
        );
        form.device.fingerprint.reset();
        assert_eq!(form.device.fingerprint.value, "f".repeat(32));
        assert!(form.device.fingerprint.is_detected());
    }

    #[test]
    fn settings_never_hold_tokens() {
        let mut form = Form::from_settings(&Settings::default());
        form.domain = "tenant.example.com".into();
        form.access_token = "secret-access".into();
        form.session_token = "secret-session".into();
        let saved = serde_json::to_string(&form.settings()).expect("serialise");
        assert!(saved.contains("tenant.example.com"));
        assert!(!saved.contains("secret-access") && !saved.contains("secret-session"));
    }

    #[test]
    fn a_request_needs_domain_tokens_and_device() {
        let mut form = Form::from_settings(&Settings::default());
        assert!(
            form.to_request()
                .expect_err("no domain")
                .to_string()
                .starts_with("domain:")
        );
        form.domain = "tenant.example.com".into();
        assert!(
            form.to_request()
                .expect_err("no token")
                .to_string()
                .starts_with("access token:")
        );
        form.access_token = "Bearer abc".into();
        form.session_token = "def".into();
        assert!(
            form.to_request()
                .expect_err("no device")
                .to_string()
                .starts_with("device IP:")
        );
        form.device.apply_detected(profile());
        let (tenant, _, req) = form.to_request().expect("complete");
        assert_eq!(tenant.to_string(), "https://tenant.example.com");
        assert_eq!(req.device.device_ip, "10.0.0.5");
    }

    #[test]
    fn tidy_token_strips_paste_debris() {
        let mut t = String::from("  Bearer abc.def \n");
        assert!(tidy_token(&mut t));
        assert_eq!(t, "abc.def");
        assert!(!tidy_token(&mut t));
        assert_eq!(token_len("\"xyz\""), 3);
    }
}
