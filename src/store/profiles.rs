//! Tenant profiles: what a support engineer would otherwise retype for each tenant (domain,
//! X-tenant-id, client_id, test user, CA file, proxy, timeout, device overrides, language). All
//! in one file, `profiles.json`, rewritten whole and atomically, so the store is never half
//! written. A profile holds no secret; whether its secrets are in the keychain is a flag.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::json_file::{self, FileProblem};
use super::keychain::Kept;
use crate::ciam::input::{optional_field, proxy_url, without_userinfo};
use crate::ciam::{CiamError, TenantUrl};
use crate::i18n::Lang;
use crate::msg;

pub const STORE_FORMAT: &str = "sso-diag.profiles";
/// One profile handed to a colleague (`sso-diag profile export`).
pub const EXPORT_FORMAT: &str = "sso-diag.profile";
pub const VERSION: u64 = 1;
pub const MAX_NAME_CHARS: usize = 64;
/// More than anyone keeps; a store beyond it is not what sso-diag wrote.
pub const MAX_PROFILES: usize = 500;
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;

/// The values a profile fills in. Empty / `None`: not set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileFields {
    pub domain: String,
    pub tenant_id: String,
    pub client_id: String,
    /// The test user for "Log in" (never the password).
    pub user_name: String,
    pub ca_file: String,
    /// `http://host:port`, never with a password.
    pub proxy: String,
    pub timeout_secs: f64,
    pub os_version: Option<String>,
    pub device_ip: Option<String>,
    pub fingerprint: Option<String>,
    pub agent: Option<String>,
    pub lang: Option<Lang>,
}

impl Default for ProfileFields {
    fn default() -> Self {
        Self {
            domain: String::new(),
            tenant_id: String::new(),
            client_id: String::new(),
            user_name: String::new(),
            ca_file: String::new(),
            proxy: String::new(),
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            os_version: None,
            device_ip: None,
            fingerprint: None,
            agent: None,
            lang: None,
        }
    }
}

/// Which of a profile's secrets the user asked to keep in the OS keychain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub client_secret: bool,
    pub password: bool,
}

impl Remembered {
    pub fn keeps(self, kept: Kept) -> bool {
        match kept {
            Kept::ClientSecret => self.client_secret,
            Kept::Password => self.password,
        }
    }

