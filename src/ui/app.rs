//! The window's frame loop: take in background results and key presses, draw the panels, act on
//! what they return (`commands.rs`), and sleep until something on screen will change. Never
//! blocks, never awaits: all network I/O goes through the worker.

use std::time::{Duration, Instant};

use secrecy::ExposeSecret;

use super::fonts::Fonts;
use super::form::{Form, tidy_token};
use super::lang;
use super::launch::Launch;
use super::panels::{self, Intent};
use super::profiles::Profiles;
use super::session::{Filled, Session};
use super::settings::Settings;
use super::watching::{WatchState, Watching};
use super::worker::{Worker, WorkerEvent};
use crate::ciam::TenantUrl;
use crate::clock::Clock;
use crate::device::ANY_ROUTE;
use crate::i18n::{Lang, Message};
use crate::mock::MockTenant;
use crate::ticket::Countdown;
use crate::tr;

/// Just past a second boundary: a timer that fires a hair early would otherwise draw the same
/// second again, then ask for another frame a moment later.
const TICK_MARGIN: Duration = Duration::from_millis(15);

pub struct SsoDiagApp {
    pub(super) form: Form,
    pub(super) session: Session,
    pub(super) watching: Watching,
    pub(super) worker: Option<Worker>,
    pub(super) clock: Clock,
    /// The tenant the device was last detected for.
    detected_for: Option<String>,
    pub(super) notice: Option<(String, Instant)>,
    /// Kept open: on X11 the copied ticket is served by this process for as long as it lives.
    pub(super) clipboard: Option<arboard::Clipboard>,
    /// Where settings and profiles are kept; `None` in the demo (whose domain is a throwaway
    /// port) and the tests: nothing is read or written.
    pub(super) data_dir: Option<std::path::PathBuf>,
    /// The settings as last written, so an unchanged window writes nothing.
    pub(super) saved_settings: Option<Settings>,
    /// `settings.json` could not be read nor moved aside: it is not written over.
    pub(super) settings_read_only: bool,
    pub(super) profiles: Profiles,
    /// A settings or profiles file that could not be used, and what became of it: shown until
    /// the user closes it.
    pub(super) file_notices: Vec<Message>,
    /// A colleague's case file, shown read-only instead of the form.
    pub(super) case: Option<super::case_view::OpenCase>,
    /// "Open case": the path being typed.
    pub(super) opening_case: Option<String>,
    /// Whether this machine has a keychain: `None` until the worker has looked.
    pub(super) keychain: Option<Result<(), String>>,
    first_frame_logged: bool,
    demo: Option<MockTenant>,
    /// The language the user wants; drawn in English while no font can draw it.
    pub(super) lang: Lang,
    fonts: Fonts,
    /// The language the window's title was last set in.
    titled: Option<Lang>,
    /// `--demo --watch`: start watching once the device is detected.
    watch_on_start: bool,
}

