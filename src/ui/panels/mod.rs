//! One file per part of the window. Each draws state and returns what the user asked for; none
//! does I/O (the app acts on the intents).

pub mod case;
pub mod credentials;
pub mod device;
pub mod get_tokens;
pub mod handed_ticket;
pub mod header;
pub mod history;
pub mod inspector;
pub mod keys_help;
pub mod profiles;
pub mod result;
pub mod run_bar;
pub mod tenant;
pub mod watch;
mod watch_chart;

use crate::i18n::Lang;
use crate::ui::job::Operation;

/// Which secret field a Paste button belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenField {
    Access,
    Session,
    ClientSecret,
    Password,
    HandedTicket,
}

/// What the user asked for in this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    Run(Operation),
    Cancel,
    Paste(TokenField),
    /// Copy this text; the string names what was copied, for the confirmation.
    Copy {
        text: String,
        what: String,
    },
    /// Copy a credential (the ticket): kept out of the desktop's clipboard history.
    CopySecret {
        text: String,
        what: String,
    },
    CopyReport,
    SaveReport,
    /// Every call of this session (and the watch's kept evidence) as a HAR file in Downloads.
    SaveHar,
    /// This session as a case file in Downloads.
    SaveCase,
    /// Ask which case file to open.
    OpenCaseAsk,
    /// Show this case file, read-only.
    OpenCase(std::path::PathBuf),
    /// Back to this session's own window.
    CloseCase,
    CopyCurl,
    /// Show this history entry in the inspector.
    Select(usize),
    /// The user typed in the access token: an expiry from "Get token" no longer applies.
    AccessTokenEdited,
    /// Speak this language from the next frame on, and remember it.
    SetLang(Lang),
    WatchStart,
    SaveWatchReport,
    WatchPause,
    WatchResume,
    WatchStop,
    /// Show this watch attempt (its number) in the inspector.
    SelectAttempt(u32),
    /// Use this profile (`None`: no profile).
    SelectProfile(Option<String>),
    /// Start typing a name for a new, duplicated or renamed profile.
    ProfileEdit(crate::ui::profiles::NameEditKind),
    ProfileEditDone,
    /// Delete the profile in use (confirmed).
    ProfileDelete,
    /// Keep this secret of the profile in use in the OS keychain.
    Remember(crate::store::keychain::Kept),
    /// Remove it from the keychain.
    Forget(crate::store::keychain::Kept),
    /// Close the notice about a settings or profiles file that could not be used.
    DismissFileNotice,
    /// Send this device fingerprint (the login's) from now on.
    UseFingerprint(String),
    /// Send this machine's detected fingerprint again.
    ResetFingerprint,
    /// Look this way from now on, and remember it.
    SetTheme(crate::ui::look::ThemeChoice),
    /// Open or close the keyboard help (F1).
    KeysHelp,
    /// Put the keyboard focus in the domain field.
    FocusDomain,
}

/// A label in the first column of a grid, and the id to tie its input to (`labelled_by`).
pub fn grid_label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    ui.label(text).id
}

/// The section heading above a grid.
pub fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(title).strong().size(15.0));
    ui.add_space(2.0);
}

/// Width of the first (label) column of every grid, so the sections line up.
pub const LABEL_WIDTH: f32 = 110.0;

/// The two-column grid of a form section: labels on the left, inputs on the right.
pub fn form_grid<R>(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Grid::new(id)
        .num_columns(2)
        .min_col_width(LABEL_WIDTH)
        .spacing([12.0, 6.0])
        .show(ui, add)
        .inner
}

/// A labelled one-line text input across the grid, with a hint shown while it is empty.
pub fn text_row(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) -> egui::Response {
    let label = grid_label(ui, label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    ui.end_row();
    response
}

/// Outlines a field the last operation needed and found empty, in the error colour.
pub fn outline_missing(ui: &egui::Ui, response: &egui::Response, missing: bool) {
    if missing {
        let stroke = egui::Stroke::new(2.0, crate::ui::theme::error(ui));
        let rect = response.rect.expand(2.0);
        ui.painter()
            .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Outside);
    }
}
