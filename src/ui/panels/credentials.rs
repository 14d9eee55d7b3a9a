//! Credentials: the two tokens, masked, with reveal and paste; their length shown, never their
//! value; and what can be read from the access token locally (a JWT's claims, an expiry).

use std::time::Instant;

use egui::{RichText, TextEdit, Ui};

use super::{Intent, TokenField, form_grid, grid_label, section};
use crate::ciam::input::strip_token_decoration;
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::step::Step;
use crate::ticket::format_mm_ss;
use crate::ui::form::{Form, SecretInput, tidy_token, token_len};
use crate::ui::job::Operation;
use crate::ui::theme;

pub fn show(ui: &mut Ui, form: &mut Form, now: Instant, busy: bool) -> Vec<Intent> {
    section(ui, "Credentials");
    let mut intents = Vec::new();
    form_grid(ui, "credentials_grid", |ui| {
        let access = SecretRow::token("Access token", TokenField::Access)
            .hint("Bearer token of the application");
        if access.show(ui, &mut form.access_token, &mut intents) {
            intents.push(Intent::AccessTokenEdited);
        }
        if let Some(line) = access_token_insight(ui, form, now) {
            ui.label("");
            ui.add(egui::Label::new(line).wrap());
            ui.end_row();
        }
        SecretRow::token("Session token", TokenField::Session)
            .hint("the user's session_token from login")
            .show(ui, &mut form.session_token, &mut intents);
        ui.label("");
        ui.horizontal(|ui| {
            let hover = "POST /api/v2/tenant/sso/session-token/refresh: is the session alive, \
                or did it expire or was it revoked? A new session token replaces this one.";
            if ui
                .add_enabled(!busy, egui::Button::new("Refresh session"))
                .on_hover_text(hover)
                .clicked()
            {
                intents.push(Intent::Run(Operation::Call(Step::Refresh)));
            }
            ui.weak("tells a live session from an expired or revoked one");
        });
        ui.end_row();
    });
    intents
}

/// A masked field in a form grid, with Show and Paste and its length (never its value).
pub struct SecretRow {
    name: &'static str,
    field: TokenField,
    hint: &'static str,
    /// Tokens lose what a paste brings along (spaces, quotes, `Bearer `); passwords keep it all.
    tidy: bool,
}

impl SecretRow {
    pub fn token(name: &'static str, field: TokenField) -> Self {
        Self {
            name,
            field,
            hint: "",
            tidy: true,
        }
    }

    pub fn password(name: &'static str, field: TokenField) -> Self {
        Self {
            tidy: false,
            ..Self::token(name, field)
        }
    }

    pub fn hint(self, hint: &'static str) -> Self {
        Self { hint, ..self }
    }

    /// Draws the row; a Paste press becomes an intent. Returns whether the user edited the text.
    pub fn show(&self, ui: &mut Ui, input: &mut SecretInput, intents: &mut Vec<Intent>) -> bool {
        let mut edited = false;
        let label = grid_label(ui, self.name);
        let lower = self.name.to_lowercase();
        ui.horizontal(|ui| {
            let buttons_width = 190.0;
            let r = ui
                .add(
                    TextEdit::singleline(&mut input.text)
                        .password(!input.reveal)
                        .hint_text(self.hint)
                        .font(egui::TextStyle::Monospace)
                        .desired_width((ui.available_width() - buttons_width).max(120.0)),
                )
                .labelled_by(label);
            if r.changed() {
                edited = true;
                if self.tidy {
                    tidy_token(&mut input.text);
                }
            }
            let shown = if input.reveal { "Hide" } else { "Show" };
            ui.toggle_value(&mut input.reveal, shown)
                .on_hover_text(format!("Show or hide the {lower}"));
            if ui
                .button("Paste")
                .on_hover_text(format!("Paste the {lower} from the clipboard"))
                .clicked()
            {
                intents.push(Intent::Paste(self.field));
            }
            let len = if self.tidy {
                token_len(&input.text)
            } else {
                input.text.chars().count()
            };
            let text = if len == 0 {
                "empty".to_owned()
            } else {
                format!("{len} chars")
            };
            ui.label(RichText::new(text).weak());
        });
        ui.end_row();
        edited
    }
}

/// Whether the insight line shows a live JWT countdown (the window then repaints each second).
pub fn shows_jwt_countdown(form: &Form) -> bool {
    form.access_token_expiry.is_none()
        && JwtInsight::decode(strip_token_decoration(&form.access_token.text))
            .and_then(|i| i.seconds_left(now_unix()))
            .is_some_and(|left| left > 0 && left < 24 * 3600)
}

/// "JWT (signature not checked): issuer … · expires in 12:34", red once expired; or the expiry of
/// a token from "Get token".
fn access_token_insight(ui: &Ui, form: &Form, now: Instant) -> Option<RichText> {
    if let Some(life) = form.access_token_expiry {
        let left = life.remaining(now);
        return Some(if left.is_zero() {
            RichText::new("From client credentials: expired. Get a new token.")
                .color(theme::error(ui))
        } else {
            RichText::new(format!(
                "From client credentials: expires in {}",
                life.mm_ss(now)
            ))
            .color(theme::ok(ui))
        });
    }
    let insight = JwtInsight::decode(strip_token_decoration(&form.access_token.text))?;
    let mut parts = vec!["JWT, read locally (signature not checked)".to_owned()];
    if let Some(iss) = &insight.issuer {
        parts.push(format!("issuer {iss}"));
    }
    if let Some(aud) = &insight.audience {
        parts.push(format!("audience {aud}"));
    }
    if let Some(iat) = insight
        .issued_at
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
    {
        parts.push(format!("issued {}", crate::clock::local_hms(iat)));
    }
    let now_unix = now_unix();
    let (expiry, expired) = match insight.seconds_left(now_unix) {
        Some(left) if left <= 0 => (
            format!(
                "EXPIRED {} ago: the tenant will refuse it",
                human_duration(left.unsigned_abs())
            ),
            true,
        ),
        Some(left) if left < 24 * 3600 => (
            format!("expires in {}", format_mm_ss(left.unsigned_abs())),
            false,
        ),
        Some(left) => (
            format!("expires in {}", human_duration(left.unsigned_abs())),
            false,
        ),
        None => ("no expiry".to_owned(), false),
    };
    parts.push(expiry);
    let text = RichText::new(parts.join(" · ")).size(12.0);
    Some(if expired {
        text.color(theme::error(ui))
    } else {
        text.weak()
    })
}
