//! Credentials: the two tokens, masked, with reveal and paste; their length shown, never their
//! value; and what can be read from the access token locally (a JWT's claims, an expiry).

use std::time::Instant;

use egui::{RichText, TextEdit, Ui};

use super::{Intent, TokenField, form_grid, grid_label, section};
use crate::ciam::input::strip_token_decoration;
use crate::ciam::jwt::{JwtInsight, human_duration, now_unix};
use crate::step::Step;
use crate::ticket::format_mm_ss;
use crate::tr;
use crate::ui::field::Field;
use crate::ui::form::{Form, SecretInput, tidy_token, token_len};
use crate::ui::job::Operation;
use crate::ui::{lang, theme};

pub fn show(ui: &mut Ui, form: &mut Form, now: Instant, busy: bool) -> Vec<Intent> {
    let l = lang::of(ui);
    section(ui, &tr!(l, "ui-credentials"));
    let mut intents = Vec::new();
    form_grid(ui, "credentials_grid", |ui| {
        let access = SecretRow::token(tr!(l, "ui-access-token"), TokenField::Access)
            .hint(tr!(l, "ui-access-token-hint"))
            .missing(form.is_missing(Field::AccessToken))
            .focus(form.focus.take_if(|f| *f == Field::AccessToken).is_some());
        if access.show(ui, &mut form.access_token, &mut intents) {
            intents.push(Intent::AccessTokenEdited);
        }
        if let Some(line) = access_token_insight(ui, form, now) {
            ui.label("");
            ui.add(egui::Label::new(line).wrap());
            ui.end_row();
        }
        let session = SecretRow::token(tr!(l, "ui-session-token"), TokenField::Session)
            .hint(tr!(l, "ui-session-token-hint"))
            .missing(form.is_missing(Field::SessionToken))
            .focus(form.focus.take_if(|f| *f == Field::SessionToken).is_some());
        session.show(ui, &mut form.session_token, &mut intents);
        ui.label("");
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(!busy, egui::Button::new(tr!(l, "ui-refresh-session")))
                .on_hover_text(tr!(l, "ui-refresh-session-hover"))
                .clicked()
            {
                intents.push(Intent::Run(Operation::Call(Step::Refresh)));
            }
            ui.weak(tr!(l, "ui-refresh-session-note"));
        });
        ui.end_row();
    });
    intents
}

/// A masked field in a form grid, with Show and Paste and its length (never its value).
pub struct SecretRow {
    name: String,
    field: TokenField,
    hint: String,
    /// Tokens lose what a paste brings along (spaces, quotes, `Bearer `); passwords keep it all.
    tidy: bool,
    /// The last operation needed it and found it empty: outlined.
    missing: bool,
    /// Take the keyboard focus now.
    focus: bool,
}

impl SecretRow {
    pub fn token(name: String, field: TokenField) -> Self {
        Self {
            name,
            field,
            hint: String::new(),
            tidy: true,
            missing: false,
            focus: false,
        }
    }

    pub fn password(name: String, field: TokenField) -> Self {
        Self {
            tidy: false,
            ..Self::token(name, field)
        }
    }

    pub fn hint(self, hint: String) -> Self {
        Self { hint, ..self }
    }

    pub fn missing(self, missing: bool) -> Self {
        Self { missing, ..self }
    }

    pub fn focus(self, focus: bool) -> Self {
        Self { focus, ..self }
    }

    /// Draws the row; a Paste press becomes an intent. Returns whether the user edited the text.
    pub fn show(&self, ui: &mut Ui, input: &mut SecretInput, intents: &mut Vec<Intent>) -> bool {
        let l = lang::of(ui);
        let mut edited = false;
        let label = grid_label(ui, &self.name);
        let name = self.name.as_str();
        ui.horizontal_wrapped(|ui| {
            let buttons_width = 190.0;
            let r = ui
                .add(
                    TextEdit::singleline(&mut input.text)
                        .password(!input.reveal)
                        .hint_text(self.hint.as_str())
                        .font(egui::TextStyle::Monospace)
                        .desired_width((ui.available_width() - buttons_width).max(120.0)),
                )
                .labelled_by(label);
            super::outline_missing(ui, &r, self.missing);
            if self.focus {
                r.request_focus();
            }
            if r.changed() {
                edited = true;
                if self.tidy {
                    tidy_token(&mut input.text);
                }
            }
            let shown = if input.reveal {
                tr!(l, "ui-hide")
            } else {
                tr!(l, "ui-show")
            };
            ui.toggle_value(&mut input.reveal, shown).on_hover_text(tr!(
                l,
                "ui-show-hover",
                name = name
            ));
            if ui
                .button(tr!(l, "ui-paste"))
                .on_hover_text(tr!(l, "ui-paste-hover", name = name))
                .clicked()
            {
                intents.push(Intent::Paste(self.field));
            }
            let len = if self.tidy {
                token_len(&input.text)
            } else {
                input.text.chars().count()
            };
            let text = tr!(l, "ui-chars", count = len as u64);
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
    let l = lang::of(ui);
    if let Some(life) = form.access_token_expiry {
        let left = life.remaining(now);
        return Some(if left.is_zero() {
            RichText::new(tr!(l, "ui-client-token-expired")).color(theme::error(ui))
        } else {
            let left = life.mm_ss(now);
            RichText::new(tr!(l, "ui-client-token-expires", left = left)).color(theme::ok(ui))
        });
    }
    let insight = JwtInsight::decode(strip_token_decoration(&form.access_token.text))?;
    let mut parts = vec![tr!(l, "ui-jwt-local")];
    if let Some(iss) = &insight.issuer {
        parts.push(tr!(l, "ui-jwt-issuer", issuer = iss.as_str()));
    }
    if let Some(aud) = &insight.audience {
        parts.push(tr!(l, "ui-jwt-audience", audience = aud.as_str()));
    }
    if let Some(iat) = insight
        .issued_at
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
    {
        parts.push(tr!(l, "ui-jwt-issued", time = crate::clock::local_hms(iat)));
    }
    let now_unix = now_unix();
    let (expiry, expired) = match insight.seconds_left(now_unix) {
        Some(left) if left <= 0 => {
            let ago = human_duration(left.unsigned_abs(), l);
            (tr!(l, "ui-jwt-expired", ago = ago), true)
        }
        Some(left) if left < 24 * 3600 => {
            let left = format_mm_ss(left.unsigned_abs());
            (tr!(l, "ui-expires-in", left = left), false)
        }
        Some(left) => {
            let left = human_duration(left.unsigned_abs(), l);
            (tr!(l, "ui-expires-in", left = left), false)
        }
        None => (tr!(l, "ui-jwt-no-expiry"), false),
    };
    parts.push(expiry);
    let text = RichText::new(parts.join(" · ")).size(12.0);
    Some(if expired {
        text.color(theme::error(ui))
    } else {
        text.weak()
    })
}
