//! Watch: probe again and again, with a live chart of where each attempt's time went
//! (`watch_chart`), the success rate and p50/p95/p99/max, the failures by code; a click on a bar
//! shows that attempt in the inspector.

use egui::{RichText, Ui};

use super::Intent;
use crate::clock::millis;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::watching::{WatchState, Watching};
use crate::ui::{a11y, lang, theme};
use crate::watch::{KEPT, WatchWhat};

pub fn show(ui: &mut Ui, watching: &mut Watching, busy: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let title = RichText::new(tr!(l, "ui-watch")).strong();
    let open = watching.running().then_some(true);
    let section = egui::CollapsingHeader::new(title)
        .id_salt("watch_section")
        .open(open)
        .show(ui, |ui| {
            settings(ui, watching, l);
            buttons(ui, watching, busy, l, &mut intents);
            if let Some(error) = &watching.refused {
                let advice = error.advice(l);
                let text = format!("{}: {}", advice.title, advice.cause);
                ui.colored_label(theme::error(ui), crate::text::escape_controls(&text));
            }
            if !watching.watched.is_empty() {
                summary(ui, watching, l);
                super::watch_chart::show(ui, watching, l, &mut intents);
                failures(ui, watching, l);
            }
        });
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    intents
}

fn settings(ui: &mut Ui, watching: &mut Watching, l: Lang) {
    let locked = watching.running();
    let s = &mut watching.settings;
    ui.add_enabled_ui(!locked, |ui| {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr!(l, "ui-watch-what")).id;
            egui::ComboBox::from_id_salt("watch_what")
                .selected_text(what_name(s.what, l))
                .show_ui(ui, |ui| {
                    for what in [WatchWhat::Exchange, WatchWhat::Check] {
                        ui.selectable_value(&mut s.what, what, what_name(what, l));
                    }
                })
                .response
                .labelled_by(label);
            let label = ui.label(tr!(l, "ui-watch-every")).id;
            ui.add(
                egui::DragValue::new(&mut s.interval_secs)
                    .range(0.1..=3600.0)
                    .speed(0.5)
                    .suffix(tr!(l, "ui-seconds-suffix")),
            )
            .labelled_by(label);
            let label = ui.label(tr!(l, "ui-watch-count")).id;
            let until_stop = tr!(l, "ui-watch-until-stop");
            let count = egui::DragValue::new(&mut s.count)
                .range(0..=100_000)
                // 0 is no number of attempts: it is "until Stop", and says so.
                .custom_formatter(move |n, _| {
                    if n < 0.5 {
                        until_stop.clone()
                    } else {
                        format!("{n:.0}")
                    }
                })
                .custom_parser(|text| text.trim().parse::<f64>().ok().or(Some(0.0)));
            ui.add(count)
                .labelled_by(label)
                .on_hover_text(tr!(l, "ui-watch-count-hover"));
            ui.checkbox(&mut s.reuse_connection, tr!(l, "ui-watch-reuse"))
                .on_hover_text(tr!(l, "ui-watch-reuse-hover"));
            ui.checkbox(&mut s.stop_on_failure, tr!(l, "ui-watch-stop-on-failure"));
        });
    });
}

fn what_name(what: WatchWhat, l: Lang) -> String {
    match what {
        WatchWhat::Exchange => tr!(l, "ui-watch-what-exchange"),
        WatchWhat::Check => tr!(l, "ui-watch-what-check"),
        WatchWhat::Flow => tr!(l, "ui-watch-what-flow"),
    }
}

fn buttons(ui: &mut Ui, watching: &Watching, busy: bool, l: Lang, intents: &mut Vec<Intent>) {
    ui.horizontal_wrapped(|ui| {
        match watching.state {
            WatchState::Idle | WatchState::Finished => {
                let start = ui
                    .add_enabled(!busy, egui::Button::new(tr!(l, "ui-watch-start")))
                    .on_disabled_hover_text(tr!(l, "ui-busy"));
                if start.clicked() {
                    intents.push(Intent::WatchStart);
                }
            }
            WatchState::Running => {
                if ui.button(tr!(l, "ui-watch-pause")).clicked() {
                    intents.push(Intent::WatchPause);
                }
            }
            WatchState::Paused => {
                if ui.button(tr!(l, "ui-watch-resume")).clicked() {
                    intents.push(Intent::WatchResume);
                }
            }
        }
        if watching.running() && ui.button(tr!(l, "ui-watch-stop")).clicked() {
            intents.push(Intent::WatchStop);
        }
        if !watching.watched.is_empty()
            && ui
                .button(tr!(l, "ui-watch-save-report"))
                .on_hover_text(tr!(l, "ui-watch-save-report-hover"))
                .clicked()
        {
            intents.push(Intent::SaveWatchReport);
        }
        let sent = watching.summary.attempts;
        ui.label(tr!(l, "ui-watch-sent", count = u64::from(sent)));
        if watching.settings.what == WatchWhat::Exchange {
            ui.weak(tr!(l, "watch-tickets-expire"));
        }
    });
}

fn summary(ui: &mut Ui, watching: &Watching, l: Lang) {
    let s = &watching.summary;
    let mut line = s.headline(l);
    if let Some((_, spread)) = s.phases.iter().find(|(p, _)| p.is_none()) {
        line.push_str(" · ");
        line.push_str(&tr!(
            l,
            "ui-watch-spread",
            p50 = millis(spread.p50),
            p95 = millis(spread.p95),
            p99 = millis(spread.p99),
            max = millis(spread.max)
        ));
    }
    let color = if s.ok == s.attempts {
        theme::ok(ui)
    } else {
        theme::warn(ui)
    };
    let summary = ui
        .label(RichText::new(line).strong().color(color))
        .on_hover_text(tr!(l, "ui-watch-kept", kept = KEPT as u64));
    // Said as the attempts come, without taking over: a screen reader follows the watch.
    a11y::live(&summary, egui::accesskit::Live::Polite);
}

fn failures(ui: &mut Ui, watching: &Watching, l: Lang) {
    for ((class, code), n) in &watching.summary.failures {
        let code = code.clone().unwrap_or_default();
        let class = crate::watch::class_name(class, l);
        let line = tr!(
            l,
            "watch-failures",
            class = class,
            code = code,
            count = u64::from(*n)
        );
        ui.label(RichText::new(crate::text::escape_controls(line.trim())).color(theme::error(ui)));
    }
    if !watching.summary.failures.is_empty() {
        ui.weak(tr!(l, "ui-watch-click-hint"));
    }
    if watching.summary.attempts as usize > KEPT {
        ui.weak(tr!(l, "ui-watch-kept", kept = KEPT as u64));
    }
}
