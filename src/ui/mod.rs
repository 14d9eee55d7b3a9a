//! The window (eframe/egui, glow renderer). `ui/` only draws state and sends commands: it never
//! awaits and never does network or disk I/O on the UI thread (see `worker`).
//!
//! Roles: `app` (the frame loop), `commands` (acting on intents), `session` + `history` + `job`
//! (the model, without egui), `form` (the inputs, without egui), `panels/` (drawing, one file a
//! part of the window), `worker` (the background thread).

pub mod a11y;
pub mod app;
mod app_parts;
mod background;
mod case_view;
mod commands;
pub mod device_form;
pub mod field;
pub mod fonts;
pub mod form;
mod hand_over;
pub mod history;
pub mod job;
pub mod keyboard;
mod keychain_actions;
pub mod lang;
pub mod launch;
mod layout;
pub mod look;
mod missing;
mod open_case;
pub mod panels;
mod profile_actions;
pub mod profiles;
mod repaint;
mod restore;
mod save_state;
pub mod session;
pub mod settings;
pub mod theme;
pub mod verdict;
pub mod watching;
pub mod worker;

pub use app::SsoDiagApp;
pub use launch::Launch;

use crate::i18n::Lang;

pub use crate::APP_ID;

/// The 64 px icon: large enough for the task bar, small enough to decode in well under a millisecond.
fn window_icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/icons/sso-diag-64.png");
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}

/// Why the window did not open; the command line says it (the window has no words of its own
/// before it exists).
pub enum NotOpened {
    /// An option or environment value was refused.
    Launch(crate::ciam::CiamError),
    /// `--demo`: the mock tenant could not start.
    Demo(std::io::Error),
    /// No display, or the window could not be created.
    Window(eframe::Error),
}

/// No subcommand: open the window, pre-filled from the options and the environment, until it is
/// closed. `lang`: said for this run (`--lang`, `$SSO_DIAG_LANG`). `profile`: `--profile NAME`.
pub fn open(
    args: &crate::cli::args::WindowArgs,
    lang: Option<crate::i18n::Lang>,
    profile: Option<String>,
) -> Result<(), NotOpened> {
    let mut launch = Launch::from_args(args, lang, profile).map_err(NotOpened::Launch)?;
    launch.watch = args.watch;
    launch.watch_every = args.watch_every;
    if args.demo {
        launch = if args.watch {
            launch.demo_watching(args.scenario)
        } else {
            launch.demo_of(args.scenario)
        }
        .map_err(NotOpened::Demo)?;
    }
    run(launch).map_err(NotOpened::Window)
}

pub fn run(launch: Launch) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(crate::tr!(Lang::En, "ui-window-title"))
            .with_app_id(APP_ID)
            .with_inner_size([980.0, 760.0])
            .with_min_inner_size([720.0, 520.0])
            .with_icon(window_icon()),
        // The window adds the system's fonts itself (`fonts.rs`), to know whether Chinese can be drawn.
        system_font_fallback: false,
        // Window size and egui's memory, beside the settings (`$SSO_DIAG_DATA_DIR` included).
        persistence_path: launch.data_dir.as_ref().map(|d| d.join("app.ron")),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(|cc| Ok(Box::new(SsoDiagApp::new(&cc.egui_ctx, cc.storage, launch)))),
    )
}
