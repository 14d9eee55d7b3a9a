//! The profile bar under the header: which tenant profile is in use, and New / Duplicate /
//! Rename / Delete (Delete asks once more; a name is typed in place, Enter saves, Esc cancels).

use egui::{RichText, Ui};

use super::Intent;
use crate::tr;
use crate::ui::lang;
use crate::ui::profiles::{NameEditKind, Profiles};
use crate::ui::theme;

pub fn show(ui: &mut Ui, profiles: &mut Profiles) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!(l, "ui-profile"));
        let none = tr!(l, "ui-profile-none");
        let current = profiles.current.clone();
        let shown = current.clone().unwrap_or_else(|| none.clone());
        egui::ComboBox::from_id_salt("profile-picker")
            .selected_text(shown)
            .width(200.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), none).clicked() && current.is_some() {
                    intents.push(Intent::SelectProfile(None));
                }
                for name in profiles.store.names() {
                    let chosen = current.as_deref() == Some(name);
                    if ui.selectable_label(chosen, name).clicked() && !chosen {
                        intents.push(Intent::SelectProfile(Some(name.to_owned())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if profiles.editing.is_some() {
            name_editor(ui, profiles, &mut intents);
            return;
        }
        if ui
            .button(tr!(l, "ui-profile-new"))
            .on_hover_text(tr!(l, "ui-profile-new-hover"))
            .clicked()
        {
            intents.push(Intent::ProfileEdit(NameEditKind::New));
        }
        let (duplicate, hover) = match current {
            Some(_) => (
                tr!(l, "ui-profile-duplicate"),
                tr!(l, "ui-profile-duplicate-hover"),
            ),
            None => (
                tr!(l, "ui-profile-save-as"),
                tr!(l, "ui-profile-save-as-hover"),
            ),
        };
        if ui.button(duplicate).on_hover_text(hover).clicked() {
            intents.push(Intent::ProfileEdit(NameEditKind::Duplicate));
        }
        let Some(current) = current else {
            return;
        };
        if ui.button(tr!(l, "ui-profile-rename")).clicked() {
            intents.push(Intent::ProfileEdit(NameEditKind::Rename));
        }
        if profiles.confirm_delete {
            ui.label(
                RichText::new(tr!(l, "ui-profile-delete-confirm", name = current.as_str()))
                    .color(theme::warn(ui)),
            );
            if ui.button(tr!(l, "ui-profile-delete-yes")).clicked() {
                intents.push(Intent::ProfileDelete);
            }
            if ui.button(tr!(l, "ui-cancel")).clicked() {
                profiles.confirm_delete = false;
            }
        } else if ui
            .button(tr!(l, "ui-profile-delete"))
            .on_hover_text(tr!(l, "ui-profile-delete-hover"))
            .clicked()
        {
            profiles.confirm_delete = true;
        }
    });
    intents
}

fn name_editor(ui: &mut Ui, profiles: &mut Profiles, intents: &mut Vec<Intent>) {
    let l = lang::of(ui);
    let Some(edit) = profiles.editing.as_mut() else {
        return;
    };
    let title = match edit.kind {
        NameEditKind::New => tr!(l, "ui-profile-new-title"),
        NameEditKind::Duplicate => tr!(l, "ui-profile-duplicate-title"),
        NameEditKind::Rename => tr!(l, "ui-profile-rename-title"),
    };
    let label = ui.label(title);
    let field = ui
        .add(egui::TextEdit::singleline(&mut edit.name).desired_width(180.0))
        .labelled_by(label.id);
    if std::mem::take(&mut edit.focus) {
        field.request_focus();
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if ui.button(tr!(l, "ui-profile-save")).clicked() || entered {
        intents.push(Intent::ProfileEditDone);
    }
    if ui.button(tr!(l, "ui-cancel")).clicked() || escaped {
        profiles.editing = None;
        return;
    }
    if let Some(problem) = &edit.problem {
        ui.label(RichText::new(problem.text(l)).color(theme::error(ui)));
    }
}
