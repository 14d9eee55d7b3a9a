//! The window's language for this frame, kept in egui's context beside the style: every panel
//! reads it with [`of`], and a switch in the header applies from the next frame on — no restart,
//! nothing else on screen reset.

use crate::i18n::Lang;

fn key() -> egui::Id {
    egui::Id::unique("sso-diag.lang")
}

pub fn set(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(key(), lang));
}

pub fn of(ui: &egui::Ui) -> Lang {
    ui.ctx().data(|d| d.get_temp(key())).unwrap_or_default()
}
