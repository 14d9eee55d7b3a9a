//! The header: the name, the demo marker, the language and theme switches, and — when Chinese is
//! chosen but this machine has no font for it — what to install.

use egui::{RichText, ThemePreference, Ui};

use super::Intent;
use crate::i18n::Lang;
use crate::tr;
use crate::ui::{lang, theme};

/// `demo_url`: where the built-in mock tenant listens, in `--demo`. `chosen`: the language the
/// user picked (drawn in English while no font can draw it). `can_draw_chinese`: known to be
/// drawable, so the switch can name Chinese in Chinese.
pub fn show(
    ui: &mut Ui,
    demo_url: Option<String>,
    chosen: Lang,
    can_draw_chinese: bool,
) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(RichText::new("sso-diag").strong());
        ui.label(tr!(l, "ui-app-subtitle"));
        if let Some(url) = demo_url {
            ui.label(RichText::new(tr!(l, "ui-demo")).color(theme::warn(ui)))
                .on_hover_text(tr!(l, "ui-demo-hover", url = url));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            theme_picker(ui);
            ui.separator();
            // Right-to-left layout: added in reverse.
            for option in Lang::ALL.into_iter().rev() {
                let name = match option {
                    Lang::ZhCn if !can_draw_chinese => tr!(Lang::En, "ui-chinese-without-font"),
                    _ => option.own_name().to_owned(),
                };
                if ui.selectable_label(chosen == option, name).clicked() && chosen != option {
                    intents.push(Intent::SetLang(option));
                }
            }
        });
    });
    if chosen != l {
        // Said in English on purpose: this is exactly when Chinese cannot be drawn.
        let notice = tr!(Lang::En, "font-missing");
        ui.add(egui::Label::new(RichText::new(notice).color(theme::warn(ui))).wrap());
    }
    ui.add_space(2.0);
    intents
}

/// System / Light / Dark, as words: egui's own switch uses symbols that not every font has.
fn theme_picker(ui: &mut Ui) {
    let l = lang::of(ui);
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    // Right-to-left layout: added in reverse.
    ui.selectable_value(&mut pref, ThemePreference::Dark, tr!(l, "ui-theme-dark"));
    ui.selectable_value(&mut pref, ThemePreference::Light, tr!(l, "ui-theme-light"));
    ui.selectable_value(
        &mut pref,
        ThemePreference::System,
        tr!(l, "ui-theme-system"),
    );
    ui.weak(tr!(l, "ui-theme"));
    if pref != before {
        ui.ctx().set_theme(pref);
    }
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
