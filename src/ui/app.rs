//! The window's state and its frame loop: take in background results and key presses, draw the
//! panels, act on what they return. Never blocks, never awaits: all I/O goes through the worker.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::attempt::{Attempt, AttemptOutcome, Running};
use super::clock::Clock;
use super::form::{Form, tidy_token};
use super::launch::Launch;
use super::panels::{self, Intent, TokenField};
use super::settings::{STORAGE_KEY, Settings};
use super::worker::{Worker, WorkerEvent};
use crate::ciam::{CiamError, TenantUrl};
use crate::mock::MockTenant;
use crate::ticket::Ticket;

/// Device detection with no tenant yet looks up the default route (RFC 5737 documentation
/// address; nothing is sent).
const ANY_ROUTE: &str = "https://192.0.2.1";
const NOTICE_FOR: Duration = Duration::from_secs(3);
const TICK_MARGIN: Duration = Duration::from_millis(15);

pub struct SsoDiagApp {
    form: Form,
    worker: Option<Worker>,
    clock: Clock,
    next_id: u64,
    running: Option<Running>,
    last: Option<Attempt>,
    /// The tenant the device was last detected for.
    detected_for: Option<String>,
    notice: Option<(String, Instant)>,
    /// Settings are remembered only outside the demo, whose domain is a throwaway port.
    persist: bool,
    demo: Option<MockTenant>,
}

impl SsoDiagApp {
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, launch: Launch) -> Self {
        let is_demo = launch.demo.is_some();
        let settings: Settings = storage
            .filter(|_| !is_demo)
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut form = Form::from_settings(&settings);
        if let Some(d) = launch.domain {
            form.domain = d;
        }
        if let Some(t) = launch.tenant_id {
            form.tenant_id = t;
        }
        if let Some(c) = launch.client_id {
            form.client_id = c;
        }
        form.apply_overrides(&launch.overrides);
        form.access_token = launch.access_token.unwrap_or_default();
        form.session_token = launch.session_token.unwrap_or_default();
        tidy_token(&mut form.access_token);
        tidy_token(&mut form.session_token);

        let (worker, notice) = match Worker::new(ctx.clone()) {
            Ok(w) => (Some(w), None),
            Err(e) => (
                None,
                Some((
                    format!("Could not start the network thread: {e}"),
                    launch.clock.now() + Duration::from_secs(3600),
                )),
            ),
        };
        Self {
            form,
            worker,
            clock: launch.clock,
            next_id: 0,
            running: None,
            last: None,
            detected_for: None,
            notice,
            persist: !is_demo,
            demo: launch.demo,
        }
    }

    fn handle_events(&mut self) {
        let Some(worker) = self.worker.as_mut() else {
            return;
        };
        for event in worker.poll() {
            match event {
                WorkerEvent::DeviceDetected { tenant, profile } => {
                    if self.detected_for.as_deref() == Some(tenant.as_str()) {
                        self.form.device.apply_detected(*profile);
                    }
                }
                WorkerEvent::Exchanged {
                    id,
                    outcome,
                    received_at,
                    received_wall,
                } => {
                    // A result for a cancelled or superseded exchange is dropped here.
                    if self.running.as_ref().is_none_or(|r| r.id != id) {
                        continue;
                    }
                    self.running = None;
                    let round_trip = outcome.record.elapsed;
                    let result = match outcome.result {
                        Ok(grant) => AttemptOutcome::Ticket {
                            ticket: Ticket::new(
                                grant.sso_ticket,
                                grant.expire_secs,
                                received_at,
                                received_wall,
                            ),
                            round_trip,
                        },
                        Err(e) => AttemptOutcome::Failed(e),
                    };
                    self.last = Some(Attempt {
                        record: Some(outcome.record).filter(|r| !r.request.url.is_empty()),
                        outcome: result,
                        finished: received_wall,
                    });
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

    fn start_exchange(&mut self) {
        if self.running.is_some() {
            return;
        }
        let now = self.clock.now();
        match self.form.to_request() {
            Ok((tenant, options, request)) => {
                let Some(worker) = self.worker.as_mut() else {
                    return;
                };
                self.next_id += 1;
                worker.start_exchange(self.next_id, tenant, options, request);
                self.running = Some(Running {
                    id: self.next_id,
                    started: now,
                });
                self.last = None;
            }
            Err(error) => self.fail_before_sending(error),
        }
    }

    fn fail_before_sending(&mut self, error: CiamError) {
        self.last = Some(Attempt {
            record: None,
            outcome: AttemptOutcome::Failed(error),
            finished: OffsetDateTime::now_utc(),
        });
    }

    fn cancel(&mut self) {
        let Some(run) = self.running.take() else {
            return;
        };
        if let Some(worker) = self.worker.as_mut() {
            worker.cancel();
        }
        self.last = Some(Attempt {
            record: None,
            outcome: AttemptOutcome::Cancelled {
                after: self.clock.now().saturating_duration_since(run.started),
            },
            finished: OffsetDateTime::now_utc(),
        });
    }

    fn paste(&mut self, field: TokenField) {
        let text = arboard::Clipboard::new().and_then(|mut c| c.get_text());
        match text {
            Ok(mut text) => {
                tidy_token(&mut text);
                let (target, name) = match field {
                    TokenField::Access => (&mut self.form.access_token, "Access token"),
                    TokenField::Session => (&mut self.form.session_token, "Session token"),
                };
                let len = text.chars().count();
                *target = text;
                self.show_notice(format!("{name} pasted ({len} chars)"));
            }
            Err(e) => self.show_notice(format!("Could not read the clipboard: {e}")),
        }
    }

    fn show_notice(&mut self, text: String) {
        self.notice = Some((text, self.clock.now() + NOTICE_FOR));
    }

    fn act(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Exchange => self.start_exchange(),
            Intent::Cancel => self.cancel(),
            Intent::Paste(field) => self.paste(field),
            Intent::Copy { text, what } => {
                ctx.copy_text(text);
                self.show_notice(format!("{what} copied to the clipboard"));
            }
        }
    }

    /// Ctrl+Enter anywhere runs the exchange; Esc cancels it.
    fn shortcuts(&self, ctx: &egui::Context) -> Option<Intent> {
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter) {
                Some(Intent::Exchange)
            } else if self.running.is_some()
                && i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
            {
                Some(Intent::Cancel)
            } else {
                None
            }
        })
    }

    /// Wake up when something on screen will change, and not before: the countdown's next second,
    /// the notice's end. A running exchange repaints through its spinner.
    fn schedule_repaint(&self, ctx: &egui::Context, now: Instant) {
        let mut next: Option<Duration> = None;
        if let Some(Attempt {
            outcome: AttemptOutcome::Ticket { ticket, .. },
            ..
        }) = &self.last
        {
            // Just past the second boundary: a timer that fires a hair early would otherwise draw
            // the same second again, then ask for another frame a moment later.
            next = ticket.until_next_tick(now).map(|d| d + TICK_MARGIN);
        }
        if let Some((_, until)) = &self.notice {
            let left = until.saturating_duration_since(now);
            next = Some(next.map_or(left, |n| n.min(left)));
        }
        if let Some(after) = next {
            ctx.request_repaint_after(after);
        }
    }
}

