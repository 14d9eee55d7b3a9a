//! A case file on screen, read-only: where it came from and what it says of the tenant and the
//! device (escaped: a case file comes from someone else); and the row that asks which file to open.

use egui::{RichText, Ui};

use super::{Intent, form_grid, grid_label, section};
use crate::clock::rfc3339;
use crate::report::Case;
use crate::text::escape_controls;
use crate::tr;
use crate::ui::{lang, theme};

pub fn show(ui: &mut Ui, path: &std::path::Path, case: &Case) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    theme::card(ui, theme::warn(ui)).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!(l, "ui-case-title")).strong());
            ui.label(escape_controls(&path.display().to_string()));
            if ui.button(tr!(l, "ui-case-close")).clicked() {
                intents.push(Intent::CloseCase);
            }
        });
        let saved = tr!(
            l,
            "ui-case-saved",
            when = rfc3339(case.saved_at),
            version = escape_controls(&case.app_version)
        );
        ui.label(RichText::new(saved).weak());
    });
    section(ui, &tr!(l, "ui-case-setting"));
    let f = &case.fields;
    let d = &case.device;
    let none = tr!(l, "profile-unset");
    let or_none = |v: &str| {
        if v.is_empty() {
            none.clone()
        } else {
            escape_controls(v)
        }
    };
    let rows = [
        (
            tr!(l, "ui-profile"),
            or_none(case.profile.as_deref().unwrap_or_default()),
        ),
        (tr!(l, "ui-domain"), or_none(&f.domain)),
        ("X-tenant-id".to_owned(), or_none(&f.tenant_id)),
        ("client_id".to_owned(), or_none(&f.client_id)),
        (tr!(l, "ui-user-name"), or_none(&f.user_name)),
        (
            tr!(l, "ui-os-version"),
            or_none(format!("{}  {}", d.os_version, d.os_name).trim()),
        ),
        (tr!(l, "ui-device-ip"), or_none(&d.device_ip)),
        (tr!(l, "ui-fingerprint"), or_none(&d.fingerprint)),
        (tr!(l, "ui-agent"), or_none(&d.agent)),
    ];
    form_grid(ui, "case_grid", |ui| {
        for (name, value) in rows {
            let label = grid_label(ui, &name);
            ui.label(value).labelled_by(label);
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    intents
}

/// A case file being read: which, while it lasts.
pub fn reading_row(ui: &mut Ui, path: &std::path::Path) {
    let l = lang::of(ui);
    ui.horizontal_wrapped(|ui| {
        ui.spinner();
        let file = escape_controls(&path.display().to_string());
        ui.label(tr!(l, "ui-case-reading", file = file));
    });
}

/// "Open case": the file's path (or drop the file on the window), Open or Cancel.
pub fn open_row(ui: &mut Ui, path: &mut String) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!(l, "ui-case-open-path"));
        let field = ui
            .add(egui::TextEdit::singleline(path).desired_width(420.0))
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr!(l, "ui-case-open-button")).clicked() || entered {
            intents.push(Intent::OpenCase(std::path::PathBuf::from(path.trim())));
        }
        if ui.button(tr!(l, "ui-cancel")).clicked() {
            intents.push(Intent::CloseCase);
        }
    });
    ui.label(RichText::new(tr!(l, "ui-case-drop-hint")).weak().size(12.0));
    intents
}
