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

/// The primary action's fill and ink: the selection's colour, with the text that reads on it
/// (white on the dark theme's teal, near-black on the light theme's blue).
pub fn primary(ui: &Ui) -> (Color32, Color32) {
    let fill = ui.visuals().selection.bg_fill;
    let ink = if ui.visuals().dark_mode {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x10, 0x10, 0x10)
    };
    (fill, ink)
}

/// `text` as the widget's tooltip, shown above it (or below when there is no room above): a
/// row of buttons then keeps the next row uncovered. Also the widget's accessible description.
pub fn tip_above(response: egui::Response, text: &str) -> egui::Response {
    const ABOVE: [egui::RectAlign; 1] = [egui::RectAlign::BOTTOM_START];
    let tooltip = if response.enabled() {
        egui::Tooltip::for_enabled(&response)
    } else {
        egui::Tooltip::for_disabled(&response)
    };
    let mut tooltip = tooltip;
    tooltip.popup = tooltip
        .popup
        .align(egui::RectAlign::TOP_START)
        .align_alternatives(&ABOVE);
    tooltip.show(|ui| {
        ui.set_max_width(ui.spacing().tooltip_width);
        ui.label(text);
    });
    let ctx = response.ctx.clone();
    if ctx.has_accesskit_node(response.id) {
        ctx.accesskit_node_builder(response.id, |node| node.set_description(text));
    }
    response
}
