//! What the window kept between runs — its settings and the profiles — read at start: a file that
//! cannot be used is set aside, with a notice. (`save_state.rs` writes them.)

use std::path::Path;

use super::form::Form;
use super::profiles::{Profiles, set_aside_notice};
use super::settings::{self, LEGACY_STORAGE_KEY, Settings};
use crate::i18n::Message;
use crate::store::{Loaded, ProfileFields};

/// The window's start, from what was kept.
pub struct Restored {
    /// The form as it was left, in the profile it was left in (or `--profile`'s).
    pub form: Form,
    pub profiles: Profiles,
    /// Files that could not be used, and what became of them.
    pub notices: Vec<Message>,
    /// `settings.json` could not be read nor moved aside: it is not written over.
    pub settings_read_only: bool,
    /// The theme and the zoom the window was left in.
    pub look: super::look::Look,
}

/// Reads what is kept in `data_dir` (nothing without one); `wanted`: `--profile NAME`.
pub fn load(
    data_dir: Option<&Path>,
    storage: Option<&dyn eframe::Storage>,
    wanted: Option<&str>,
) -> Restored {
    let mut file_notices = Vec::new();
    let mut settings_read_only = false;
    let settings = match data_dir {
        None => Settings::default(),
        Some(dir) => {
            let path = settings::path(dir);
            match crate::store::load_or_set_aside::<Settings>(
                &path,
                settings::FORMAT,
                settings::VERSION,
                Ok,
            ) {
                Loaded::Read(settings) => settings,
                // From a release that kept them in eframe's storage.
                Loaded::Missing => Settings {
                    profile: None,
                    look: super::look::Look::default(),
                    fields: storage
                        .and_then(|s| eframe::get_value::<ProfileFields>(s, LEGACY_STORAGE_KEY))
                        .unwrap_or_default(),
                },
                Loaded::SetAside { problem, backup } => {
                    file_notices.push(set_aside_notice(
                        &path,
                        problem.message(),
                        backup,
                        &mut settings_read_only,
                    ));
                    Settings::default()
                }
            }
        }
    };
    let (mut profiles, notice) = Profiles::load(data_dir.map(Path::to_owned));
    file_notices.extend(notice);
    let mut form = Form::from_fields(&settings.fields);
    if let Some(wanted) = wanted.map(str::to_owned).or(settings.profile) {
        match profiles.store.get(&wanted) {
            Some(profile) => {
                form.switch_to(&profile.fields);
                profiles.current = Some(profile.name.clone());
            }
            None => file_notices.push(crate::msg!("ui-profile-gone", name = wanted)),
        }
    }
    Restored {
        form,
        profiles,
        notices: file_notices,
        settings_read_only,
        look: settings.look,
    }
}
