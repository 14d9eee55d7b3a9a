//! The window (eframe/egui, glow renderer). `ui/` only draws state and sends commands: it never
//! awaits and never does network or disk I/O on the UI thread (see `worker`).

pub mod app;
pub mod attempt;
pub mod clock;
pub mod form;
pub mod launch;
pub mod panels;
pub mod settings;
pub mod theme;
pub mod worker;

pub use app::SsoDiagApp;
pub use launch::Launch;

pub const APP_ID: &str = "sso-diag";
pub const WINDOW_TITLE: &str = "sso-diag — SSO ticket diagnostics";

/// The 64 px icon: large enough for the task bar, small enough to decode in well under a millisecond.
fn window_icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/icons/sso-diag-64.png");
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}

pub fn run(launch: Launch) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_app_id(APP_ID)
            .with_inner_size([980.0, 760.0])
            .with_min_inner_size([720.0, 520.0])
            .with_icon(window_icon()),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(|cc| Ok(Box::new(SsoDiagApp::new(&cc.egui_ctx, cc.storage, launch)))),
    )
}
