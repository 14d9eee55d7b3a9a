//! Watch: probe again and again, with a live chart of where each attempt's time went (a stacked
//! bar per attempt; failures drawn whole, in the colour of their class), the success rate and
//! p50/p95/max, the failures by code; a click on a bar shows that attempt in the inspector.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::Intent;
use crate::clock::millis;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::watching::{WatchState, Watching};
use crate::ui::{a11y, lang, theme};
use crate::watch::WatchWhat;
use crate::watch::{Attempt, Outcome, Phase, colors};

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
            if !watching.attempts.is_empty() {
                summary(ui, watching, l);
                chart(ui, watching, l, &mut intents);
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
            ui.add(egui::DragValue::new(&mut s.count).range(0..=100_000))
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
        if !watching.attempts.is_empty()
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
            max = millis(spread.max)
        ));
    }
    let color = if s.ok == s.attempts {
        theme::ok(ui)
    } else {
        theme::warn(ui)
    };
    let summary = ui.label(RichText::new(line).strong().color(color));
    // Said as the attempts come, without taking over: a screen reader follows the watch.
    a11y::live(&summary, egui::accesskit::Live::Polite);
}

fn phase_color(phase: Phase) -> Color32 {
    let [r, g, b] = colors::phase_rgb(phase);
    Color32::from_rgb(r, g, b)
}

fn failure_color(outcome: &Outcome) -> Color32 {
    let [r, g, b] = colors::failure_rgb(outcome);
    Color32::from_rgb(r, g, b)
}

fn chart(ui: &mut Ui, watching: &Watching, l: Lang, intents: &mut Vec<Intent>) {
    // At most the last 300 attempts are drawn: the summary covers them all.
    let shown: Vec<&Attempt> = watching.attempts.iter().rev().take(300).rev().collect();
    let mut stacks: Vec<BarChart> = Vec::new();
    for phase in Phase::ALL {
        let bars: Vec<Bar> = shown
            .iter()
            .filter(|a| a.outcome.ok())
            .filter_map(|a| {
                let ms = millis(a.phases.get(phase)?);
                let name = format!("#{} · {} {ms} ms", a.number, phase.name(l));
                Some(
                    Bar::new(f64::from(a.number), ms)
                        .name(name)
                        .fill(phase_color(phase)),
                )
            })
            .collect();
        let refs: Vec<&BarChart> = stacks.iter().collect();
        let chart = BarChart::new(phase.name(l), bars)
            .color(phase_color(phase))
            .width(0.7)
            .stack_on(&refs);
        stacks.push(chart);
    }
    let failed: Vec<Bar> = shown
        .iter()
        .filter(|a| !a.outcome.ok())
        .map(|a| {
            let ms = millis(a.phases.total);
            let name = format!("#{} · {} · {ms} ms", a.number, a.outcome.words(l));
            Bar::new(f64::from(a.number), ms)
                .name(name)
                .fill(failure_color(&a.outcome))
        })
        .collect();
    let failures = BarChart::new(tr!(l, "ui-watch-failed"), failed)
        .color(failure_color(&Outcome::Unexpected))
        .width(0.7);
    let response = Plot::new("watch_chart")
        .height(200.0)
        .legend(egui_plot::Legend::default())
        .y_axis_label(tr!(l, "ui-watch-ms"))
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            for chart in stacks {
                plot.bar_chart(chart);
            }
            plot.bar_chart(failures);
            plot.pointer_coordinate()
        });
    // The chart read as text: what it shows in one line.
    a11y::text_alternative(&response.response, &watching.summary.headline(l));
    if response.response.clicked()
        && let Some(point) = response.inner
    {
        let number = point.x.round();
        if number >= 1.0 && number <= f64::from(u32::MAX) {
            intents.push(Intent::SelectAttempt(number as u32));
        }
    }
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
    if watching.summary.failures.is_empty() {
        return;
    }
    ui.weak(tr!(l, "ui-watch-click-hint"));
}