impl eframe::App for SsoDiagApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_events();
        let now = self.clock.now();
        if self.notice.as_ref().is_some_and(|(_, until)| *until <= now) {
            self.notice = None;
        }
        let mut intents: Vec<Intent> = self.shortcuts(&ctx).into_iter().collect();

        egui::Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.heading(egui::RichText::new("sso-diag").strong());
                ui.label("SSO ticket diagnostics");
                if let Some(mock) = &self.demo {
                    ui.label(
                        egui::RichText::new("DEMO · mock tenant").color(super::theme::warn(ui)),
                    )
                    .on_hover_text(format!(
                        "A mock tenant runs inside this window at {}",
                        mock.url()
                    ));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    theme_picker(ui);
                });
            });
            ui.add_space(2.0);
        });

        let mut domain_focused = false;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    domain_focused = panels::tenant::show(ui, &mut self.form);
                    intents.extend(panels::credentials::show(ui, &mut self.form));
                    ui.add_space(6.0);
                    intents.extend(panels::device::show(ui, &mut self.form.device));
                    let notice = self.notice.as_ref().map(|(t, _)| t.as_str());
                    intents.extend(panels::run_bar::show(
                        ui,
                        self.running.as_ref(),
                        now,
                        notice,
                    ));
                    ui.separator();
                    intents.extend(panels::result::show(ui, self.last.as_ref(), now));
                    panels::inspector::show(ui, self.last.as_ref().and_then(|a| a.record.as_ref()));
                });
        });

        for intent in intents {
            self.act(&ctx, intent);
        }
        self.detect_device_if_needed(domain_focused);
        self.schedule_repaint(&ctx, now);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, STORAGE_KEY, &self.form.settings());
        }
    }
}

/// System / Light / Dark, as words: egui's own switch uses symbols that not every font has.
fn theme_picker(ui: &mut egui::Ui) {
    use egui::ThemePreference;
    let mut pref = ui.ctx().options(|o| o.theme_preference);
    let before = pref;
    // Right-to-left layout: added in reverse.
    ui.selectable_value(&mut pref, ThemePreference::Dark, "Dark");
    ui.selectable_value(&mut pref, ThemePreference::Light, "Light");
    ui.selectable_value(&mut pref, ThemePreference::System, "System");
    ui.weak("Theme");
    if pref != before {
        ui.ctx().set_theme(pref);
    }
}
