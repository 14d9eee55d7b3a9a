//! Credentials: the two tokens, masked, with reveal and paste; their length shown, never their value.

use egui::{RichText, TextEdit, Ui};

use super::{Intent, LABEL_WIDTH, TokenField, grid_label, section};
use crate::ui::form::{Form, tidy_token, token_len};

pub fn show(ui: &mut Ui, form: &mut Form) -> Option<Intent> {
    section(ui, "Credentials");
    let mut intent = None;
    egui::Grid::new("credentials_grid")
        .num_columns(2)
        .min_col_width(LABEL_WIDTH)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let rows = [
                (
                    "Access token",
                    &mut form.access_token,
                    &mut form.reveal_access,
                    TokenField::Access,
                    "Bearer token of the application",
                ),
                (
                    "Session token",
                    &mut form.session_token,
                    &mut form.reveal_session,
                    TokenField::Session,
                    "the user's session_token from login",
                ),
            ];
            for (name, value, reveal, field, hint) in rows {
                let label = grid_label(ui, name);
                ui.horizontal(|ui| {
                    let buttons_width = 190.0;
                    let r = ui
                        .add(
                            TextEdit::singleline(value)
                                .password(!*reveal)
                                .hint_text(hint)
                                .font(egui::TextStyle::Monospace)
                                .desired_width((ui.available_width() - buttons_width).max(120.0)),
                        )
                        .labelled_by(label);
                    if r.changed() {
                        tidy_token(value);
                    }
                    ui.toggle_value(reveal, if *reveal { "Hide" } else { "Show" })
                        .on_hover_text(format!("Show or hide the {}", name.to_lowercase()));
                    if ui
                        .button("Paste")
                        .on_hover_text(format!(
                            "Paste the {} from the clipboard",
                            name.to_lowercase()
                        ))
                        .clicked()
                    {
                        intent = Some(Intent::Paste(field));
                    }
                    let len = token_len(value);
                    let text = if len == 0 {
                        "empty".to_owned()
                    } else {
                        format!("{len} chars")
                    };
                    ui.label(RichText::new(text).weak());
                });
                ui.end_row();
            }
        });
    intent
}
