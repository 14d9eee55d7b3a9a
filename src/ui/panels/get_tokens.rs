//! "Get tokens": the inputs without another tool — an access token from the application's client
//! credentials, and a session token from a test user's login (with this window's device, so the
//! exchange's fingerprint matches).

use egui::{RichText, TextEdit, Ui};
use secrecy::ExposeSecret;

use super::credentials::SecretRow;
use super::{Intent, TokenField, form_grid, grid_label};
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::i18n::Lang;
use crate::step::Step;
use crate::tr;
use crate::ui::form::Form;
use crate::ui::job::Operation;
use crate::ui::lang;

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let title = RichText::new(tr!(l, "ui-get-tokens")).strong();
    egui::CollapsingHeader::new(title)
        .id_salt("token_helpers")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr!(l, "ui-get-tokens-note"))
                    .weak()
                    .size(12.0),
            );
            form_grid(ui, "helpers_grid", |ui| {
                SecretRow::token(tr!(l, "ui-client-secret"), TokenField::ClientSecret)
                    .hint(tr!(l, "ui-client-secret-hint"))
                    .show(ui, &mut form.client_secret, &mut intents);
                run_button(ui, busy, Step::AccessToken, &mut intents);

                let label = grid_label(ui, &tr!(l, "ui-user-name"));
                ui.add(
                    TextEdit::singleline(&mut form.user_name)
                        .hint_text(tr!(l, "ui-user-name-hint"))
                        .desired_width(240.0),
                )
                .labelled_by(label);
                ui.end_row();
                SecretRow::password(tr!(l, "ui-password"), TokenField::Password)
                    .hint(tr!(l, "ui-password-hint"))
                    .show(ui, &mut form.password, &mut intents);
                run_button(ui, busy, Step::Login, &mut intents);
            });
            if let Some(line) = id_token_line(form, l) {
                ui.label(RichText::new(line).weak().size(12.0));
            }
        });
    intents
}

/// The row under an input with the button that runs `step`.
fn run_button(ui: &mut Ui, busy: bool, step: Step, intents: &mut Vec<Intent>) {
    let l = lang::of(ui);
    let hover = match step {
        Step::AccessToken => tr!(l, "ui-get-token-hover"),
        _ => tr!(l, "ui-log-in-hover"),
    };
    ui.label("");
    if ui
        .add_enabled(!busy, egui::Button::new(step.short(l)))
        .on_hover_text(hover)
        .clicked()
    {
        intents.push(Intent::Run(Operation::Call(step)));
    }
    ui.end_row();
}

/// `id_token (signature not checked) · subject … · issuer … · expires in …`
fn id_token_line(form: &Form, l: Lang) -> Option<String> {
    let insight = JwtInsight::decode(form.id_token.as_ref()?.expose_secret())?;
    let mut parts = vec![tr!(l, "ui-id-token")];
    if let Some(sub) = &insight.subject {
        parts.push(tr!(l, "ui-jwt-subject", subject = sub.as_str()));
    }
    if let Some(iss) = &insight.issuer {
        parts.push(tr!(l, "ui-jwt-issuer", issuer = iss.as_str()));
    }
    if let Some(left) = insight.seconds_left(now_unix()) {
        parts.push(if left > 0 {
            let left = human_duration(left.unsigned_abs(), l);
            tr!(l, "ui-expires-in", left = left)
        } else {
            tr!(l, "ui-expired")
        });
    }
    Some(parts.join(" · "))
}
