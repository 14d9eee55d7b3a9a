//! The header: the name, the demo marker, the theme switch.

use egui::{RichText, ThemePreference, Ui};

use crate::ui::theme;

/// `demo_url`: where the built-in mock tenant listens, in `--demo`.
pub fn show(ui: &mut Ui, demo_url: Option<String>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(RichText::new("sso-diag").strong());
        ui.label("SSO ticket diagnostics");
        if let Some(url) = demo_url {
            ui.label(RichText::new("DEMO · mock tenant").color(theme::warn(ui)))
                .on_hover_text(format!("A mock tenant runs inside this window at {url}"));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            theme_picker(ui);
        });
    });
    ui.add_space(2.0);
}

/// System / Light / Dark, as words: egui's own switch uses symbols that not every font has.
fn theme_picker(ui: &mut Ui) {
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    // Right-to-left layout: added in reverse.
    ui.selectable_value(&mut pref, ThemePreference::Dark, "Dark");
    ui.selectable_value(&mut pref, ThemePreference::Light, "Light");
    ui.selectable_value(&mut pref, ThemePreference::System, "System");
    ui.weak("Theme");
    if pref != before {
        ui.ctx().set_theme(pref);
    }
}
