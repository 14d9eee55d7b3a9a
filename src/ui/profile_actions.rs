//! Acting on the profile bar: switching profiles, making, renaming and deleting them. The store
//! is written at once, so a profile made here is there for `sso-diag --profile` right away.

use super::app::SsoDiagApp;
use super::profiles::{Finished, NameEditKind};
use crate::store::keychain;
use crate::tr;

impl SsoDiagApp {
    pub(super) fn select_profile(&mut self, name: Option<&str>) {
        self.kept.profiles.select(name, &mut self.form);
        self.follow_profile_lang();
        self.profile_changed();
        self.recall_secrets();
    }

    pub(super) fn edit_profile_name(&mut self, kind: NameEditKind) {
        let l = self.shown_lang();
        self.kept.profiles.start_edit(kind, l);
    }

    pub(super) fn finish_profile_name(&mut self) {
        let Some(finished) = self.kept.profiles.finish_edit(&mut self.form) else {
            return;
        };
        if let (Finished::Renamed { from }, Some(to)) =
            (finished, self.kept.profiles.current.clone())
        {
            keychain::in_background("keychain-rename", move || keychain::rename(&from, &to));
        }
        self.follow_profile_lang();
        self.profile_changed();
    }

    pub(super) fn delete_profile(&mut self) {
        let Some(profile) = self.kept.profiles.delete_current() else {
            return;
        };
        let name = profile.name.clone();
        keychain::in_background("keychain-forget", move || {
            keychain::forget_all(&profile.name);
            Ok(())
        });
        let l = self.shown_lang();
        self.show_notice(tr!(l, "profile-deleted", name = name));
        self.profile_changed();
    }

    /// A profile with a language of its own speaks it.
    fn follow_profile_lang(&mut self) {
        if let Some(lang) = self.form.chosen_lang {
            self.view.lang = lang;
        }
    }

    fn profile_changed(&mut self) {
        self.save_state();
    }
}
