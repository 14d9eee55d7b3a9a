//! Writing what the window keeps between runs — its settings and the profiles — when it changed.

use super::app::SsoDiagApp;
use super::settings::{self, Settings};

impl SsoDiagApp {
    /// Writes what changed of the settings and the profiles (eframe asks on exit and every 30 s;
    /// a profile change writes at once).
    pub fn save_state(&mut self) {
        self.kept.profiles.sync(&self.form);
        if let Err(problem) = self.kept.profiles.persist() {
            let text = problem.text(self.shown_lang());
            self.show_notice(text);
        }
        let Some(dir) = &self.kept.data_dir else {
            return;
        };
        if self.kept.settings_read_only {
            return;
        }
        let settings = Settings {
            profile: self.kept.profiles.current.clone(),
            fields: self.form.fields(),
            look: self.view.look,
        };
        if self.kept.saved_settings.as_ref() == Some(&settings) {
            return;
        }
        let path = settings::path(dir);
        match crate::store::write(&path, settings::FORMAT, settings::VERSION, &settings) {
            Ok(()) => self.kept.saved_settings = Some(settings),
            Err(e) => tracing::warn!(path = %path.display(), error = %e, "settings not saved"),
        }
    }

    /// The window's data directory (`None`: nothing is kept).
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.kept.data_dir.as_deref()
    }
}
