//! History: the calls since the window opened (time, step, status, duration); a click shows that
//! call in the inspector. Kept in memory only.

use egui::{RichText, Ui};

use super::Intent;
use crate::clock::{format_ms, local_hms};
use crate::text::escape_controls;
use crate::tr;
use crate::ui::session::Session;
use crate::ui::{lang, theme};

/// The History panel on the right.
pub fn show(ui: &mut Ui, session: &Session) -> Vec<Intent> {
    let l = lang::of(ui);
    ui.add_space(6.0);
    ui.label(RichText::new(tr!(l, "ui-history")).strong().size(15.0));
    entries(ui, session, [false, false])
}

/// The History as a fold-out at the end of the form, when the window is too narrow (or zoomed
/// too far) for a panel beside it.
pub fn fold_out(ui: &mut Ui, session: &Session) -> Vec<Intent> {
    let l = lang::of(ui);
    let count = session.history.len() as u64;
    let title = RichText::new(tr!(l, "ui-history-count", count = count)).strong();
    let section = egui::CollapsingHeader::new(title)
        .id_salt("history_fold_out")
        .default_open(false)
        .show(ui, |ui| entries(ui, session, [false, true]));
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    section.body_returned.unwrap_or_default()
}

fn entries(ui: &mut Ui, session: &Session, shrink: [bool; 2]) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let history = &session.history;
    if history.is_empty() {
        ui.weak(tr!(l, "ui-history-empty"));
        return intents;
    }
    let shown = session.selected.unwrap_or(history.len() - 1);
    egui::ScrollArea::vertical()
        .auto_shrink(shrink)
        .max_height(if shrink[1] { 240.0 } else { f32::INFINITY })
        .show(ui, |ui| {
            for (i, entry) in history.iter().enumerate().rev() {
                // On the selection's fill, green or red text would not read: the selection's
                // own ink; the status says whether it worked.
                let color = match (i == shown, entry.ok()) {
                    (true, _) => theme::primary(ui).1,
                    (false, true) => theme::ok(ui),
                    (false, false) => theme::error(ui),
                };
                let text = format!(
                    "{}  {}\n{} · {}",
                    local_hms(entry.at()),
                    entry.operation().short(l),
                    escape_controls(&entry.status(l)),
                    format_ms(entry.duration())
                );
                let r = ui
                    .selectable_label(i == shown, RichText::new(text).color(color).size(12.0))
                    .on_hover_text(escape_controls(&entry.summary(l)));
                if r.clicked() {
                    intents.push(Intent::Select(i));
                }
            }
        });
    intents
}
