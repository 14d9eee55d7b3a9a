//! Getting the inputs without another tool: an access token from the application's client
//! credentials, and a session token from a test user's login (with this window's device, so the
//! exchange's fingerprint matches).

use egui::{RichText, TextEdit, Ui};

use super::credentials::secret_row;
use super::{Intent, LABEL_WIDTH, TokenField, grid_label};
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::flow::Step;
use crate::ui::attempt::Operation;
use crate::ui::form::Form;

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool) -> Option<Intent> {
    let mut intent = None;
    egui::CollapsingHeader::new(RichText::new("Get tokens: client credentials, test login").strong())
        .id_salt("token_helpers")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new("Both use the client_id above. Log in sends this window's device, so the session token will match the exchange's fingerprint.")
                    .weak()
                    .size(12.0),
            );
            egui::Grid::new("helpers_grid")
                .num_columns(2)
                .min_col_width(LABEL_WIDTH)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let (_, i) = secret_row(ui, "Client secret", &mut form.client_secret, &mut form.reveal_client_secret, TokenField::ClientSecret, "the application's client secret", true);
                    if i.is_some() {
                intent = i;
            }
                    ui.label("");
                    if ui.add_enabled(!busy, egui::Button::new("Get token")).on_hover_text("POST /api/v2/tenant/token: fills in the access token").clicked() {
                        intent = Some(Intent::Run(Operation::Call(Step::AccessToken)));
                    }
                    ui.end_row();

                    let label = grid_label(ui, "User name");
                    ui.add(TextEdit::singleline(&mut form.user_name).hint_text("a test user").desired_width(240.0)).labelled_by(label);
                    ui.end_row();
                    let (_, i) = secret_row(ui, "Password", &mut form.password, &mut form.reveal_password, TokenField::Password, "never saved", false);
                    if i.is_some() {
                intent = i;
            }
                    ui.label("");
                    if ui.add_enabled(!busy, egui::Button::new("Log in")).on_hover_text("POST /api/v2/sdk/login: fills in the session token").clicked() {
                        intent = Some(Intent::Run(Operation::Call(Step::Login)));
                    }
                    ui.end_row();
                });
            if let Some(id) = &form.id_token {
                use secrecy::ExposeSecret;
                if let Some(insight) = JwtInsight::decode(id.expose_secret()) {
                    let mut parts = vec!["id_token (signature not checked)".to_owned()];
                    if let Some(sub) = &insight.subject {
                        parts.push(format!("subject {sub}"));
                    }
                    if let Some(iss) = &insight.issuer {
                        parts.push(format!("issuer {iss}"));
                    }
                    if let Some(left) = insight.seconds_left(now_unix()) {
                        parts.push(if left > 0 { format!("expires in {}", human_duration(left.unsigned_abs())) } else { "expired".into() });
                    }
                    ui.label(RichText::new(parts.join(" · ")).weak().size(12.0));
                }
            }
        });
    intent
}
