//! The keyboard help (F1): every shortcut and what it does, over the window until closed (Esc,
//! F1 or Close).

use egui::{RichText, Ui};

use super::Intent;
use crate::tr;
use crate::ui::{a11y, keyboard, lang};

pub fn show(ui: &mut Ui) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let ctx = ui.ctx().clone();
    let modal = egui::Modal::new(egui::Id::unique("keys_help")).show(&ctx, |ui| {
        ui.set_max_width(520.0);
        let title = ui.heading(RichText::new(tr!(l, "keys-title")).strong());
        a11y::live(&title, egui::accesskit::Live::Polite);
        egui::Grid::new("keys_grid")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for (keys, what) in keyboard::help_lines(&ctx, l) {
                    ui.label(RichText::new(keys).monospace().strong());
                    ui.label(what);
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        let close = ui.button(tr!(l, "keys-close"));
        // The keyboard lands in the help when it opens, not behind it.
        let opened = egui::Id::unique("keys_help_opened");
        let first = ctx.data_mut(|d| d.get_temp::<bool>(opened).is_none());
        if first {
            close.request_focus();
            ctx.data_mut(|d| d.insert_temp(opened, true));
        }
        close.clicked()
    });
    if modal.inner || modal.should_close() {
        intents.push(Intent::KeysHelp);
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique("keys_help_opened")));
    }
    intents
}
