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
use crate::store::keychain::Kept;
use crate::store::profiles::Remembered;
use crate::tr;
use crate::ui::field::Field;
use crate::ui::form::Form;
use crate::ui::job::Operation;
use crate::ui::lang;

/// What the keychain boxes need to know.
pub struct KeychainView<'a> {
    /// `None` while the keychain is being looked for; `Err`: why there is none.
    pub status: Option<&'a Result<(), String>>,
    /// The profile in use: secrets are kept per profile.
    pub profile: Option<&'a str>,
    /// Which of its secrets the profile keeps there.
    pub remembered: Remembered,
}

pub fn show(ui: &mut Ui, form: &mut Form, busy: bool, keychain: &KeychainView<'_>) -> Vec<Intent> {
    let l = lang::of(ui);
    let mut intents = Vec::new();
    let title = RichText::new(tr!(l, "ui-get-tokens")).strong();
    let section = egui::CollapsingHeader::new(title)
        .id_salt("token_helpers")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr!(l, "ui-get-tokens-note"))
                    .weak()
                    .size(12.0),
            );
            form_grid(ui, "helpers_grid", |ui| {
                let secret = SecretRow::token(tr!(l, "ui-client-secret"), TokenField::ClientSecret)
                    .hint(tr!(l, "ui-client-secret-hint"))
                    .missing(form.is_missing(Field::ClientSecret));
                secret.show(ui, &mut form.client_secret, &mut intents);
                run_button(ui, busy, Step::AccessToken, keychain, &mut intents);

                let label = grid_label(ui, &tr!(l, "ui-user-name"));
                let r = ui
                    .add(
                        TextEdit::singleline(&mut form.user_name)
                            .hint_text(tr!(l, "ui-user-name-hint"))
                            .desired_width(240.0),
                    )
                    .labelled_by(label);
                super::outline_missing(ui, &r, form.is_missing(Field::UserName));
                ui.end_row();
                let password = SecretRow::password(tr!(l, "ui-password"), TokenField::Password)
                    .hint(tr!(l, "ui-password-hint"))
                    .missing(form.is_missing(Field::Password));
                password.show(ui, &mut form.password, &mut intents);
                run_button(ui, busy, Step::Login, keychain, &mut intents);
            });
            if let Some(line) = id_token_line(form, l) {
                ui.label(RichText::new(line).weak().size(12.0));
            }
        });
    crate::ui::a11y::focus_ring(ui, &section.header_response);
    intents
}

/// The row under a secret: the button that runs `step`, and whether the keychain keeps it.
fn run_button(
    ui: &mut Ui,
    busy: bool,
    step: Step,
    keychain: &KeychainView<'_>,
    intents: &mut Vec<Intent>,
) {
    let l = lang::of(ui);
    let (hover, kept) = match step {
        Step::AccessToken => (tr!(l, "ui-get-token-hover"), Kept::ClientSecret),
        _ => (tr!(l, "ui-log-in-hover"), Kept::Password),
    };
    let remembered = keychain.remembered.keeps(kept);
    ui.label("");
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new(step.short(l)))
            .on_hover_text(hover)
            .clicked()
        {
            intents.push(Intent::Run(Operation::Call(step)));
        }
        keychain_box(ui, keychain, kept, remembered, intents);
    });
    ui.end_row();
}

/// "Remember in keychain", enabled only with a profile in use and a keychain on this machine
/// (else disabled, saying why); "Forget" once remembered.
fn keychain_box(
    ui: &mut Ui,
    keychain: &KeychainView<'_>,
    kept: Kept,
    remembered: bool,
    intents: &mut Vec<Intent>,
) {
    let l = lang::of(ui);
    let why_not = match (keychain.status, keychain.profile) {
        (None, _) => Some(tr!(l, "ui-keychain-looking")),
        (Some(Err(_)), _) => Some(tr!(l, "ui-keychain-unavailable")),
        (Some(Ok(())), None) => Some(tr!(l, "ui-keychain-no-profile")),
        (Some(Ok(())), Some(_)) => None,
    };
    // The system's error is its own words, in its own language: apart from the sentence, whole
    // only in the tooltip, so it neither widens the column nor mixes languages in one line.
    let system = match keychain.status {
        Some(Err(error)) => format!("\n{}", tr!(l, "ui-system-said", error = error.as_str())),
        _ => String::new(),
    };
    let mut ticked = remembered;
    let label = tr!(l, "ui-keychain-remember");
    let response = ui.add_enabled(why_not.is_none(), egui::Checkbox::new(&mut ticked, label));
    let response = match &why_not {
        Some(why) => response.on_disabled_hover_text(format!("{why}{system}")),
        None => response.on_hover_text(tr!(l, "ui-keychain-remember-hover")),
    };
    if response.changed() {
        intents.push(if ticked {
            Intent::Remember(kept)
        } else {
            Intent::Forget(kept)
        });
    }
    if remembered && why_not.is_none() && ui.small_button(tr!(l, "ui-keychain-forget")).clicked() {
        intents.push(Intent::Forget(kept));
    }
    if let Some(why) = why_not
        && keychain.status.is_some_and(Result::is_err)
    {
        let note = ui.add(egui::Label::new(RichText::new(why).weak().size(11.0)).wrap());
        note.on_hover_text(system.trim_start());
    }
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
