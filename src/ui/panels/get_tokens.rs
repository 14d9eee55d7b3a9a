//! "Get tokens": the inputs without another tool — an access token from the application's client
//! credentials, and a session token from a test user's login (with this window's device, so the
//! exchange's fingerprint matches).

use egui::{RichText, TextEdit, Ui};
use secrecy::ExposeSecret;

use super::credentials::SecretRow;
use super::{Intent, TokenField, form_grid, grid_label};
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::step::Step;
use crate::ui::form::Form;
use crate::ui::job::Operation;

const EXPLANATION: &str = "Both use the client_id above. Log in sends this window's device, \
                           so the session token will match the exchange's fingerprint.";

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool) -> Vec<Intent> {
    let mut intents = Vec::new();
    let title = RichText::new("Get tokens: client credentials, test login").strong();
    egui::CollapsingHeader::new(title)
        .id_salt("token_helpers")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(EXPLANATION).weak().size(12.0));
            form_grid(ui, "helpers_grid", |ui| {
                SecretRow::token("Client secret", TokenField::ClientSecret)
                    .hint("the application's client secret")
                    .show(ui, &mut form.client_secret, &mut intents);
                run_button(ui, busy, Step::AccessToken, &mut intents);

                let label = grid_label(ui, "User name");
                ui.add(
                    TextEdit::singleline(&mut form.user_name)
                        .hint_text("a test user")
                        .desired_width(240.0),
                )
                .labelled_by(label);
                ui.end_row();
                SecretRow::password("Password", TokenField::Password)
                    .hint("never saved")
                    .show(ui, &mut form.password, &mut intents);
                run_button(ui, busy, Step::Login, &mut intents);
            });
            if let Some(line) = id_token_line(form) {
                ui.label(RichText::new(line).weak().size(12.0));
            }
        });
    intents
}

/// The row under an input with the button that runs `step`.
fn run_button(ui: &mut Ui, busy: bool, step: Step, intents: &mut Vec<Intent>) {
    let hover = match step {
        Step::AccessToken => "POST /api/v2/tenant/token: fills in the access token",
        _ => "POST /api/v2/sdk/login: fills in the session token",
    };
    ui.label("");
    if ui
        .add_enabled(!busy, egui::Button::new(step.short()))
        .on_hover_text(hover)
        .clicked()
    {
        intents.push(Intent::Run(Operation::Call(step)));
    }
    ui.end_row();
}

/// `id_token (signature not checked) · subject … · issuer … · expires in …`
fn id_token_line(form: &Form) -> Option<String> {
    let insight = JwtInsight::decode(form.id_token.as_ref()?.expose_secret())?;
    let mut parts = vec!["id_token (signature not checked)".to_owned()];
    if let Some(sub) = &insight.subject {
        parts.push(format!("subject {sub}"));
    }
    if let Some(iss) = &insight.issuer {
        parts.push(format!("issuer {iss}"));
    }
    if let Some(left) = insight.seconds_left(now_unix()) {
        parts.push(if left > 0 {
            format!("expires in {}", human_duration(left.unsigned_abs()))
        } else {
            "expired".into()
        });
    }
    Some(parts.join(" · "))
}