    pub fn set(&mut self, kept: Kept, on: bool) {
        match kept {
            Kept::ClientSecret => self.client_secret = on,
            Kept::Password => self.password = on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    #[serde(flatten)]
    pub fields: ProfileFields,
    /// Not exported: a colleague's keychain does not hold these secrets.
    #[serde(default, skip_serializing_if = "is_default")]
    pub remembered: Remembered,
}

fn is_default(r: &Remembered) -> bool {
    *r == Remembered::default()
}

impl Profile {
    pub fn new(name: &str, fields: ProfileFields) -> Self {
        Self {
            name: normalize_name(name),
            fields,
            remembered: Remembered::default(),
        }
    }

    /// Everything a profile may hold, checked as the calls would check it.
    pub fn check(&self) -> Result<(), CiamError> {
        check_name(&self.name)?;
        let f = &self.fields;
        if !f.domain.trim().is_empty() {
            TenantUrl::parse(&f.domain)
                .map_err(|e| CiamError::invalid_input("domain", e.message()))?;
        }
        let unset = |v: &Option<String>| v.clone().unwrap_or_default();
        optional_field("X-tenant-id", &f.tenant_id)?;
        optional_field("client_id", &f.client_id)?;
        optional_field("user name", &f.user_name)?;
        optional_field("CA file", &f.ca_file)?;
        optional_field("OS version", &unset(&f.os_version))?;
        optional_field("device fingerprint", &unset(&f.fingerprint))?;
        optional_field("agent", &unset(&f.agent))?;
        let ip = optional_field("device IP", f.device_ip.as_deref().unwrap_or_default())?;
        if let Some(ip) = ip
            && ip.parse::<std::net::IpAddr>().is_err()
        {
            return Err(CiamError::invalid_input(
                "device IP",
                msg!("input-not-an-ip", value = ip.as_str()),
            ));
        }
        if let Some(proxy) = proxy_url(&f.proxy)?
            && (!proxy.username().is_empty() || proxy.password().is_some())
        {
            return Err(CiamError::invalid_input(
                "proxy",
                msg!("profile-proxy-password"),
            ));
        }
        if !(f.timeout_secs.is_finite() && f.timeout_secs > 0.0 && f.timeout_secs <= 3600.0) {
            return Err(CiamError::invalid_input("timeout", msg!("input-timeout")));
        }
        Ok(())
    }

    /// The profile as handed to a colleague: the same fields, no keychain flags.
    pub fn exported(&self) -> Vec<u8> {
        let profile = Profile {
            remembered: Remembered::default(),
            ..self.as_stored()
        };
        json_file::to_bytes(EXPORT_FORMAT, VERSION, &profile)
    }

    /// A profile from an export, its name normalised, checked; its keychain flags dropped.
    pub fn from_export(bytes: &[u8]) -> Result<Self, CiamError> {
        let mut profile: Profile = json_file::parse(bytes, EXPORT_FORMAT, VERSION)
            .map_err(|p| CiamError::invalid_input("profile file", p.message()))?;
        profile.remembered = Remembered::default();
        profile.name = normalize_name(&profile.name);
        profile.check()?;
        Ok(profile)
    }

    /// The profile as it may be written anywhere: whatever stands before an `@` in the proxy
    /// (a user name and password) removed, whether or not the rest is a URL — a check that
    /// refuses the profile comes first, this is the last line.
    fn as_stored(&self) -> Self {
        let mut profile = self.clone();
        profile.fields.proxy = without_userinfo(&profile.fields.proxy);
        profile
    }
}

/// A profile name as it is checked and stored: surrounding whitespace removed, Unicode's too
/// (U+0085, vertical tab, form feed, no-break spaces).
pub fn normalize_name(name: &str) -> String {
    name.trim().to_owned()
}

/// Checks a name as it will be stored: one with whitespace around it is refused (normalise it
/// with [`normalize_name`] first).
pub fn check_name(name: &str) -> Result<(), CiamError> {
    let trimmed = name.trim();
    if trimmed != name {
        return Err(CiamError::invalid_input(
            "profile",
            msg!("input-field-controls"),
        ));
    }
    if trimmed.is_empty() {
        return Err(CiamError::invalid_input(
            "profile",
            msg!("profile-name-empty"),
        ));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(CiamError::invalid_input(
            "profile",
            msg!("input-field-too-long", chars = chars, max = MAX_NAME_CHARS),
        ));
    }
    optional_field("profile", trimmed).map(|_| ())
}

/// Every profile, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileStore {
    pub profiles: Vec<Profile>,
}

/// Why a profile could not be added under its name.
#[derive(Debug, Clone, PartialEq)]
pub enum AddError {
    Exists(String),
    Invalid(CiamError),
}

impl ProfileStore {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("profiles.json")
    }

    /// The store in `data_dir` (empty when there is none yet), every profile checked.
    pub fn read(data_dir: &Path) -> Result<Self, FileProblem> {
        let store: Self =
            json_file::read(&Self::path(data_dir), STORE_FORMAT, VERSION)?.unwrap_or_default();
        store.checked()
    }

    /// A store that sso-diag could have written: not too many, every profile valid, names unique.
    pub fn checked(self) -> Result<Self, FileProblem> {
        if self.profiles.len() > MAX_PROFILES {
            return Err(FileProblem::Refused(msg!(
                "file-too-many-profiles",
                count = self.profiles.len(),
                max = MAX_PROFILES
            )));
        }
        for (i, profile) in self.profiles.iter().enumerate() {
            let number = i + 1;
            if let Err(e) = profile.check() {
                let problem = match e {
                    CiamError::InvalidInput { problem, .. } => problem,
                    other => crate::i18n::Message::verbatim(other.to_string()),
                };
                return Err(FileProblem::Refused(msg!(
                    "file-bad-profile",
                    number = number,
                    problem = problem
                )));
            }
            if self.profiles[..i]
                .iter()
                .any(|p| same_name(&p.name, &profile.name))
            {
                return Err(FileProblem::Refused(msg!(
                    "file-name-twice",
                    number = number
                )));
            }
        }
        Ok(self)
    }