impl SsoDiagApp {
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, launch: Launch) -> Self {
        let data_dir = launch.data_dir.clone().filter(|_| launch.demo.is_none());
        let launch_case = launch.open_case.clone();
        let super::kept::Kept {
            mut form,
            profiles,
            notices: file_notices,
            settings_read_only,
        } = super::kept::load(data_dir.as_deref(), storage, launch.profile.as_deref());
        form.apply_launch(&launch);
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
            worker,
            clock: launch.clock,
            detected_for: None,
            notice,
            clipboard: None,
            data_dir,
            saved_settings: None,
            settings_read_only,
            profiles,
            file_notices,
            keychain: None,
            case: None,
            opening_case: None,
            first_frame_logged: false,
            demo: launch.demo,
            lang,
            fonts,
            titled: None,
            watch_on_start: launch.watch,
        };
        if let Some(worker) = &app.worker {
            worker.probe_keychain();
        }
        app.recall_secrets();
        if let Some(path) = &launch_case {
            app.open_case(path);
        }
        app
    }

    /// The language to draw in: the chosen one, unless no font on this machine can draw it.
    pub(super) fn shown_lang(&self) -> Lang {
        match self.lang {
            Lang::ZhCn if !self.fonts.has_chinese() => Lang::En,
            lang => lang,
        }
    }

    /// From the next frame on, everything is drawn in `lang`; the ticket, the history and the
    /// form stay as they are. Remembered for the next start.
    pub(super) fn switch_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.form.chosen_lang = Some(lang);
    }

    fn handle_events(&mut self) {
        let Some(worker) = self.worker.as_mut() else {
            return;
        };
        let events = worker.poll();
        for event in events {
            match event {
                WorkerEvent::DeviceDetected { tenant, profile } => {
                    if self.detected_for.as_deref() == Some(tenant.as_str()) {
                        self.form.device.apply_detected(*profile);
                    }
                }
                WorkerEvent::WatchAttempt(attempt) => self.watching.add(*attempt),
                WorkerEvent::KeychainStatus(status) => self.keychain = Some(status),
                WorkerEvent::Keychain(done) => self.keychain_done(*done),
                WorkerEvent::WatchEnded(refused) => {
                    self.watching.state = WatchState::Finished;
                    self.watching.refused = refused;
                }
                WorkerEvent::Done {
                    id,
                    result,
                    received_at,
                    received_wall,
                } => {
                    let filled = self.session.finish(id, *result, received_at, received_wall);
                    match filled {
                        Some(Filled::AccessToken(grant)) => {
                            self.form.access_token.text =
                                grant.access_token.expose_secret().to_owned();
                            self.form.access_token_expiry =
                                grant.expires_in.map(|s| Countdown::new(s, received_at));
                            self.form.id_token = grant.id_token;
                        }
                        Some(Filled::SessionToken { token, id_token }) => {
                            self.form.session_token.text = token.expose_secret().to_owned();
                            self.form.id_token = id_token;
                            self.form.password.clear();
                        }
                        None => {}
                    }
                }
            }
        }
    }

    /// Detect the device for the tenant in the domain field, once it is settled.
    fn detect_device_if_needed(&mut self, domain_focused: bool) {
        if domain_focused {
            return;
        }
        let target = TenantUrl::parse(&self.form.domain)
            .or_else(|_| TenantUrl::parse(ANY_ROUTE))
            .ok();
        let Some(target) = target else { return };
        let key = target.to_string();
        if self.detected_for.as_deref() == Some(key.as_str()) {
            return;
        }
        if let Some(worker) = &self.worker {
            worker.detect_device(target);
            self.detected_for = Some(key);
        }
    }

    /// Wake up when something on screen will change, and not before: a countdown's next second,
    /// the notice's end. A running call repaints through its spinner.
    fn schedule_repaint(&self, ctx: &egui::Context, now: Instant) {
        let jwt_tick = panels::credentials::shows_jwt_countdown(&self.form).then(|| {
            // Unix-second resolution: the next whole second of the wall clock.
            let sub = time::OffsetDateTime::now_utc().nanosecond();
            Duration::from_nanos(u64::from(1_000_000_000 - sub))
        });
        let ticks = [
            self.session.next_tick(now),
            self.form
                .access_token_expiry
                .and_then(|c| c.until_next_tick(now)),
            jwt_tick,
        ];
        let notice_end = self
            .notice
            .as_ref()
            .map(|(_, until)| until.saturating_duration_since(now));
        let next = ticks
            .into_iter()
            .flatten()
            .map(|d| d + TICK_MARGIN)
            .chain(notice_end)
            .min();
        if let Some(after) = next {
            ctx.request_repaint_after(after);
        }
    }
}

