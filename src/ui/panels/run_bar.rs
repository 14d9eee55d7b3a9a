//! The actions: Exchange (Ctrl+Enter), and while something runs a spinner, the time so far and
//! Cancel (Esc); then the connection check and the hand-over (report, curl).

use std::time::Instant;

use egui::{RichText, Ui};

use super::Intent;
use crate::step::Step;
use crate::tr;
use crate::ui::job::Operation;
use crate::ui::job::Running;
use crate::ui::keyboard::Action;
use crate::ui::{lang, theme};

/// Which hand-over actions have something to act on yet.
#[derive(Debug, Clone, Copy, Default)]
pub struct HandOverReady {
    /// A call went out: a report and a case can be made.
    pub report: bool,
    /// A call went out, or a watch kept an attempt: a HAR can be made.
    pub har: bool,
    /// A request was built: it can be copied as curl.
    pub curl: bool,
}

pub fn show(
    ui: &mut Ui,
    running: Option<&Running>,
    now: Instant,
    notice: Option<&str>,
    ready: HandOverReady,
    focus_exchange: bool,
) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        let (fill, ink) = theme::primary(ui);
        let text = RichText::new(Step::Exchange.short(l))
            .size(16.0)
            .strong()
            .color(ink);
        let button = egui::Button::new(text)
            .fill(fill)
            .min_size(egui::vec2(130.0, 32.0));
        let r = ui
            .add_enabled(running.is_none(), button)
            .on_hover_text(tr!(l, "ui-exchange-hover"))
            .on_disabled_hover_text(tr!(l, "ui-busy"));
        if focus_exchange {
            r.request_focus();
        }
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
            .on_hover_text(with_keys(
                ui,
                tr!(l, "ui-check-connection-hover"),
                Action::Check,
            ))
            .clicked()
        {
            intents.push(Intent::Run(Operation::Check));
        }
        let no_call = tr!(l, "ui-hand-over-no-call");
        let actions = [
            (
                tr!(l, "ui-copy-report"),
                with_keys(ui, tr!(l, "ui-copy-report-hover"), Action::CopyReport),
                ready.report,
                Intent::CopyReport,
            ),
            (
                tr!(l, "ui-save-report"),
                with_keys(ui, tr!(l, "ui-save-report-hover"), Action::SaveReport),
                ready.report,
                Intent::SaveReport,
            ),
            (
                tr!(l, "ui-save-har"),
                tr!(l, "ui-save-har-hover"),
                ready.har,
                Intent::SaveHar,
            ),
            (
                tr!(l, "ui-save-case"),
                tr!(l, "ui-save-case-hover"),
                ready.report,
                Intent::SaveCase,
            ),
            (
                tr!(l, "ui-open-case"),
                tr!(l, "ui-open-case-hover"),
                true,
                Intent::OpenCaseAsk,
            ),
            (
                tr!(l, "ui-copy-curl"),
                with_keys(ui, tr!(l, "ui-copy-curl-hover"), Action::CopyCurl),
                ready.curl,
                Intent::CopyCurl,
            ),
        ];
        for (name, hover, enabled, intent) in actions {
            let r = ui.add_enabled(enabled, egui::Button::new(name));
            let why = if enabled { &hover } else { &no_call };
            if theme::tip_above(r, why).clicked() {
                intents.push(intent);
            }
        }
    });
    if let Some(notice) = notice {
        ui.add(egui::Label::new(RichText::new(notice).italics()).wrap());
    }
    ui.add_space(6.0);
    intents
}

/// A tooltip that ends with the action's keys: `… (Ctrl+K)`.
fn with_keys(ui: &Ui, hover: String, action: Action) -> String {
    format!("{hover} ({})", action.keys(ui.ctx()))
}

/// Seconds to a tenth: Fluent prints the number (`NUMBER(…, minimumFractionDigits: 1)`).
pub fn tenths(secs: f64) -> f64 {
    (secs * 10.0).round() / 10.0
}
