//! The OS keychain through the `keyring` crate.

use super::keychain::Backend;

pub struct OsKeychain;

pub fn probe() -> Result<(), String> {
    Err("not built".to_owned())
}

impl Backend for OsKeychain {
    fn set(&self, _: &str, _: &str, _: &str) -> Result<(), String> {
        Err("not built".to_owned())
    }
    fn get(&self, _: &str, _: &str) -> Result<Option<String>, String> {
        Err("not built".to_owned())
    }
    fn delete(&self, _: &str, _: &str) -> Result<(), String> {
        Err("not built".to_owned())
    }
}
