//! The evidence: the request exactly as sent (secrets masked) and the raw response (redacted).

use egui::{RichText, Ui};

use crate::clock::{format_ms, local_hms};
use crate::text::{escape_controls, escape_controls_keep_lines};
use crate::tr;
use crate::ui::history::HistoryEntry;
use crate::ui::lang;

pub fn show(ui: &mut Ui, entry: Option<&HistoryEntry>) {
    let Some((entry, record)) = entry.and_then(|e| e.http_record().map(|r| (e, r))) else {
        return;
    };
    let l = lang::of(ui);
    ui.add_space(6.0);
    egui::CollapsingHeader::new(RichText::new(tr!(l, "ui-inspector")).strong())
        .id_salt("inspector")
        .default_open(false)
        .show(ui, |ui| {
            let (operation, time) = (entry.operation().title(l), local_hms(entry.at()));
            ui.weak(tr!(
                l,
                "ui-inspector-at",
                operation = operation,
                time = time
            ));
            let r = &record.request;
            ui.label(RichText::new(tr!(l, "ui-request")).strong());
            mono(ui, &format!("{} {}", r.method, r.url));
            headers(ui, "request_headers", &r.headers);
            if !r.body.is_empty() {
                mono(ui, &r.body);
            }
            ui.add_space(8.0);
            ui.label(RichText::new(tr!(l, "ui-response")).strong());
            match &record.response {
                Some(resp) => {
                    mono(
                        ui,
                        &format!("HTTP {} · {}", resp.status, format_ms(record.elapsed)),
                    );
                    headers(ui, "response_headers", &resp.headers);
                    if resp.body.is_empty() {
                        ui.weak(tr!(l, "ui-empty-body"));
                    } else {
                        mono(ui, &resp.body);
                    }
                }
                None => {
                    let took = format_ms(record.elapsed);
                    ui.weak(tr!(l, "ui-no-response", took = took));
                }
            }
        });
}

fn mono(ui: &mut Ui, text: &str) {
    ui.add(
        egui::Label::new(RichText::new(escape_controls_keep_lines(text)).monospace())
            .selectable(true)
            .wrap(),
    );
}

fn headers(ui: &mut Ui, id: &str, headers: &[(String, String)]) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (name, value) in headers {
                ui.label(RichText::new(format!("{name}:")).monospace().weak());
                let value = escape_controls(value);
                ui.add(egui::Label::new(RichText::new(value).monospace()).selectable(true));
                ui.end_row();
            }
        });
}
