//! The evidence: the request exactly as sent (secrets masked) and the raw response (redacted).

use egui::{RichText, Ui};

use time::OffsetDateTime;

use crate::ciam::HttpRecord;
use crate::clock::{format_ms, local_hms};
use crate::i18n::Lang;
use crate::text::{escape_controls, escape_controls_keep_lines};
use crate::tr;
use crate::ui::history::HistoryEntry;
use crate::ui::lang;
use crate::watch::Attempt;

/// What the inspector shows: a call from the history, or an attempt of the watch.
pub struct Inspected<'a> {
    title: String,
    at: OffsetDateTime,
    record: &'a HttpRecord,
}

impl<'a> Inspected<'a> {
    pub fn of_entry(entry: &'a HistoryEntry, lang: Lang) -> Option<Self> {
        Some(Self {
            title: entry.operation().title(lang),
            at: entry.at(),
            record: entry.http_record()?,
        })
    }

    pub fn of_attempt(attempt: &'a Attempt, lang: Lang) -> Option<Self> {
        let number = u64::from(attempt.number);
        Some(Self {
            title: tr!(
                lang,
                "ui-watch-attempt",
                number = number,
                outcome = attempt.outcome.words(lang)
            ),
            at: attempt.at,
            record: &attempt.calls.last()?.record,
        })
    }
}

pub fn show(ui: &mut Ui, inspected: Option<Inspected<'_>>) {
    let Some(Inspected { title, at, record }) = inspected else {
        return;
    };
    let l = lang::of(ui);
    ui.add_space(6.0);
    let section = egui::CollapsingHeader::new(RichText::new(tr!(l, "ui-inspector")).strong())
        .id_salt("inspector")
        .default_open(false)
        .show(ui, |ui| {
            let time = local_hms(at);
            ui.weak(tr!(l, "ui-inspector-at", operation = title, time = time));
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
    crate::ui::a11y::focus_ring(ui, &section.header_response);
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
