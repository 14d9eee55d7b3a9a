//! The watch's chart: a bar per kept attempt (stacked phase by phase; a failure whole in its
//! class's colour, never too short to see), the total's p50/p95/p99 as lines, a time axis that
//! turns logarithmic by itself when one attempt took over 100 times the median (or as the user
//! chose), both axes named in words that read horizontally (a rotated 毫秒 does not), and a legend
//! below the plot, never over the bars, always in the same order with every phase and class.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, HLine, LineStyle, Plot};

use super::Intent;
use crate::clock::millis;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::a11y;
use crate::ui::watching::Watching;
use crate::watch::chart::{Scale, segments, wants_log};
use crate::watch::colors::{FAILURE_CLASSES, class_rgb, phase_rgb};
use crate::watch::{Attempt, Phase, class_name};

fn color([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The p50, p95 and p99 lines: darker for the rarer.
const MARK_GREYS: [u8; 3] = [0xa0, 0x78, 0x50];

pub fn show(ui: &mut Ui, watching: &mut Watching, l: Lang, intents: &mut Vec<Intent>) {
    let shown: Vec<&Attempt> = watching.watched.recent().collect();
    let automatic = wants_log(&shown);
    let log = watching.log_scale.unwrap_or(automatic);
    ui.horizontal(|ui| {
        ui.weak(tr!(l, "ui-watch-axis-time"));
        let mut chosen = log;
        let toggle = ui
            .checkbox(&mut chosen, tr!(l, "ui-watch-log-scale"))
            .on_hover_text(tr!(l, "ui-watch-log-scale-hover"));
        if toggle.changed() {
            // Back to choosing by itself when the user picks what it would have picked.
            watching.log_scale = (chosen != automatic).then_some(chosen);
        }
    });
    let scale = Scale::new(&shown, log);
    let mut charts: Vec<BarChart> = Vec::new();
    let mut by_phase: [Vec<Bar>; 5] = Default::default();
    let mut by_class: [Vec<Bar>; 5] = Default::default();
    for attempt in &shown {
        let x = f64::from(attempt.number);
        for segment in segments(attempt, &scale) {
            let bar = Bar::new(x, segment.top - segment.base)
                .base_offset(segment.base)
                .fill(color(segment.rgb));
            match segment.phase {
                Some(phase) => {
                    let ms = attempt.phases.get(phase).map(millis).unwrap_or_default();
                    let name = format!("#{} · {} {ms} ms", attempt.number, phase.name(l));
                    let i = Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0);
                    by_phase[i].push(bar.name(name));
                }
                None => {
                    let ms = millis(attempt.phases.total);
                    let name = format!(
                        "#{} · {} · {ms} ms",
                        attempt.number,
                        attempt.outcome.words(l)
                    );
                    let class = attempt.outcome.class();
                    let i = FAILURE_CLASSES
                        .iter()
                        .position(|c| *c == class)
                        .unwrap_or(4);
                    by_class[i].push(bar.name(name));
                }
            }
        }
    }
    for (phase, bars) in Phase::ALL.iter().zip(by_phase) {
        charts.push(BarChart::new(phase.name(l), bars).width(0.7));
    }
    for (class, bars) in FAILURE_CLASSES.iter().zip(by_class) {
        charts.push(BarChart::new(class_name(class, l), bars).width(0.7));
    }
    let total = (watching.summary.phases.iter())
        .find(|(p, _)| p.is_none())
        .map(|(_, s)| *s);
    let marks: Vec<(String, f64, u8)> = total
        .map(|s| {
            let values = [s.p50, s.p95, s.p99];
            (mark_names(l).into_iter().zip(values).zip(MARK_GREYS))
                .map(|((name, d), grey)| (name, scale.y(millis(d)), grey))
                .collect()
        })
        .unwrap_or_default();
    let axis = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        if mark.value < 0.0 || (scale.log && mark.value.fract().abs() > 1e-9) {
            return String::new();
        }
        let ms = scale.ms(mark.value);
        if ms >= 1.0 {
            format!("{ms:.0}")
        } else {
            format!("{ms}")
        }
    };
    let mut plot = Plot::new("watch_chart")
        .height(200.0)
        .x_axis_label(tr!(l, "ui-watch-axis-attempt"))
        .y_axis_formatter(axis)
        .include_y(0.0)
        .allow_scroll(false);
    if log {
        plot = plot.y_grid_spacer(egui_plot::log_grid_spacer(10));
    }
    let response = plot.show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
        for (name, y, grey) in marks {
            let line = HLine::new(name, y)
                .color(Color32::from_gray(grey))
                .style(LineStyle::dashed_loose());
            plot.hline(line);
        }
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
    legend(ui, l);
}

/// Every phase, then every failure class, then the lines: the same order every time, below the
/// plot.
fn legend(ui: &mut Ui, l: Lang) {
    ui.horizontal_wrapped(|ui| {
        // Each swatch with its name, never split across two lines.
        let swatch = |ui: &mut Ui, rgb: [u8; 3], name: String| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("■").color(color(rgb)));
                ui.weak(name);
            });
            ui.add_space(6.0);
        };
        for phase in Phase::ALL {
            swatch(ui, phase_rgb(phase), phase.name(l));
        }
        ui.separator();
        for class in FAILURE_CLASSES {
            swatch(ui, class_rgb(class), class_name(class, l));
        }
        ui.separator();
        for (name, grey) in mark_names(l).into_iter().zip(MARK_GREYS) {
            ui.horizontal(|ui| {
                ui.label(RichText::new("- -").color(Color32::from_gray(grey)));
                ui.weak(name);
            });
        }
    });
}

fn mark_names(l: Lang) -> [String; 3] {
    [
        tr!(l, "ui-watch-line-p50"),
        tr!(l, "ui-watch-line-p95"),
        tr!(l, "ui-watch-line-p99"),
    ]
}
