//! The window's frame loop: take in background results and key presses, draw the panels
//! (`layout.rs`), act on what they return (`commands.rs`), and sleep until something on screen
//! will change (`repaint.rs`). Never blocks, never awaits: all network I/O goes through the worker.

use std::time::Duration;

use super::app_parts::{Background, Cases, KeptState, View};
use super::fonts::Fonts;
use super::form::Form;
use super::launch::Launch;
use super::panels::Intent;
use super::session::Session;
use super::watching::Watching;
use super::worker::Worker;
use crate::i18n::Lang;
use crate::tr;

pub struct SsoDiagApp {
    /// What the user typed.
    pub(super) form: Form,
    /// This session's calls: the history, the verdict on screen, the call in flight.
    pub(super) session: Session,
    pub(super) watching: Watching,
    pub(super) cases: Cases,
    pub(super) background: Background,
    pub(super) kept: KeptState,
    pub(super) view: View,
}

impl SsoDiagApp {
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, launch: Launch) -> Self {
        let data_dir = launch.data_dir.clone().filter(|_| launch.demo.is_none());
        let launch_case = launch.open_case.clone();
        let super::restore::Restored {
            mut form,
            profiles,
            notices: file_notices,
            settings_read_only,
            look,
        } = super::restore::load(data_dir.as_deref(), storage, launch.profile.as_deref());
        look.apply(ctx);
        launch.fill(&mut form);
        let lang = launch
            .lang
            .or(form.chosen_lang)
            .unwrap_or_else(crate::i18n::from_system);
        let fonts = Fonts::install(ctx, launch.fonts.clone());
        let (worker, notice) = match Worker::new(ctx.clone()) {
            Ok(w) => (Some(w), None),
            Err(e) => (
                None,
                Some((
                    tr!(lang, "ui-network-thread-failed", error = e.to_string()),
                    launch.clock.now() + Duration::from_secs(3600),
                )),
            ),
        };
        let mut app = Self {
            form,
            session: Session::default(),
            watching: Watching::default(),
            cases: Cases::default(),
            background: Background {
                worker,
                keychain: None,
                detected_for: None,
                demo: launch.demo,
                watch_on_start: launch.watch.then(|| launch.watch_every.unwrap_or(0.5)),
            },
            kept: KeptState {
                data_dir,
                saved_settings: None,
                settings_read_only,
                profiles,
                file_notices,
            },
            view: View {
                clock: launch.clock,
                notice,
                clipboard: None,
                lang,
                fonts,
                titled: None,
                first_frame_logged: false,
                results_shown: 0,
                look,
                keys_help: false,
                focus_exchange: false,
                last_focus: None,
            },
        };
        if let Some(worker) = &app.background.worker {
            worker.probe_keychain();
        }
        app.recall_secrets();
        if let Some(path) = &launch_case {
            app.open_case(path);
        }
        app.place_first_focus();
        app
    }

    /// The language to draw in: the chosen one, unless no font on this machine can draw it.
    pub(super) fn shown_lang(&self) -> Lang {
        match self.view.lang {
            Lang::ZhCn if !self.view.fonts.has_chinese() => Lang::En,
            lang => lang,
        }
    }

    /// From the next frame on, everything is drawn in `lang`; the ticket, the history and the
    /// form stay as they are. Remembered for the next start.
    pub(super) fn switch_lang(&mut self, lang: Lang) {
        self.view.lang = lang;
        self.form.chosen_lang = Some(lang);
    }

    /// The window's title in the language shown, set again only when that changes; and the
    /// window's name in the accessibility tree, every frame (the tree is built anew each one).
    fn title(&mut self, ctx: &egui::Context) {
        let shown = self.shown_lang();
        let title = tr!(shown, "ui-window-title");
        super::a11y::name_window(ctx, &title);
        if self.view.titled != Some(shown) {
            self.view.titled = Some(shown);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
    }
}

impl eframe::App for SsoDiagApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // One line a frame at trace level: how dist/bench.sh and a curious user count repaints.
        tracing::trace!(target: "sso_diag::frame", "frame");
        self.handle_events();
        let now = self.view.clock.now();
        if self
            .view
            .notice
            .as_ref()
            .is_some_and(|(_, until)| *until <= now)
        {
            self.view.notice = None;
        }
        self.watching.refresh();
        // Ctrl+Plus / Ctrl+Minus / Ctrl+0 (egui's own keys): remembered with the settings.
        self.view.look.zoom = ctx.zoom_factor();
        super::lang::set(&ctx, self.shown_lang());
        self.title(&ctx);
        let mut intents: Vec<Intent> = self.shortcuts(&ctx);
        let domain_focused = self.draw(ui, now, &mut intents);
        for intent in intents {
            self.act(&ctx, intent);
        }
        self.detect_device_if_needed(domain_focused);
        self.watch_once_detected(&ctx);
        self.schedule_repaint(&ctx, now);
        if !self.view.first_frame_logged {
            self.view.first_frame_logged = true;
            if let Some(t) = crate::clock::since_process_start() {
                // dist/bench.sh reads this line.
                tracing::info!(ms = t.as_secs_f64() * 1000.0, "first frame laid out");
            }
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_state();
    }
}
