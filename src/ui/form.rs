//! What the user has typed, and turning it into a request. Pure: no egui, no I/O, so the rules
//! (what is required, what is trimmed) are tested without a window.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

pub use super::device_form::{DeviceField, DeviceForm};
use super::job::{Job, Operation, PreparedCall};
use crate::ciam::input::{
    device_fields, normalize_token, optional_field, required_field, strip_token_decoration,
};
use crate::ciam::{
    CiamError, ClientOptions, DeviceFields, ExchangeRequest, LoginRequest, RefreshRequest,
    TenantUrl, VerifyRequest,
};
use crate::device::DeviceOverrides;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::secret::Redactor;
use crate::step::{Call, FingerprintOrigin, Step};
use crate::store::ProfileFields;
use crate::ticket::Countdown;

/// A secret field: its text, and whether the user asked to see it.
#[derive(Debug, Clone, Default)]
pub struct SecretInput {
    pub text: String,
    pub reveal: bool,
}

impl SecretInput {
    pub fn clear(&mut self) {
        self.text.clear();
    }
}

pub struct Form {
    pub domain: String,
    pub tenant_id: String,
    pub client_id: String,
    pub access_token: SecretInput,
    pub session_token: SecretInput,
    pub device: DeviceForm,
    pub timeout_secs: f32,
    /// For "Get token" (client credentials).
    pub client_secret: SecretInput,
    /// For "Log in" (a test user).
    pub user_name: String,
    pub password: SecretInput,
    /// A ticket the engineer was handed, for "Redeem ticket".
    pub handed_ticket: SecretInput,
    /// When "Get token" filled the access token: how long it lives from its arrival.
    pub access_token_expiry: Option<Countdown>,
    /// The id_token of the last Get token or Log in, for its insight.
    pub id_token: Option<SecretString>,
    /// The session token a Log in (or Refresh) here filled in, and the device fingerprint it is
    /// bound to: while the field still holds that token, a refusal is weighed against it.
    pub session_issued_for: Option<(SecretString, String)>,
    pub ca_file: String,
    pub proxy: String,
    /// The language the user picked in the header, remembered; `None` follows the system.
    pub chosen_lang: Option<Lang>,
    /// The field to give the keyboard focus to on the next frame.
    pub focus: Option<super::field::Field>,
    /// Fields an operation needed and found empty: outlined until typed in.
    pub missing: Vec<super::field::Field>,
}

