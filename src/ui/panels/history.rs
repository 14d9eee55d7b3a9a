//! History: the calls since the window opened (time, step, status, duration); a click shows that
//! call in the inspector. Kept in memory only.

use egui::{RichText, Ui};

use super::Intent;
use crate::clock::{format_ms, local_hms};
use crate::text::escape_controls;
use crate::tr;
use crate::ui::session::Session;
use crate::ui::{lang, theme};

pub fn show(ui: &mut Ui, session: &Session) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let history = &session.history;
    ui.add_space(6.0);
    ui.label(RichText::new(tr!(l, "ui-history")).strong().size(15.0));
    if history.is_empty() {
        ui.weak(tr!(l, "ui-history-empty"));
        return intents;
    }
    let shown = session.selected.unwrap_or(history.len() - 1);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
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
