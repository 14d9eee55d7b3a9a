//! Driving the window through egui_kittest as a user would: by label, with bounded waits for the
//! background thread instead of sleeps.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::OutputCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::ui::{Launch, SsoDiagApp};

pub type Window = Harness<'static, SsoDiagApp>;

/// The window at `size`. Widgets scrolled out of view are not in the accessibility tree (as for
/// a screen reader), so tests that read far down the page use a tall window.
pub fn window(launch: Launch, size: [f32; 2]) -> Window {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| SsoDiagApp::new(&cc.egui_ctx, None, launch))
}

/// As [`window`], with the system fonts eframe adds at run time, for text such as Chinese names.
pub fn window_with_system_fonts(launch: Launch, size: [f32; 2]) -> Window {
    Harness::builder()
        .with_size(size)
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| SsoDiagApp::new(&cc.egui_ctx, None, launch))
}

/// Steps the window until `done` holds, for at most 10 s; background work runs on its own thread.
pub fn step_until(h: &mut Window, what: &str, done: impl Fn(&Window) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        h.step();
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

/// A few frames: enough for a click's effect to be drawn and for a panel to finish opening.
pub fn settle(h: &mut Window) {
    for _ in 0..12 {
        h.step();
    }
}

pub fn shows(h: &Window, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Replaces the text of the field labelled `label`.
pub fn fill(h: &mut Window, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    settle(h);
}

/// Activates the widget labelled `label` the way a screen reader (or a click) does.
pub fn press(h: &mut Window, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.step();
}

/// Presses `label` and returns what the window put on the clipboard.
pub fn copied_by(h: &mut Window, label: &str) -> String {
    h.get_by_label(label).click_accesskit();
    for _ in 0..5 {
        h.step();
        for command in &h.output().platform_output.commands {
            if let OutputCommand::CopyText(text) = command {
                return text.clone();
            }
        }
    }
    panic!("{label} copied nothing");
}

/// Every label and value on screen, to search for secrets.
pub fn all_text(h: &Window) -> String {
    let mut out = String::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        out.push_str(&n.label().unwrap_or_default());
        out.push('\n');
        out.push_str(&n.value().unwrap_or_default());
        out.push('\n');
    }
    out
}

/// eframe's storage, in memory, to look at what would be written to disk.
#[derive(Default)]
pub struct MemoryStorage(pub HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
