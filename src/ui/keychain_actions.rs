//! "Remember in keychain" and "Forget" beside the client secret and the test password: per
//! profile, through the worker (a keychain may take its time or ask for a password), and only
//! when the user asks. A profile's flags say which of its secrets are kept; the secrets themselves
//! never touch a file.

use secrecy::{ExposeSecret, SecretString};

use super::app::SsoDiagApp;
use super::worker::{KeychainDone, KeychainJob, KeychainJobKind};
use crate::store::keychain::Kept;
use crate::tr;

impl SsoDiagApp {
    /// Whether the profile in use keeps `kept` in the keychain.
    pub(super) fn remembers(&self, kept: Kept) -> bool {
        self.kept
            .profiles
            .current_profile()
            .is_some_and(|p| p.remembered.keeps(kept))
    }

    fn secret_text(&self, kept: Kept) -> &str {
        match kept {
            Kept::ClientSecret => &self.form.client_secret.text,
            Kept::Password => &self.form.password.text,
        }
    }

    /// The box was ticked: keep what the field holds.
    pub(super) fn remember_secret(&mut self, kept: Kept, announce: bool) {
        let Some(profile) = self.kept.profiles.current.clone() else {
            return;
        };
        let text = self.secret_text(kept).to_owned();
        if text.is_empty() {
            let l = self.shown_lang();
            return self.show_notice(tr!(l, "ui-keychain-empty"));
        }
        let secret = SecretString::from(text);
        crate::secret::register(kept.secret_name(), &secret);
        if let Some(worker) = &self.background.worker {
            worker.keychain(profile, kept, KeychainJob::Remember { secret, announce });
        }
    }

    pub(super) fn forget_secret(&mut self, kept: Kept) {
        if let (Some(profile), Some(worker)) =
            (self.kept.profiles.current.clone(), &self.background.worker)
        {
            worker.keychain(profile, kept, KeychainJob::Forget);
        }
    }

    /// A profile was chosen: fetch the secrets it keeps.
    pub(super) fn recall_secrets(&mut self) {
        let Some(profile) = self.kept.profiles.current.clone() else {
            return;
        };
        for kept in Kept::ALL {
            if self.remembers(kept)
                && let Some(worker) = &self.background.worker
            {
                worker.keychain(profile.clone(), kept, KeychainJob::Recall);
            }
        }
    }

    /// A call used a kept secret: the keychain keeps the value that was used.
    pub(super) fn keep_used_secret(&mut self, kept: Kept) {
        if self.remembers(kept) {
            self.remember_secret(kept, false);
        }
    }

    pub(super) fn keychain_done(&mut self, done: KeychainDone) {
        let l = self.shown_lang();
        let KeychainDone {
            profile,
            kept,
            result,
            job,
        } = done;
        let what = match kept {
            Kept::ClientSecret => tr!(l, "ui-client-secret"),
            Kept::Password => tr!(l, "ui-password"),
        };
        let flag = |app: &mut Self, on: bool| {
            if let Some(p) = app.kept.profiles.store.get_mut(&profile) {
                p.remembered.set(kept, on);
            }
            app.save_state();
        };
        let name = profile.clone();
        match (job, result) {
            (KeychainJobKind::Remember { announce }, Ok(_)) => {
                flag(self, true);
                if announce {
                    self.show_notice(tr!(
                        l,
                        "ui-keychain-remembered",
                        what = what,
                        profile = name
                    ));
                }
            }
            (KeychainJobKind::Forget, Ok(_)) => {
                flag(self, false);
                self.show_notice(tr!(l, "ui-keychain-forgotten", what = what, profile = name));
            }
            (KeychainJobKind::Recall, Ok(Some(secret))) => {
                // Only into the profile it belongs to, and never over what the user typed since.
                if self.kept.profiles.current.as_deref() == Some(profile.as_str()) {
                    crate::secret::register(kept.secret_name(), &secret);
                    let field = match kept {
                        Kept::ClientSecret => &mut self.form.client_secret,
                        Kept::Password => &mut self.form.password,
                    };
                    if field.text.is_empty() {
                        field.text = secret.expose_secret().to_owned();
                    }
                }
            }
            (KeychainJobKind::Recall, Ok(None)) => {
                flag(self, false);
                self.show_notice(tr!(l, "ui-keychain-missing", what = what, profile = name));
            }
            (_, Err(error)) => {
                self.show_notice(tr!(l, "ui-keychain-failed", what = what, error = error));
            }
        }
    }
}