impl eframe::App for SsoDiagApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // One line a frame at trace level: how dist/bench.sh and a curious user count repaints.
        tracing::trace!(target: "sso_diag::frame", "frame");
        self.handle_events();
        let now = self.clock.now();
        if self.notice.as_ref().is_some_and(|(_, until)| *until <= now) {
            self.notice = None;
        }
        self.watching.refresh();
        let shown = self.shown_lang();
        lang::set(&ctx, shown);
        if self.titled != Some(shown) {
            self.titled = Some(shown);
            let title = tr!(shown, "ui-window-title");
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
        let mut intents: Vec<Intent> = self.shortcuts(&ctx);

        egui::Panel::top("header").show(ui, |ui| {
            let demo_url = self.demo.as_ref().map(MockTenant::url);
            let can_draw_chinese = self.fonts.knows_chinese() == Some(true);
            intents.extend(panels::header::show(
                ui,
                demo_url,
                self.lang,
                can_draw_chinese,
            ));
            intents.extend(panels::profiles::show(ui, &mut self.profiles));
            intents.extend(panels::header::file_notices(ui, &self.file_notices));
            ui.add_space(2.0);
        });

        egui::Panel::right("history")
            .resizable(true)
            .default_size(230.0)
            .min_size(170.0)
            .show(ui, |ui| {
                intents.extend(panels::history::show(ui, self.shown_session()));
            });

        let mut domain_focused = false;
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .first()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            intents.push(Intent::OpenCase(path));
        }
        if let Some(open) = &self.case {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        intents.extend(panels::case::show(ui, &open.path, &open.case));
                        intents.extend(panels::result::show(ui, &open.session, now));
                        let inspected = open
                            .session
                            .inspected(|e| e.http_record().is_some())
                            .and_then(|e| panels::inspector::Inspected::of_entry(e, lang::of(ui)));
                        panels::inspector::show(ui, inspected);
                    });
            });
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        domain_focused = panels::tenant::show(ui, &mut self.form);
                        let busy = self.session.running.is_some();
                        intents.extend(panels::credentials::show(ui, &mut self.form, now, busy));
                        let keychain = panels::get_tokens::KeychainView {
                            status: self.keychain.as_ref(),
                            profile: self.profiles.current.as_deref(),
                            remembered: self
                                .profiles
                                .current_profile()
                                .map(|p| p.remembered)
                                .unwrap_or_default(),
                        };
                        intents.extend(panels::get_tokens::show(
                            ui,
                            &mut self.form,
                            busy,
                            &keychain,
                        ));
                        intents.extend(panels::handed_ticket::show(ui, &mut self.form, busy));
                        ui.add_space(4.0);
                        intents.extend(panels::device::show(ui, &mut self.form.device));
                        let notice = self.notice.as_ref().map(|(t, _)| t.as_str());
                        let running = self.session.running.as_ref();
                        intents.extend(panels::run_bar::show(ui, running, now, notice));
                        if let Some(path) = self.opening_case.as_mut() {
                            intents.extend(panels::case::open_row(ui, path));
                        }
                        intents.extend(panels::watch::show(
                            ui,
                            &mut self.watching,
                            running.is_some(),
                        ));
                        ui.separator();
                        intents.extend(panels::result::show(ui, &self.session, now));
                        let inspected = match self.watching.selected_attempt() {
                            Some(attempt) => {
                                panels::inspector::Inspected::of_attempt(attempt, lang::of(ui))
                            }
                            None => self
                                .session
                                .inspected(|e| e.http_record().is_some())
                                .and_then(|e| {
                                    panels::inspector::Inspected::of_entry(e, lang::of(ui))
                                }),
                        };
                        panels::inspector::show(ui, inspected);
                    });
            });
        }

        for intent in intents {
            self.act(&ctx, intent);
        }
        self.detect_device_if_needed(domain_focused);
        if self.watch_on_start && self.form.device.profile.is_some() {
            self.watch_on_start = false;
            // Two probes a second (allowed towards the built-in mock on this machine), and the
            // mock's hangs shown as timeouts after 5 s rather than 30.
            self.watching.settings.interval_secs = 0.5;
            self.form.timeout_secs = 5.0;
            self.act(&ctx, Intent::WatchStart);
        }
        self.schedule_repaint(&ctx, now);
        if !self.first_frame_logged {
            self.first_frame_logged = true;
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

impl Form {
    /// What the launch pre-fills, over the remembered values.
    fn apply_launch(&mut self, launch: &Launch) {
        let form = self;
        let set = |field: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                field.clone_from(v);
            }
        };
        set(&mut form.domain, &launch.domain);
        set(&mut form.tenant_id, &launch.tenant_id);
        set(&mut form.client_id, &launch.client_id);
        set(&mut form.ca_file, &launch.ca_file);
        set(&mut form.proxy, &launch.proxy);
        form.apply_overrides(&launch.overrides);
        for (field, value) in [
            (&mut form.access_token.text, &launch.access_token),
            (&mut form.session_token.text, &launch.session_token),
        ] {
            set(field, value);
            tidy_token(field);
        }
        if launch.demo.is_some() {
            form.client_id = crate::mock::demo::CLIENT_ID.to_owned();
            form.user_name = crate::mock::demo::USER_NAME.to_owned();
        }
    }
}
