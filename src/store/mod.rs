//! What sso-diag keeps on this machine between runs — the window's settings and the tenant
//! profiles — in its data directory, as readable JSON files written atomically and privately.
//! A file that cannot be read is never silently replaced: the window sets it aside beside
//! itself and says so; the command line refuses to touch it.
//!
//! Never a secret: secrets the user asks to remember go to the OS keychain (`keychain.rs`).

mod json_file;
pub mod keychain;
mod keychain_backend;
mod keychain_os;
pub mod profiles;

use std::path::PathBuf;

pub use json_file::{
    FileProblem, Loaded, load_or_set_aside, parse, read, read_bounded as json_file_bytes,
    read_kind, to_bytes, write,
};
pub use profiles::{Profile, ProfileFields, ProfileStore};

/// The data directory: `$SSO_DIAG_DATA_DIR` when set (scripts, tests, a second identity); else
/// `data/` beside the executable when a file named `portable` sits there (a tool carried on a USB
/// stick leaves nothing on the machine); else the platform's (`~/.local/share/sso-diag` on Linux,
/// `%APPDATA%\sso-diag\data` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os(crate::env_vars::DATA_DIR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => portable_dir().or_else(|| eframe::storage_dir(crate::APP_ID)),
    }
}

/// The name of the file that makes a copy of sso-diag portable.
pub const PORTABLE_MARKER: &str = "portable";

/// `data/` beside the executable, when the `portable` file is there.
pub fn portable_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    dir.join(PORTABLE_MARKER)
        .is_file()
        .then(|| dir.join("data"))
}

/// Creates `dir` (private to the user) if needed; one that exists keeps its mode (a data
/// directory may be a link to a place the user chose).
pub fn ensure_dir(dir: &std::path::Path) -> std::io::Result<()> {
    crate::files::create_private_dir(dir)
}
