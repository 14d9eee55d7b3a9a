//! Where a kept secret lives: the OS keychain (`keychain_os.rs`), or, in the tests, memory.

/// Where secrets are kept: the OS keychain, or (tests) memory.
pub trait Backend: Send + Sync {
    fn set(&self, service: &str, account: &str, secret: &str) -> Result<(), String>;
    fn get(&self, service: &str, account: &str) -> Result<Option<String>, String>;
    /// Removing what is not there is not an error.
    fn delete(&self, service: &str, account: &str) -> Result<(), String>;
}
