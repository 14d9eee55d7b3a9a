//! The header: the name, the demo marker, the language and theme switches, and — when Chinese is
//! chosen but this machine has no font for it — what to install.

use egui::{RichText, Ui};

use super::Intent;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::look::ThemeChoice;
use crate::ui::{lang, theme};

/// `demo_url`: where the built-in mock tenant listens, in `--demo`. `chosen`: the language the
/// user picked (drawn in English while no font can draw it). `can_draw_chinese`: known to be
/// drawable, so the switch can name Chinese in Chinese.
pub fn show(
    ui: &mut Ui,
    demo_url: Option<String>,
    chosen: Lang,
    can_draw_chinese: bool,
    theme_chosen: ThemeChoice,
) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new("sso-diag").strong());
        ui.label(tr!(l, "ui-app-subtitle"));
        if let Some(url) = demo_url {
            ui.label(RichText::new(tr!(l, "ui-demo")).color(theme::warn(ui)))
                .on_hover_text(tr!(l, "ui-demo-hover", url = url));
        }
        // Right-aligned when they fit on the line (their width is last frame's), else on lines of
        // their own, wrapped; always laid out left to right, so Tab and a screen reader meet the
        // switches in the order they are read.
        let width_id = egui::Id::unique("header_switches_width");
        let width = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(width_id))
            .unwrap_or(420.0);
        // A margin for what last frame's sum does not see (a separator's own spacing).
        let width = width + 12.0;
        // What is left of this row (a wrapping row's `available_width` is the whole row).
        let left = ui.available_size_before_wrap().x;
        if left >= width {
            ui.add_space(left - width);
        } else {
            ui.end_row();
        }
        let mut widths = Vec::new();
        for option in Lang::ALL {
            let name = match option {
                Lang::ZhCn if !can_draw_chinese => tr!(Lang::En, "ui-chinese-without-font"),
                _ => option.own_name().to_owned(),
            };
            let r = ui
                .selectable_label(chosen == option, name)
                .on_hover_text(tr!(l, "ui-lang-hover"));
            widths.push(r.rect.width());
            if r.clicked() && chosen != option {
                intents.push(Intent::SetLang(option));
            }
        }
        widths.push(ui.separator().rect.width());
        intents.extend(theme_picker(ui, theme_chosen, &mut widths));
        let keys = ui
            .button(tr!(l, "ui-keys"))
            .on_hover_text(tr!(l, "ui-keys-hover"));
        widths.push(keys.rect.width());
        if keys.clicked() {
            intents.push(Intent::KeysHelp);
        }
        let spacing = ui.spacing().item_spacing.x;
        let used = widths.iter().sum::<f32>() + spacing * widths.len().saturating_sub(1) as f32;
        ui.ctx().data_mut(|d| d.insert_temp(width_id, used));
    });
    if chosen != l {
        // Said in English on purpose: this is exactly when Chinese cannot be drawn.
        let notice = tr!(Lang::En, "font-missing");
        ui.add(egui::Label::new(RichText::new(notice).color(theme::warn(ui))).wrap());
    }
    ui.add_space(2.0);
    intents
}

/// System / Light / Dark / High contrast, as words: egui's own switch uses symbols that not every
/// font has.
/// `widths`: each widget's width is added, to know the whole row's.
fn theme_picker(ui: &mut Ui, chosen: ThemeChoice, widths: &mut Vec<f32>) -> Option<Intent> {
    let l = lang::of(ui);
    widths.push(ui.weak(tr!(l, "ui-theme")).rect.width());
    let mut picked = None;
    for choice in ThemeChoice::ALL {
        let name = match choice {
            ThemeChoice::System => tr!(l, "ui-theme-system"),
            ThemeChoice::Light => tr!(l, "ui-theme-light"),
            ThemeChoice::Dark => tr!(l, "ui-theme-dark"),
            ThemeChoice::HighContrast => tr!(l, "ui-theme-high-contrast"),
        };
        let r = ui.selectable_label(chosen == choice, name);
        widths.push(r.rect.width());
        if r.clicked() && chosen != choice {
            picked = Some(Intent::SetTheme(choice));
        }
    }
    picked
}

/// A settings or profiles file that could not be used, and where its bytes went; until closed.
pub fn file_notices(ui: &mut Ui, notices: &[crate::i18n::Message]) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    if notices.is_empty() {
        return intents;
    }
    theme::card(ui, theme::warn(ui)).show(ui, |ui| {
        for notice in notices {
            ui.add(egui::Label::new(notice.text(l)).wrap());
        }
        if ui.button(tr!(l, "ui-file-notice-close")).clicked() {
            intents.push(Intent::DismissFileNotice);
        }
    });
    intents
}
