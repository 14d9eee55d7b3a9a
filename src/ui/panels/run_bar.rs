//! The actions: Exchange (Ctrl+Enter), and while something runs a spinner, the time so far and
//! Cancel (Esc); then the connection check and the hand-over (report, curl).

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::step::Step;
use crate::ui::history::Running;
use crate::ui::job::Operation;

pub fn show(
    ui: &mut Ui,
    running: Option<&Running>,
    now: Instant,
    notice: Option<&str>,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        let button = egui::Button::new(RichText::new("Exchange").size(16.0).strong())
            .min_size(egui::vec2(130.0, 32.0));
        let r = ui
            .add_enabled(running.is_none(), button)
            .on_hover_text("Exchange the session token for an SSO ticket (Ctrl+Enter)")
            .on_disabled_hover_text("Something is already running");
        if r.clicked() {
            intents.push(Intent::Run(Operation::Call(Step::Exchange)));
        }
        match running {
            Some(run) => {
                ui.spinner();
                let secs = now.saturating_duration_since(run.started).as_secs_f32();
                ui.label(format!(
                    "{}: waiting for the tenant… {secs:.1} s",
                    run.operation.short()
                ));
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop waiting (Esc)")
                    .clicked()
                {
                    intents.push(Intent::Cancel);
                }
                ui.weak("Esc");
            }
            None => {
                ui.weak("Ctrl+Enter");
            }
        }
        ui.separator();
        if ui
            .add_enabled(running.is_none(), egui::Button::new("Check connection"))
            .on_hover_text("DNS, TCP, TLS, HTTP and the clock, step by step; sends no token")
            .clicked()
        {
            intents.push(Intent::Run(Operation::Check));
        }
        if ui
            .button("Copy report")
            .on_hover_text("A Markdown report of the last calls, secrets redacted")
            .clicked()
        {
            intents.push(Intent::CopyReport);
        }
        if ui
            .button("Save report")
            .on_hover_text("Save that report as a file in Downloads")
            .clicked()
        {
            intents.push(Intent::SaveReport);
        }
        if ui
            .button("Copy as curl")
            .on_hover_text(
                "The inspected request as a curl command; tokens as $SSO_DIAG_… variables",
            )
            .clicked()
        {
            intents.push(Intent::CopyCurl);
        }
    });
    if let Some(notice) = notice {
        ui.label(RichText::new(notice).italics());
    }
    ui.add_space(6.0);
    intents
}
