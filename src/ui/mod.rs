//! The window (eframe/egui, glow renderer). `ui/` only draws state and sends commands: it never
//! awaits and never does network or disk I/O on the UI thread (see `worker`).
//!
//! Roles: `app` (the frame loop), `commands` (acting on intents), `session` + `history` + `job`
//! (the model, without egui), `form` (the inputs, without egui), `panels/` (drawing, one file a
//! part of the window), `worker` (the background thread).

pub mod app;
mod case_view;
mod commands;
pub mod device_form;
pub mod fonts;
pub mod form;
pub mod history;
pub mod job;
mod kept;
mod keychain_actions;
pub mod lang;
pub mod launch;
pub mod panels;
mod profile_actions;
pub mod profiles;
pub mod session;
pub mod settings;
pub mod theme;
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

/// No subcommand: open the window, pre-filled from the options and the environment. The exit code.
/// `lang`: said for this run (`--lang`, `$SSO_DIAG_LANG`).
/// `profile`: `--profile NAME`.
pub fn open(
    args: &crate::cli::args::WindowArgs,
    lang: Option<crate::i18n::Lang>,
    profile: Option<String>,
) -> u8 {
    // Before the window: its remembered language is not read yet.
    let said = lang.unwrap_or_else(crate::i18n::from_system);
    let mut launch = match Launch::from_args(args, lang, profile) {
        Ok(l) => l,
        Err(e) => {
            crate::cli::shared::report_error(&e, false, said);
            return e.exit_code();
        }
    };
    if args.demo {
        let demo = if args.watch {
            launch.demo_watching(args.scenario)
        } else {
            launch.demo_of(args.scenario)
        };
        launch = match demo {
            Ok(l) => l,
            Err(e) => {
                let error = e.to_string();
                crate::cli::out::eline(crate::tr!(said, "ui-demo-failed", error = error));
                return 3;
            }
        };
    }
    match run(launch) {
        Ok(()) => 0,
        Err(e) => {
            let error = e.to_string();
            crate::cli::out::eline(crate::tr!(said, "ui-window-failed", error = error));
            crate::cli::out::eline(crate::tr!(said, "ui-no-display"));
            1
        }
    }
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
