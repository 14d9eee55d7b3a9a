//! The window's state beyond the form, the session and the watch, grouped by role (as
//! egui_demo_app groups its `State`): the case on screen, the background and what it found, what
//! is kept between runs, and how the window speaks and wakes.

use std::time::Instant;

use super::fonts::Fonts;
use super::open_case::OpenCase;
use super::profiles::Profiles;
use super::settings::Settings;
use super::worker::Worker;
use crate::clock::Clock;
use crate::i18n::{Lang, Message};
use crate::mock::MockTenant;

/// A colleague's case file on screen, and the "Open case" row.
#[derive(Default)]
pub struct Cases {
    /// Shown read-only instead of the form.
    pub open: Option<OpenCase>,
    /// "Open case": the path being typed.
    pub opening: Option<String>,
    /// The case file being read in the background.
    pub reading: Option<std::path::PathBuf>,
}

/// The worker thread, and what it found.
pub struct Background {
    pub worker: Option<Worker>,
    /// Whether this machine has a keychain: `None` until the worker has looked.
    pub keychain: Option<Result<(), String>>,
    /// The tenant the device was last detected for.
    pub detected_for: Option<String>,
    /// `--demo`: the mock tenant the window talks to, alive as long as the window.
    pub demo: Option<MockTenant>,
    /// `--watch`: start watching once the device is detected, this often (seconds).
    pub watch_on_start: Option<f32>,
}

/// What is kept between runs.
pub struct KeptState {
    /// Where settings and profiles are kept; `None` in the demo (whose domain is a throwaway
    /// port) and the tests: nothing is read or written.
    pub data_dir: Option<std::path::PathBuf>,
    /// The settings as last written, so an unchanged window writes nothing.
    pub saved_settings: Option<Settings>,
    /// `settings.json` could not be read nor moved aside: it is not written over.
    pub settings_read_only: bool,
    pub profiles: Profiles,
    /// A settings or profiles file (or a case) that could not be used, and what became of it:
    /// shown until the user closes it.
    pub file_notices: Vec<Message>,
}

/// How the window speaks, what it says in passing, and when it wakes.
pub struct View {
    pub clock: Clock,
    /// A passing notice ("copied") and when it goes.
    pub notice: Option<(String, Instant)>,
    /// Kept open: on X11 the copied ticket is served by this process for as long as it lives.
    pub clipboard: Option<arboard::Clipboard>,
    /// The language the user wants; drawn in English while no font can draw it.
    pub lang: Lang,
    pub fonts: Fonts,
    /// The language the window's title was last set in.
    pub titled: Option<Lang>,
    pub first_frame_logged: bool,
    /// The session's results already brought into view (`Session::results`).
    pub results_shown: u64,
    /// The theme and the zoom, remembered between runs.
    pub look: super::look::Look,
    /// The keyboard help (F1) is open.
    pub keys_help: bool,
    /// Give the Exchange button the keyboard focus on the next frame.
    pub focus_exchange: bool,
    /// The widget the keyboard focus was on last frame: a move is followed into view.
    pub last_focus: Option<egui::Id>,
}
