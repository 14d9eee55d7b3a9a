//! A profile's client secret and test password in the OS keychain (Windows Credential Manager,
//! macOS Keychain, the Secret Service on Linux), only when the user asks for it, and never in a
//! file. One item per profile and secret: service `sso-diag`, account `PROFILE/client_secret`.
//!
//! Every call may block (a D-Bus round trip, an unlock prompt): the window makes them on its
//! worker thread.

use std::sync::{Arc, Mutex, OnceLock, RwLock};

use secrecy::{ExposeSecret, SecretString};

pub use super::keychain_os::Backend;

pub(super) const SERVICE: &str = "sso-diag";

/// Which secret of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kept {
    ClientSecret,
    Password,
}

impl Kept {
    pub const ALL: [Kept; 2] = [Kept::ClientSecret, Kept::Password];

    /// The name its redaction marker uses (`[redacted client secret]`).
    pub fn secret_name(self) -> &'static str {
        match self {
            Kept::ClientSecret => "client secret",
            Kept::Password => "password",
        }
    }

    fn account(self, profile: &str) -> String {
        let what = match self {
            Kept::ClientSecret => "client_secret",
            Kept::Password => "password",
        };
        format!("{profile}/{what}")
    }
}

static BACKEND: RwLock<Option<Arc<dyn Backend>>> = RwLock::new(None);
/// Whether the OS keychain answers, asked once per process.
static AVAILABLE: OnceLock<Result<(), String>> = OnceLock::new();
static PROBE: Mutex<()> = Mutex::new(());

/// Replaces the OS keychain for this process: the tests' in-memory store.
pub fn use_backend(backend: Arc<dyn Backend>) {
    let mut slot = match BACKEND.write() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    *slot = Some(backend);
}

fn backend() -> Result<Arc<dyn Backend>, String> {
    let given = match BACKEND.read() {
        Ok(g) => g.clone(),
        Err(p) => p.into_inner().clone(),
    };
    match given {
        Some(b) => Ok(b),
        None => {
            available()?;
            Ok(Arc::new(super::keychain_os::OsKeychain))
        }
    }
}

/// `Ok` when secrets can be kept; else why not, in the platform's words (no Secret Service on
/// this desktop, the keychain is locked…). Asked once; may block, so not on the UI thread.
pub fn available() -> Result<(), String> {
    let given = match BACKEND.read() {
        Ok(g) => g.is_some(),
        Err(p) => p.into_inner().is_some(),
    };
    if given {
        return Ok(());
    }
    let _one_at_a_time = PROBE.lock();
    AVAILABLE.get_or_init(super::keychain_os::probe).clone()
}

pub fn remember(profile: &str, kept: Kept, secret: &SecretString) -> Result<(), String> {
    backend()?.set(SERVICE, &kept.account(profile), secret.expose_secret())
}

pub fn recall(profile: &str, kept: Kept) -> Result<Option<SecretString>, String> {
    Ok(backend()?
        .get(SERVICE, &kept.account(profile))?
        .map(SecretString::from))
}

pub fn forget(profile: &str, kept: Kept) -> Result<(), String> {
    backend()?.delete(SERVICE, &kept.account(profile))
}

/// A deleted profile leaves nothing in the keychain. Best effort: no keychain, nothing kept.
pub fn forget_all(profile: &str) {
    for kept in Kept::ALL {
        if let Err(e) = forget(profile, kept) {
            tracing::debug!(error = %e, "keychain: nothing forgotten");
        }
    }
}

/// A renamed profile keeps its secrets.
pub fn rename(from: &str, to: &str) -> Result<(), String> {
    for kept in Kept::ALL {
        if let Some(secret) = recall(from, kept)? {
            remember(to, kept, &secret)?;
            forget(from, kept)?;
        }
    }
    Ok(())
}

/// Runs `job` on a thread of its own (`name`), off the window's: the keychain may take its
/// time. A failure is logged; nobody waits for it.
pub fn in_background(name: &str, job: impl FnOnce() -> Result<(), String> + Send + 'static) {
    let thread = name.to_owned();
    let spawned = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if let Err(e) = job() {
                tracing::warn!(thread, error = %e, "keychain: not done");
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(thread = name, error = %e, "keychain: could not start");
    }
}

/// The keychain of the unit and window tests: a map in memory.
#[derive(Default)]
pub struct MemoryKeychain {
    items: Mutex<std::collections::HashMap<(String, String), String>>,
}

impl MemoryKeychain {
    /// Every secret it holds, to search the data directory and the log for them.
    pub fn secrets(&self) -> Vec<String> {
        self.lock().values().cloned().collect()
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<(String, String), String>> {
        match self.items.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }
}

impl Backend for MemoryKeychain {
    fn set(&self, service: &str, account: &str, secret: &str) -> Result<(), String> {
        self.lock()
            .insert((service.to_owned(), account.to_owned()), secret.to_owned());
        Ok(())
    }

    fn get(&self, service: &str, account: &str) -> Result<Option<String>, String> {
        Ok(self
            .lock()
            .get(&(service.to_owned(), account.to_owned()))
            .cloned())
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), String> {
        self.lock()
            .remove(&(service.to_owned(), account.to_owned()));
        Ok(())
    }
}
