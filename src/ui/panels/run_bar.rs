//! The actions: Exchange (Ctrl+Enter), and while something runs a spinner, the time so far and
//! Cancel (Esc); then the connection check and the hand-over (report, curl).

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::step::Step;
use crate::tr;
use crate::ui::job::Operation;
use crate::ui::job::Running;
use crate::ui::lang;

pub fn show(
    ui: &mut Ui,
    running: Option<&Running>,
    now: Instant,
    notice: Option<&str>,
) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        let text = RichText::new(Step::Exchange.short(l)).size(16.0).strong();
        let button = egui::Button::new(text).min_size(egui::vec2(130.0, 32.0));
        let r = ui
            .add_enabled(running.is_none(), button)
            .on_hover_text(tr!(l, "ui-exchange-hover"))
            .on_disabled_hover_text(tr!(l, "ui-busy"));
        if r.clicked() {
            intents.push(Intent::Run(Operation::Call(Step::Exchange)));
        }
        match running {
            Some(run) => {
                ui.spinner();
                let secs = now.saturating_duration_since(run.started).as_secs_f64();
                let seconds = tenths(secs);
                let operation = run.operation.short(l);
                ui.label(tr!(
                    l,
                    "ui-waiting",
                    operation = operation,
                    seconds = seconds
                ));
                if ui
                    .button(tr!(l, "ui-cancel"))
                    .on_hover_text(tr!(l, "ui-cancel-hover"))
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
            .add_enabled(
                running.is_none(),
                egui::Button::new(tr!(l, "ui-check-connection")),
            )
            .on_hover_text(tr!(l, "ui-check-connection-hover"))
            .clicked()
        {
            intents.push(Intent::Run(Operation::Check));
        }
        if ui
            .button(tr!(l, "ui-copy-report"))
            .on_hover_text(tr!(l, "ui-copy-report-hover"))
            .clicked()
        {
            intents.push(Intent::CopyReport);
        }
        if ui
            .button(tr!(l, "ui-save-report"))
            .on_hover_text(tr!(l, "ui-save-report-hover"))
            .clicked()
        {
            intents.push(Intent::SaveReport);
        }
        if ui
            .button(tr!(l, "ui-save-har"))
            .on_hover_text(tr!(l, "ui-save-har-hover"))
            .clicked()
        {
            intents.push(Intent::SaveHar);
        }
        if ui
            .button(tr!(l, "ui-save-case"))
            .on_hover_text(tr!(l, "ui-save-case-hover"))
            .clicked()
        {
            intents.push(Intent::SaveCase);
        }
        if ui
            .button(tr!(l, "ui-open-case"))
            .on_hover_text(tr!(l, "ui-open-case-hover"))
            .clicked()
        {
            intents.push(Intent::OpenCaseAsk);
        }
        if ui
            .button(tr!(l, "ui-copy-curl"))
            .on_hover_text(tr!(l, "ui-copy-curl-hover"))
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

/// Seconds to a tenth: Fluent prints the number (`NUMBER(…, minimumFractionDigits: 1)`).
pub fn tenths(secs: f64) -> f64 {
    (secs * 10.0).round() / 10.0
}
