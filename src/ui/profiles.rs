//! The window's tenant profiles, as a model without egui: the store, the profile in use, and
//! New / Duplicate / Rename / Delete. The form's values go into the profile in use, so a profile
//! is always what the user last saw in it; the store file is rewritten when a profile is made,
//! renamed, deleted or left, and when the window saves its state.

use std::path::PathBuf;

use super::form::Form;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::store::profiles::AddError;
use crate::store::{Loaded, Profile, ProfileFields, ProfileStore};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameEditKind {
    /// A profile with empty fields.
    New,
    /// The form's values under a new name (with no profile in use: "Save as profile").
    Duplicate,
    Rename,
}

/// What a finished name edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    /// A new or duplicated profile, now in use.
    Made,
    /// The profile in use, renamed: its keychain items are still under `from`.
    Renamed { from: String },
}

/// The name being typed for New / Duplicate / Rename.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEdit {
    pub kind: NameEditKind,
    pub name: String,
    pub problem: Option<Message>,
    /// The field takes the keyboard when it opens.
    pub focus: bool,
}

#[derive(Default)]
pub struct Profiles {
    pub store: ProfileStore,
    pub current: Option<String>,
    /// `None`: nothing is written (the demo, the tests).
    data_dir: Option<PathBuf>,
    /// The file could not be read nor moved aside: writing would destroy it.
    read_only: bool,
    written: ProfileStore,
    pub editing: Option<NameEdit>,
    /// Delete was clicked once; a second click confirms.
    pub confirm_delete: bool,
}

impl Profiles {
    /// The profiles in `data_dir`; a file that cannot be used is set aside, with a notice.
    pub fn load(data_dir: Option<PathBuf>) -> (Self, Option<Message>) {
        let Some(dir) = data_dir else {
            return (Self::default(), None);
        };
        let path = ProfileStore::path(&dir);
        // Valid JSON with an invalid profile in it is set aside like any damage.
        let loaded = crate::store::load_or_set_aside(
            &path,
            crate::store::profiles::STORE_FORMAT,
            crate::store::profiles::VERSION,
            ProfileStore::checked,
        );
        let mut profiles = Self {
            data_dir: Some(dir),
            ..Self::default()
        };
        let notice = match loaded {
            Loaded::Missing => None,
            Loaded::Read(store) => {
                profiles.written = store.clone();
                profiles.store = store;
                None
            }
            Loaded::SetAside { problem, backup } => Some(set_aside_notice(
                &path,
                problem.message(),
                backup,
                &mut profiles.read_only,
            )),
        };
        (profiles, notice)
    }

    pub fn current_profile(&self) -> Option<&Profile> {
        self.current.as_deref().and_then(|n| self.store.get(n))
    }

    /// The form's values go into the profile in use.
    pub fn sync(&mut self, form: &Form) {
        if let Some(name) = self.current.clone()
            && let Some(profile) = self.store.get_mut(&name)
        {
            profile.fields = form.fields();
        }
    }

    /// Uses profile `name` (or none): the form takes its values; the one left keeps the form's.
    pub fn select(&mut self, name: Option<&str>, form: &mut Form) {
        self.sync(form);
        self.confirm_delete = false;
        self.editing = None;
        match name.and_then(|n| self.store.get(n)) {
            Some(profile) => {
                form.switch_to(&profile.fields);
                self.current = Some(profile.name.clone());
            }
            None => self.current = None,
        }
    }

    pub fn start_edit(&mut self, kind: NameEditKind, lang: Lang) {
        let name = match (kind, &self.current) {
            (NameEditKind::Rename, Some(current)) => current.clone(),
            (NameEditKind::Duplicate, Some(current)) => self.store.free_name(current),
            _ => self
                .store
                .free_name(&crate::tr!(lang, "ui-profile-new-name")),
        };
        self.confirm_delete = false;
        self.editing = Some(NameEdit {
            kind,
            name,
            problem: None,
            focus: true,
        });
    }

    /// Finishes New / Duplicate / Rename with the name typed: what it did, or `None` (and the
    /// problem shown) when the name cannot be used.
    pub fn finish_edit(&mut self, form: &mut Form) -> Option<Finished> {
        let edit = self.editing.clone()?;
        self.sync(form);
        let name = edit.name.trim().to_owned();
        let renamed_from = match edit.kind {
            NameEditKind::Rename => self.current.clone(),
            _ => None,
        };
        let result = match edit.kind {
            NameEditKind::Rename => match &renamed_from {
                Some(from) => self.store.rename(from, &name),
                None => Ok(()),
            },
            NameEditKind::New | NameEditKind::Duplicate => {
                let fields = match edit.kind {
                    NameEditKind::New => ProfileFields {
                        lang: form.chosen_lang,
                        ..ProfileFields::default()
                    },
                    _ => form.fields(),
                };
                self.store.add(Profile::new(&name, fields), false)
            }
        };
        match result {
            Ok(()) => {
                self.editing = None;
                if edit.kind == NameEditKind::New
                    && let Some(p) = self.store.get(&name)
                {
                    form.switch_to(&p.fields);
                }
                self.current = Some(name);
                Some(match renamed_from {
                    Some(from) => Finished::Renamed { from },
                    None => Finished::Made,
                })
            }
            Err(e) => {
                let problem = match e {
                    AddError::Exists(name) => msg!("ui-profile-exists", name = name.as_str()),
                    AddError::Invalid(crate::ciam::CiamError::InvalidInput { problem, .. }) => {
                        msg!("ui-profile-invalid", problem = problem)
                    }
                    AddError::Invalid(e) => {
                        msg!(
                            "ui-profile-invalid",
                            problem = Message::verbatim(e.to_string())
                        )
                    }
                };
                if let Some(edit) = &mut self.editing {
                    edit.problem = Some(problem);
                }
                None
            }
        }
    }

    /// Deletes the profile in use; the form keeps its values, in no profile.
    pub fn delete_current(&mut self) -> Option<Profile> {
        self.confirm_delete = false;
        let name = self.current.take()?;
        self.store.remove(&name)
    }

    /// Writes the store if it changed. The problem, if it could not be written.
    pub fn persist(&mut self) -> Result<(), Message> {
        let Some(dir) = &self.data_dir else {
            return Ok(());
        };
        if self.read_only || self.store == self.written {
            return Ok(());
        }
        match self.store.write(dir) {
            Ok(()) => {
                self.written = self.store.clone();
                Ok(())
            }
            Err(e) => {
                let path = ProfileStore::path(dir).display().to_string();
                Err(msg!(
                    "input-cannot-write",
                    path = path,
                    error = e.to_string()
                ))
            }
        }
    }
}

/// The notice for a file that could not be used: where its bytes went, or that it was left
/// alone (and will not be written over).
pub fn set_aside_notice(
    path: &std::path::Path,
    problem: Message,
    backup: Result<PathBuf, String>,
    read_only: &mut bool,
) -> Message {
    let file = path.display().to_string();
    match backup {
        Ok(backup) => msg!(
            "ui-file-set-aside",
            file = file,
            problem = problem,
            backup = backup.display().to_string()
        ),
        Err(error) => {
            *read_only = true;
            msg!(
                "ui-file-left-alone",
                file = file,
                problem = problem,
                error = error
            )
        }
    }
}