    pub fn write(&self, data_dir: &Path) -> std::io::Result<()> {
        let stored = Self {
            profiles: self.profiles.iter().map(Profile::as_stored).collect(),
        };
        json_file::write(&Self::path(data_dir), STORE_FORMAT, VERSION, &stored)
    }

    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| same_name(&p.name, name))
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Profile> {
        self.profiles.iter_mut().find(|p| same_name(&p.name, name))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.profiles.iter().map(|p| p.name.as_str())
    }

    /// Adds `profile` (its name normalised); one of the same name is replaced only when
    /// `replace`.
    pub fn add(&mut self, mut profile: Profile, replace: bool) -> Result<(), AddError> {
        profile.name = normalize_name(&profile.name);
        profile.check().map_err(AddError::Invalid)?;
        match self
            .profiles
            .iter()
            .position(|p| same_name(&p.name, &profile.name))
        {
            Some(_) if !replace => Err(AddError::Exists(profile.name)),
            Some(i) => {
                self.profiles[i] = profile;
                Ok(())
            }
            None => {
                self.profiles.push(profile);
                Ok(())
            }
        }
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), AddError> {
        let to = normalize_name(to);
        check_name(&to).map_err(AddError::Invalid)?;
        let to = to.as_str();
        if !same_name(from, to) && self.get(to).is_some() {
            return Err(AddError::Exists(to.to_owned()));
        }
        if let Some(profile) = self.get_mut(from) {
            profile.name = to.to_owned();
        }
        Ok(())
    }

    pub fn remove(&mut self, name: &str) -> Option<Profile> {
        let i = self
            .profiles
            .iter()
            .position(|p| same_name(&p.name, name))?;
        Some(self.profiles.remove(i))
    }

    /// A name not yet taken: `base`, else `base (2)`, `base (3)`…
    pub fn free_name(&self, base: &str) -> String {
        let base = base.trim();
        if self.get(base).is_none() {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| self.get(name).is_none())
            .unwrap_or_default()
    }
}

/// Names differ by more than case: "Acme" and "acme" would be two profiles no one tells apart.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acme() -> Profile {
        Profile::new(
            "Acme",
            ProfileFields {
                domain: "acme.example.com".into(),
                client_id: "cid".into(),
                ..ProfileFields::default()
            },
        )
    }

    #[test]
    fn names_are_unique_whatever_their_case() {
        let mut store = ProfileStore::default();
        store.add(acme(), false).expect("add");
        assert_eq!(
            store.add(Profile::new("ACME ", ProfileFields::default()), false),
            Err(AddError::Exists("ACME".into()))
        );
        assert_eq!(store.free_name("acme"), "acme (2)");
        store
            .add(Profile::new("Other", ProfileFields::default()), false)
            .expect("other");
        assert!(matches!(
            store.rename("Other", "acme"),
            Err(AddError::Exists(_))
        ));
        store.rename("Acme", "acme").expect("same name, new case");
        assert_eq!(store.names().collect::<Vec<_>>(), ["acme", "Other"]);
    }

    #[test]
    fn a_profile_refuses_what_a_call_would_refuse() {
        let with = |f: fn(&mut ProfileFields)| {
            let mut p = acme();
            f(&mut p.fields);
            p.check()
        };
        assert!(with(|_| {}).is_ok());
        assert!(with(|f| f.domain = "http://acme.example.com".into()).is_err());
        assert!(with(|f| f.proxy = "http://joe:hunter2@proxy:8080".into()).is_err());
        assert!(with(|f| f.proxy = "http://proxy:8080".into()).is_ok());
        assert!(with(|f| f.timeout_secs = f64::NAN).is_err());
        assert!(with(|f| f.device_ip = Some("not-an-ip".into())).is_err());
        assert!(with(|f| f.client_id = "a\u{202e}b".into()).is_err());
        assert!(Profile::new("", ProfileFields::default()).check().is_err());
        assert!(
            Profile::new(&"x".repeat(65), ProfileFields::default())
                .check()
                .is_err()
        );
    }

    #[test]
    fn an_export_carries_no_keychain_flag_and_reads_back() {
        let mut profile = acme();
        profile.remembered.client_secret = true;
        let bytes = profile.exported();
        let text = String::from_utf8(bytes.clone()).expect("utf8");
        assert!(!text.contains("remembered"), "{text}");
        let back = Profile::from_export(&bytes).expect("import");
        assert_eq!(
            back,
            Profile {
                remembered: Remembered::default(),
                ..profile
            }
        );
    }
}
