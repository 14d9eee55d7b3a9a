//! Colours with a meaning, readable in both the dark and the light theme.

use egui::{Color32, Ui};

pub fn ok(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0x6c, 0xd0, 0x7a)
    } else {
        Color32::from_rgb(0x1a, 0x7f, 0x37)
    }
}

/// Amber: the ticket's last minute.
pub fn warn(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0xf0, 0xb0, 0x30)
    } else {
        Color32::from_rgb(0xa8, 0x62, 0x00)
    }
}

pub fn error(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0xff, 0x70, 0x70)
    } else {
        Color32::from_rgb(0xc0, 0x1c, 0x1c)
    }
}

/// A card around a result: a faint fill of the result's colour.
pub fn card(ui: &Ui, accent: Color32) -> egui::Frame {
    egui::Frame::group(ui.style())
        .fill(accent.gamma_multiply(0.08))
        .stroke(egui::Stroke::new(1.0, accent.gamma_multiply(0.6)))
        .inner_margin(egui::Margin::same(12))
}
