//! Driving the window through egui_kittest as a user would: by label, with bounded waits for the
//! background thread instead of sleeps.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::OutputCommand;
use egui::{FallbackRequest, FontData, FontInsert, FontPriority, FontProvider, InsertFontFamily};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sso_diag::i18n::Lang;
use sso_diag::ui::fonts::FontSource;
use sso_diag::ui::{Launch, SsoDiagApp};

pub type Window = Harness<'static, SsoDiagApp>;

/// The window at `size`, in English unless `launch` says otherwise, drawing Chinese (a tenant's
/// user names, the Chinese UI) with the font the repository carries — never this machine's, so the
/// tests pass where no CJK font is installed. Widgets scrolled out of view are not in the
/// accessibility tree (as for a screen reader), so tests that read far down the page use a tall
/// window.
pub fn window(launch: Launch, size: [f32; 2]) -> Window {
    build(launch, size, Arc::new(TestCjkFont), None, false)
}

/// As [`window`], on a machine without any font for Chinese.
pub fn window_without_cjk_font(launch: Launch, size: [f32; 2]) -> Window {
    build(launch, size, Arc::new(NoFonts), None, false)
}

/// As [`window`], keeping its settings and profiles in `data_dir` and starting from what an
/// earlier window kept there; in the language it remembered unless `launch` names one.
pub fn window_restored(mut launch: Launch, size: [f32; 2], data_dir: &std::path::Path) -> Window {
    launch.data_dir = Some(data_dir.to_owned());
    build(launch, size, Arc::new(TestCjkFont), None, true)
}

/// As [`window_restored`], where a release before `settings.json` left its settings in eframe's
/// storage.
pub fn window_with_legacy_storage(
    mut launch: Launch,
    size: [f32; 2],
    data_dir: &std::path::Path,
    storage: MemoryStorage,
) -> Window {
    launch.data_dir = Some(data_dir.to_owned());
    build(launch, size, Arc::new(TestCjkFont), Some(storage), true)
}

/// Every file the window keeps in `data_dir`, as one text, to search it.
pub fn kept_text(data_dir: &std::path::Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(data_dir).expect("data dir").flatten() {
        if entry.path().is_file() {
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(entry.path()).expect("read"),
            ));
        }
    }
    text
}

fn build(
    mut launch: Launch,
    size: [f32; 2],
    fonts: Arc<dyn FontProvider>,
    storage: Option<MemoryStorage>,
    restored: bool,
) -> Window {
    if !restored {
        launch.lang.get_or_insert(Lang::En);
    }
    launch.fonts = FontSource::Given(fonts);
    Harness::builder().with_size(size).build_eframe(move |cc| {
        let storage = storage.as_ref().map(|s| s as &dyn eframe::Storage);
        SsoDiagApp::new(&cc.egui_ctx, storage, launch)
    })
}

/// A subset of Noto Sans CJK SC (OFL-1.1, tests/fonts/README.md): every GB2312 character and
/// every character of the Chinese messages.
static TEST_CJK_FONT: &[u8] = include_bytes!("../fonts/NotoSansSC-subset.otf");

/// Finds the test font for Chinese characters, as the system's provider does at run time.
struct TestCjkFont;

impl FontProvider for TestCjkFont {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        let cjk = matches!(
            c as u32,
            0x2000..=0x206F | 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF
        );
        // One name per family: egui keeps a single family list per font name, so the same name
        // offered for Monospace after Proportional would never reach Monospace.
        cjk.then(|| FontInsert {
            name: format!("sso-diag test CJK ({:?})", request.family),
            data: FontData::from_static(TEST_CJK_FONT),
            families: vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        })
    }
}

/// A machine with no font beyond egui's own.
struct NoFonts;

impl FontProvider for NoFonts {
    fn font_for(&self, _: &FallbackRequest<'_>) -> Option<FontInsert> {
        None
    }
}

/// Steps the window until `done` holds, for at most 10 s; background work runs on its own thread.
pub fn step_until(h: &mut Window, what: &str, done: impl Fn(&Window) -> bool) {
    step_until_within(h, Duration::from_secs(10), what, done);
}

/// As [`step_until`], for at most `limit`: for what takes its own time (a watch's timeout).
pub fn step_until_within(
    h: &mut Window,
    limit: Duration,
    what: &str,
    done: impl Fn(&Window) -> bool,
) {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        h.step();
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!(
        "timed out waiting for {what}; the window shows:\n{}",
        all_text(h)
    );
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

/// Picks `name` in the header's profile list, as a user does (opening the list if it is closed).
#[allow(dead_code)]
pub fn choose_profile(h: &mut Window, name: &str) {
    h.get_by_label("Profile").click_accesskit();
    settle(h);
    if h.query_by_label(name).is_none() {
        // It was open already: the click closed it.
        h.get_by_label("Profile").click_accesskit();
        settle(h);
    }
    h.get_by_label(name).click_accesskit();
    settle(h);
    assert_eq!(h.get_by_label("Profile").value().as_deref(), Some(name));
}

/// A home of its own with a Downloads folder, where the window saves what the user hands over.
/// Sets `$HOME` for the whole test process: only for a test binary whose other tests ignore it.
#[allow(dead_code)]
pub fn downloads_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("home");
    std::fs::create_dir(home.path().join("Downloads")).expect("downloads");
    // SAFETY: set before the window under test starts its threads; see above.
    unsafe { std::env::set_var("HOME", home.path()) };
    home
}

/// The files saved in `home`'s Downloads whose names end with `extension`.
#[allow(dead_code)]
pub fn saved_in_downloads(home: &std::path::Path, extension: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(home.join("Downloads"))
        .expect("downloads")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(extension))
        .collect()
}