impl Form {
    pub fn from_fields(settings: &ProfileFields) -> Self {
        Self {
            domain: settings.domain.clone(),
            tenant_id: settings.tenant_id.clone(),
            client_id: settings.client_id.clone(),
            access_token: SecretInput::default(),
            session_token: SecretInput::default(),
            device: DeviceForm {
                profile: None,
                os_version: DeviceField::from_override(settings.os_version.clone()),
                device_ip: DeviceField::from_override(settings.device_ip.clone()),
                fingerprint: DeviceField::from_override(settings.fingerprint.clone()),
                agent: DeviceField::from_override(settings.agent.clone()),
            },
            timeout_secs: settings.timeout_secs as f32,
            client_secret: SecretInput::default(),
            user_name: settings.user_name.clone(),
            password: SecretInput::default(),
            handed_ticket: SecretInput::default(),
            access_token_expiry: None,
            id_token: None,
            session_issued_for: None,
            ca_file: settings.ca_file.clone(),
            proxy: settings.proxy.clone(),
            chosen_lang: settings.lang,
            missing: Vec::new(),
            focus: None,
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

    /// The values to remember (in a profile, or as the window was left): everything but the
    /// tokens and passwords.
    pub fn fields(&self) -> ProfileFields {
        ProfileFields {
            domain: self.domain.clone(),
            tenant_id: self.tenant_id.clone(),
            client_id: self.client_id.clone(),
            os_version: self.device.os_version.override_value(),
            device_ip: self.device.device_ip.override_value(),
            fingerprint: self.device.fingerprint.override_value(),
            agent: self.device.agent.override_value(),
            timeout_secs: f64::from(self.timeout_secs),
            user_name: self.user_name.clone(),
            ca_file: self.ca_file.clone(),
            // A proxy's user name and password live in memory only, as in a stored profile.
            proxy: crate::ciam::input::without_userinfo(&self.proxy),
            lang: self.chosen_lang,
        }
    }

    /// Another profile's values in every field they hold; the tokens, the ticket handed over and
    /// the detected device stay. Its secrets are not known yet: the fields for them are emptied.
    pub fn switch_to(&mut self, fields: &ProfileFields) {
        let mut next = Form::from_fields(fields);
        next.access_token = std::mem::take(&mut self.access_token);
        next.session_token = std::mem::take(&mut self.session_token);
        next.handed_ticket = std::mem::take(&mut self.handed_ticket);
        next.access_token_expiry = self.access_token_expiry.take();
        next.id_token = self.id_token.take();
        next.session_issued_for = self.session_issued_for.take();
        if let Some(detected) = self.device.profile.take() {
            next.device.apply_detected(detected);
        }
        next.chosen_lang = fields.lang.or(self.chosen_lang);
        *self = next;
    }

    pub fn tenant(&self) -> Result<TenantUrl, CiamError> {
        TenantUrl::parse(&self.domain).map_err(|e| CiamError::invalid_input("domain", e.message()))
    }

    /// `operation` checked and assembled once, before a byte is sent. `ticket` is the one on
    /// screen, for Redeem.
    /// `lang`: what the login asks the tenant to answer in (`X-L`).
    pub fn prepare(
        &self,
        operation: Operation,
        ticket: Option<&str>,
        lang: Lang,
    ) -> Result<PreparedCall, CiamError> {
        let tenant = self.tenant()?;
        let job = match operation {
            Operation::Check => Job::Check,
            Operation::Call(Step::AccessToken) => {
                let (client_id, secret) = self.client_credentials()?;
                Job::Call(Call::access_token(&client_id, &secret))
            }
            Operation::Call(Step::Login) => Job::Call(Call::login(&self.login_request(lang)?)),
            Operation::Call(Step::Reachability) => Job::Call(Call::reachability()),
            Operation::Call(Step::Exchange) => Job::Call(
                Call::exchange(&self.exchange_request()?).with_origin(self.session_origin()),
            ),
            Operation::Call(Step::Redeem) => {
                let ticket = ticket
                    .ok_or_else(|| CiamError::invalid_input("ticket", msg!("input-no-ticket")))?;
                let request = self.verify_request(SecretString::from(ticket.to_owned()))?;
                Job::Call(Call::redeem(&request).with_origin(self.machine_origin()))
            }
            Operation::RedeemGiven => {
                let ticket = normalize_token("ticket", &self.handed_ticket.text)?;
                let request = self.verify_request(ticket)?;
                Job::Call(Call::redeem(&request).with_origin(self.machine_origin()))
            }
            Operation::Call(Step::Refresh) => Job::Call(
                Call::refresh(&RefreshRequest {
                    access_token: self.access_token()?,
                    session_token: normalize_token("session token", &self.session_token.text)?,
                    tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
                    device: self.device_fields()?,
                })
                .with_origin(self.session_origin()),
            ),
        };
        Ok(PreparedCall {
            tenant,
            options: self.client_options()?,
            ca_file: optional_field("CA file", &self.ca_file)?.map(PathBuf::from),
            job,
        })
    }

    /// This machine's detected fingerprint, for the diagnosis of a refusal.
    fn machine_origin(&self) -> FingerprintOrigin {
        FingerprintOrigin {
            detected: self.device.fingerprint.detected.clone(),
            issued_for: None,
        }
    }

    /// What is known of the fingerprint the session token in the field is bound to: the one a
    /// Log in here sent, while the field holds the token that login filled in.
    fn session_origin(&self) -> FingerprintOrigin {
        let current = strip_token_decoration(&self.session_token.text);
        let issued_for = (self.session_issued_for.as_ref())
            .filter(|(token, _)| token.expose_secret() == current)
            .map(|(_, fingerprint)| fingerprint.clone());
        FingerprintOrigin {
            issued_for,
            ..self.machine_origin()
        }
    }

    fn verify_request(&self, sso_ticket: SecretString) -> Result<VerifyRequest, CiamError> {
        Ok(VerifyRequest {
            access_token: self.access_token()?,
            sso_ticket,
            tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
            device: self.device_fields()?,
        })
    }

    /// The exchange as it will be sent.
    pub fn exchange_request(&self) -> Result<ExchangeRequest, CiamError> {
        Ok(ExchangeRequest {
            access_token: self.access_token()?,
            session_token: normalize_token("session token", &self.session_token.text)?,
            tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
            client_id: optional_field("client_id", &self.client_id)?,
            device: self.device_fields()?,
        })
    }

    /// The device fields as they will be sent.
    pub fn device_fields(&self) -> Result<DeviceFields, CiamError> {
        let d = &self.device;
        device_fields(
            &d.os_version.value,
            &d.device_ip.value,
            &d.fingerprint.value,
            &d.agent.value,
        )
    }

    pub fn access_token(&self) -> Result<SecretString, CiamError> {
        normalize_token("access token", &self.access_token.text)
    }

    fn client_id_required(&self, why: Message) -> Result<String, CiamError> {
        optional_field("client_id", &self.client_id)?
            .ok_or_else(|| CiamError::invalid_input("client_id", why))
    }

    /// Client credentials for "Get token".
    fn client_credentials(&self) -> Result<(String, SecretString), CiamError> {
        let client_id = self.client_id_required(msg!("input-ui-client-id-for-token"))?;
        let secret = normalize_token("client secret", &self.client_secret.text)?;
        Ok((client_id, secret))
    }

    /// A test login with this window's device, for "Log in".
    fn login_request(&self, lang: Lang) -> Result<LoginRequest, CiamError> {
        let client_id = self.client_id_required(msg!("input-ui-client-id-for-login"))?;
        let user_name = required_field("user name", &self.user_name)?;
        // A password may contain spaces; only surrounding line breaks a paste brings are dropped.
        let password = self.password.text.trim_matches(['\r', '\n']);
        if password.is_empty() {
            return Err(CiamError::invalid_input("password", msg!("input-empty")));
        }
        Ok(LoginRequest {
            client_id,
            user_name,
            password: SecretString::from(password.to_owned()),
            tenant_id: optional_field("X-tenant-id", &self.tenant_id)?,
            device: self.device_fields()?,
            language: lang.tenant_tag().to_owned(),
        })
    }

    /// Remembers every secret in the form process-wide, so nothing the window exports can carry
    /// one, whether or not a call has sent it yet.
    pub fn register_secrets(&self) {
        let s = |v: &SecretInput| SecretString::from(strip_token_decoration(&v.text).to_owned());
        let mut r = Redactor::new();
        r.add("access token", &s(&self.access_token));
        r.add("session token", &s(&self.session_token));
        r.add("client secret", &s(&self.client_secret));
        r.add("password", &SecretString::from(self.password.text.clone()));
        r.add("ticket", &s(&self.handed_ticket));
        if let Some(id) = &self.id_token {
            r.add("id_token", id);
        }
    }

    /// Timeouts and proxy; the extra CA is the background's to read (`PreparedCall::ca_file`).
    pub fn client_options(&self) -> Result<ClientOptions, CiamError> {
        let total = Duration::from_secs_f32(self.timeout_secs.clamp(1.0, 600.0));
        Ok(ClientOptions {
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
    use crate::device::{DeviceProfile, FingerprintSource};

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
        let mut form = Form::from_fields(&ProfileFields {
            fingerprint: Some("from-login".into()),
            ..ProfileFields::default()
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
        let mut form = Form::from_fields(&ProfileFields::default());
        form.domain = "tenant.example.com".into();
        form.access_token.text = "secret-access".into();
        form.session_token.text = "secret-session".into();
        let saved = serde_json::to_string(&form.fields()).expect("serialise");
        assert!(saved.contains("tenant.example.com"));
        assert!(!saved.contains("secret-access") && !saved.contains("secret-session"));
    }

    #[test]
    fn a_request_needs_domain_tokens_and_device() {
        let exchange = Operation::Call(Step::Exchange);
        let problem = |form: &Form| match form.prepare(exchange, None, Lang::En) {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        let mut form = Form::from_fields(&ProfileFields::default());
        assert!(problem(&form).starts_with("domain:"));
        form.domain = "tenant.example.com".into();
        assert!(problem(&form).starts_with("access token:"));
        form.access_token.text = "Bearer abc.def.ghi".into();
        form.session_token.text = "session-token-1".into();
        assert!(problem(&form).starts_with("device IP:"));
        form.device.apply_detected(profile());
        let prepared = form.prepare(exchange, None, Lang::En).expect("complete");
        assert_eq!(prepared.tenant.to_string(), "https://tenant.example.com");
        let request = prepared.call().expect("a call").request();
        assert_eq!(request.plain_field("device_ip"), Some("10.0.0.5"));
        assert_eq!(
            form.exchange_request().expect("complete").device.device_ip,
            "10.0.0.5"
        );
    }

    #[test]
    fn a_proxy_password_is_never_remembered() {
        let mut form = Form::from_fields(&ProfileFields::default());
        form.proxy = "http://alice:s3cret-pw@proxy.example.com:8080".into();
        let saved = serde_json::to_string(&form.fields()).expect("serialise");
        assert!(!saved.contains("s3cret-pw"), "{saved}");
        assert!(
            saved.contains("\"http://proxy.example.com:8080\""),
            "{saved}"
        );
        form.proxy = "http://u:pw@[bad".into();
        assert_eq!(form.fields().proxy, "http://[bad");
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
