//! The primary action: Exchange (Ctrl+Enter), and while it runs a spinner, the time so far and Cancel (Esc).

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::ui::attempt::Running;

pub fn show(
    ui: &mut Ui,
    running: Option<&Running>,
    now: Instant,
    notice: Option<&str>,
) -> Option<Intent> {
    let mut intent = None;
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        let button = egui::Button::new(RichText::new("Exchange").size(16.0).strong())
            .min_size(egui::vec2(130.0, 32.0));
        let r = ui
            .add_enabled(running.is_none(), button)
            .on_hover_text("Exchange the session token for an SSO ticket (Ctrl+Enter)")
            .on_disabled_hover_text("An exchange is already running");
        if r.clicked() {
            intent = Some(Intent::Exchange);
        }
        match running {
            Some(run) => {
                ui.spinner();
                let secs = now.saturating_duration_since(run.started).as_secs_f32();
                ui.label(format!("Waiting for the tenant… {secs:.1} s"));
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop waiting (Esc)")
                    .clicked()
                {
                    intent = Some(Intent::Cancel);
                }
                ui.weak("Esc");
            }
            None => {
                ui.weak("Ctrl+Enter");
            }
        }
        if let Some(notice) = notice {
            ui.separator();
            ui.label(RichText::new(notice).italics());
        }
    });
    ui.add_space(6.0);
    intent
}
