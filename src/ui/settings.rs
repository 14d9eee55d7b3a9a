//! What the window remembers between runs, in `settings.json` of the data directory: the form's
//! values (never a token, never a password), the profile in use, the theme and the zoom.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::ProfileFields;

/// Where settings were kept before they had a file of their own (eframe's storage); read once,
/// when there is no `settings.json` yet.
pub const LEGACY_STORAGE_KEY: &str = "sso-diag.settings";
pub const FORMAT: &str = "sso-diag.settings";
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The profile in use; `None`: the fields below, in no profile.
    pub profile: Option<String>,
    /// The form as it was left; `lang` is the language picked in the header.
    #[serde(flatten)]
    pub fields: ProfileFields,
    /// The theme and the zoom.
    pub look: super::look::Look,
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}
