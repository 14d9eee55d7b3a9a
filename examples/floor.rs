//! The floor of the CPU budget: the least an eframe window of sso-diag's size can cost here — same
//! crate features and renderer (glow), same window size, one frame a second, one label that
//! changes (a countdown). `dist/bench.sh` measures sso-diag with a ticket counting down against
//! it in the same run; the ratio is what sso-diag itself adds.
//!
//!   cargo build --release --example floor && target/release/examples/floor

use std::time::{Duration, Instant};

/// As the window: just past the second boundary, so a timer firing a hair early does not draw the
/// same second twice.
const TICK_MARGIN: Duration = Duration::from_millis(15);

struct Floor {
    start: Instant,
}

impl eframe::App for Floor {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let elapsed = self.start.elapsed();
        let left = 300_u64.saturating_sub(elapsed.as_secs());
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label(format!("expires in {:02}:{:02}", left / 60, left % 60));
        });
        let to_next =
            Duration::from_secs(1) - Duration::from_nanos(u64::from(elapsed.subsec_nanos()));
        ui.ctx().request_repaint_after(to_next + TICK_MARGIN);
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("sso-diag floor")
            .with_app_id("sso-diag-floor")
            .with_inner_size([980.0, 760.0]),
        // Nothing kept between runs: the floor never reads or writes a file.
        persist_window: false,
        ..Default::default()
    };
    eframe::run_native(
        "sso-diag-floor",
        options,
        Box::new(|_| {
            Ok(Box::new(Floor {
                start: Instant::now(),
            }))
        }),
    )
}
