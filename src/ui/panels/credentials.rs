//! Credentials: the two tokens, masked, with reveal and paste; their length shown, never their
//! value; and what can be read from the access token locally (a JWT's claims, an expiry).

use std::time::Instant;

use egui::{RichText, TextEdit, Ui};

use super::{Intent, LABEL_WIDTH, TokenField, grid_label, section};
use crate::ciam::input::strip_token_decoration;
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::ticket::{Ticket, format_mm_ss};
use crate::ui::form::{Form, tidy_token, token_len};
use crate::ui::theme;

pub fn show(ui: &mut Ui, form: &mut Form, now: Instant) -> Option<Intent> {
    section(ui, "Credentials");
    let mut intent = None;
    egui::Grid::new("credentials_grid")
        .num_columns(2)
        .min_col_width(LABEL_WIDTH)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let (changed, i) = secret_row(
                ui,
                "Access token",
                &mut form.access_token,
                &mut form.reveal_access,
                TokenField::Access,
                "Bearer token of the application",
                true,
            );
            if i.is_some() {
                intent = i;
            }
            if changed {
                intent = Some(Intent::AccessTokenEdited);
            }
            if let Some(line) = access_token_insight(ui, form, now) {
                ui.label("");
                ui.add(egui::Label::new(line).wrap());
                ui.end_row();
            }
            let (_, i) = secret_row(
                ui,
                "Session token",
                &mut form.session_token,
                &mut form.reveal_session,
                TokenField::Session,
                "the user's session_token from login",
                true,
            );
            if i.is_some() {
                intent = i;
            }
        });
    intent
}

/// A masked field with Show and Paste and its length. Returns (edited, intent).
pub fn secret_row(
    ui: &mut Ui,
    name: &str,
    value: &mut String,
    reveal: &mut bool,
    field: TokenField,
    hint: &str,
    tidy: bool,
) -> (bool, Option<Intent>) {
    let mut intent = None;
    let mut edited = false;
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
            edited = true;
            if tidy {
                tidy_token(value);
            }
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
        let len = if tidy {
            token_len(value)
        } else {
            value.chars().count()
        };
        let text = if len == 0 {
            "empty".to_owned()
        } else {
            format!("{len} chars")
        };
        ui.label(RichText::new(text).weak());
    });
    ui.end_row();
    (edited, intent)
}

/// Whether the insight line shows a live JWT countdown (the window then repaints each second).
pub fn shows_jwt_countdown(form: &Form) -> bool {
    form.access_token_expiry.is_none()
        && JwtInsight::decode(strip_token_decoration(&form.access_token))
            .and_then(|i| i.seconds_left(now_unix()))
            .is_some_and(|left| left > 0 && left < 24 * 3600)
}

/// "JWT (signature not checked): issuer … · expires in 12:34", red once expired; or the expiry of
/// a token from "Get token".
fn access_token_insight(ui: &Ui, form: &Form, now: Instant) -> Option<RichText> {
    if let Some((at, secs)) = form.access_token_expiry {
        let t = Ticket::new(String::new(), secs, at, time::OffsetDateTime::UNIX_EPOCH);
        let left = t.remaining(now);
        return Some(if left.is_zero() {
            RichText::new("From client credentials: expired. Get a new token.")
                .color(theme::error(ui))
        } else {
            RichText::new(format!(
                "From client credentials: expires in {}",
                t.countdown(now)
            ))
            .color(theme::ok(ui))
        });
    }
    let insight = JwtInsight::decode(strip_token_decoration(&form.access_token))?;
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
        parts.push(format!("issued {}", crate::ui::clock::local_hms(iat)));
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
