//! What a screen reader needs beyond what egui gives each widget: a name for the window, a range
//! for a progress bar, live regions that announce a result, and a visible focus ring where egui
//! draws none (the fold-out sections' headers).

use egui::accesskit::Live;

/// The window's own node, named by its title: a screen reader announces it when it gets focus.
pub fn name_window(ctx: &egui::Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}

/// A progress bar as a screen reader reads it: named, with its range (0–100 %) and the value in
/// words (`04:37 left of 05:00`).
pub fn progress(response: &egui::Response, name: &str, percent: f64, words: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_label(name);
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value(100.0);
        node.set_numeric_value(percent.clamp(0.0, 100.0));
        node.set_value(words);
    });
}

/// Makes `response`'s node a live region: what changes in it is announced (`Assertive`
/// interrupts, for errors; `Polite` waits its turn).
pub fn live(response: &egui::Response, live: Live) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_live(live));
}

/// Draws a clear outline round `response` while it has the keyboard focus, in the theme's
/// selection colour (3:1 against the background in every theme).
pub fn focus_ring(ui: &egui::Ui, response: &egui::Response) {
    if response.has_focus() {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
        let rect = response.rect.expand(2.0);
        ui.painter()
            .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Outside);
    }
}

/// A picture's words for a screen reader: `text` names it.
pub fn text_alternative(response: &egui::Response, text: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_label(text);
    });
}
