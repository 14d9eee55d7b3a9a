//! The OS keychain through keyring-core and the store of this platform: the Secret Service on
//! Linux, Credential Manager on Windows, the Keychain on macOS.
//!
//! Opening the Secret Service can block (D-Bus starting a keyring daemon waits up to two minutes;
//! an unlock prompt on a display waits for an answer): the probe gives up after a few seconds and
//! reports the keychain unavailable, so nothing ever waits on it again in this process.

use std::sync::{Arc, OnceLock, mpsc};
use std::time::Duration;

use keyring_core::{CredentialStore, Entry, Error};

/// Where secrets are kept: the OS keychain, or (tests) memory. Defined beside the OS's, so the
/// keychain's front (`keychain.rs`) uses this file and not the other way round.
pub trait Backend: Send + Sync {
    fn set(&self, service: &str, account: &str, secret: &str) -> Result<(), String>;
    fn get(&self, service: &str, account: &str) -> Result<Option<String>, String>;
    /// Removing what is not there is not an error.
    fn delete(&self, service: &str, account: &str) -> Result<(), String>;
}

const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

static STORE: OnceLock<Arc<CredentialStore>> = OnceLock::new();

pub struct OsKeychain;

fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    #[cfg(all(
        unix,
        not(any(target_os = "macos", target_os = "ios", target_os = "android"))
    ))]
    let store: Arc<CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
    #[cfg(windows)]
    let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
    #[cfg(target_os = "macos")]
    let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    #[cfg(not(any(unix, windows)))]
    let store: Arc<CredentialStore> =
        return Err(Error::NotSupportedByStore("this platform".into()));
    Ok(store)
}

/// Opens the keychain (a D-Bus session with the Secret Service on Linux), reading nothing: a
/// locked keyring asks for its password only when a secret is read or written, never at start.
pub fn probe() -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("keychain-probe".into())
        .spawn(move || {
            let _ = tx.send(open());
        })
        .map_err(|e| e.to_string())?;
    match rx.recv_timeout(PROBE_TIMEOUT) {
        Ok(Ok(store)) => {
            let _ = STORE.set(store);
            Ok(())
        }
        Ok(Err(e)) => Err(describe(&e)),
        Err(_) => Err(format!(
            "the keychain did not answer within {} s",
            PROBE_TIMEOUT.as_secs()
        )),
    }
}

/// The platform's words, as evidence.
fn describe(error: &Error) -> String {
    match error {
        Error::NoStorageAccess(e) => format!("locked, or no default keyring ({e})"),
        Error::PlatformFailure(e) => e.to_string(),
        other => other.to_string(),
    }
}

fn entry(service: &str, account: &str) -> Result<Entry, String> {
    let store = STORE.get().ok_or_else(|| "no keychain".to_owned())?;
    Entry::new_in_store(store, service, account).map_err(|e| describe(&e))
}

impl Backend for OsKeychain {
    fn set(&self, service: &str, account: &str, secret: &str) -> Result<(), String> {
        entry(service, account)?
            .set_password(secret)
            .map_err(|e| describe(&e))
    }

    fn get(&self, service: &str, account: &str) -> Result<Option<String>, String> {
        match entry(service, account)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(Error::NoEntry) => Ok(None),
            Err(e) => Err(describe(&e)),
        }
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), String> {
        match entry(service, account)?.delete_credential() {
            Ok(()) | Err(Error::NoEntry) => Ok(()),
            Err(e) => Err(describe(&e)),
        }
    }
}
