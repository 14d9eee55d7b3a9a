//! The window's state and its frame loop: take in background results and key presses, draw the
//! panels, act on what they return. Never blocks, never awaits: all network I/O goes through the
//! worker.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use time::OffsetDateTime;

use super::attempt::{HistoryEntry, Operation, Running, TicketView, Verdict};
use super::clock::Clock;
use super::form::{Form, tidy_token};
use super::launch::Launch;
use super::panels::{self, Intent, TokenField};
use super::settings::{STORAGE_KEY, Settings};
use super::worker::{Call, Job, JobResult, Worker, WorkerEvent};
use crate::ciam::client::ApiRequest;
use crate::ciam::{CiamError, Outcome, TenantUrl, VerifyRequest};
use crate::device::ANY_ROUTE;
use crate::flow::Step;
use crate::mock::MockTenant;
use crate::report::{Report, ReportStep, ReportVerdict, curl_command};
use crate::ticket::Ticket;

const NOTICE_FOR: Duration = Duration::from_secs(4);
/// Just past a second boundary: a timer that fires a hair early would otherwise draw the same
/// second again, then ask for another frame a moment later.
const TICK_MARGIN: Duration = Duration::from_millis(15);

pub struct SsoDiagApp {
    pub(super) form: Form,
    worker: Option<Worker>,
    clock: Clock,
    next_id: u64,
    pub(super) running: Option<Running>,
    pub(super) verdict: Verdict,
    pub(super) history: Vec<HistoryEntry>,
    /// The history entry the inspector shows; the newest when `None`.
    pub(super) selected: Option<usize>,
    /// The tenant the device was last detected for.
    detected_for: Option<String>,
    notice: Option<(String, Instant)>,
    /// Settings are remembered only outside the demo, whose domain is a throwaway port.
    persist: bool,
    first_frame_logged: bool,
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
        if let Some(ca) = launch.ca_file {
            form.ca_file = ca;
        }
        if let Some(p) = launch.proxy {
            form.proxy = p;
        }
        form.access_token = launch.access_token.unwrap_or_default();
        form.session_token = launch.session_token.unwrap_or_default();
        tidy_token(&mut form.access_token);
        tidy_token(&mut form.session_token);
        if is_demo {
            form.client_id = crate::mock::demo::CLIENT_ID.to_owned();
            form.user_name = crate::mock::demo::USER_NAME.to_owned();
        }

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
            verdict: Verdict::Nothing,
            history: Vec::new(),
            selected: None,
            detected_for: None,
            notice,
            persist: !is_demo,
            first_frame_logged: false,
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
                WorkerEvent::Done {
                    id,
                    result,
                    received_at,
                    received_wall,
                } => {
                    // A result for a cancelled or superseded call is dropped here.
                    let Some(run) = self.running.take_if(|r| r.id == id) else {
                        continue;
                    };
                    self.finish(run, *result, received_at, received_wall);
                }
            }
        }
    }

    /// Records a finished call in the history and shows its verdict.
    fn finish(
        &mut self,
        run: Running,
        result: JobResult,
        received_at: Instant,
        received_wall: OffsetDateTime,
    ) {
        let duration = self.clock.now().saturating_duration_since(run.started);
        match result {
            JobResult::Check(report) => {
                let passed = report
                    .steps
                    .iter()
                    .filter(|s| s.status == crate::check::CheckStatus::Pass)
                    .count();
                self.push_history(HistoryEntry {
                    at: received_wall,
                    operation: Operation::Check,
                    status: format!("{passed} of {} passed", report.steps.len()),
                    ok: report.passed(),
                    duration,
                    record: None,
                    request: None,
                    error: None,
                    summary: if report.passed() {
                        "the network path works".into()
                    } else {
                        "a step failed".into()
                    },
                });
                self.verdict = Verdict::Check(report);
            }
            JobResult::AccessToken(outcome) => {
                let summary =
                    self.record_call(&run, &outcome, received_wall, |g| match g.expires_in {
                        Some(s) => format!("access token received, valid for {s} s"),
                        None => "access token received".into(),
                    });
                if let Ok(grant) = outcome.result {
                    use secrecy::ExposeSecret;
                    self.form.access_token = grant.access_token.expose_secret().to_owned();
                    self.form.access_token_expiry = grant.expires_in.map(|s| (received_at, s));
                    self.form.id_token = grant.id_token;
                    self.verdict = Verdict::Done(format!("Access token filled in: {summary}."));
                }
            }
            JobResult::Login(outcome) => {
                let fingerprint = self.form.device.fingerprint.value.clone();
                let summary = self.record_call(&run, &outcome, received_wall, |_| {
                    format!("session token received, bound to fingerprint {fingerprint}")
                });
                if let Ok(grant) = outcome.result {
                    use secrecy::ExposeSecret;
                    self.form.session_token = grant.session_token.expose_secret().to_owned();
                    self.form.id_token = grant.id_token;
                    self.form.password.clear();
                    self.verdict = Verdict::Done(format!("Session token filled in: {summary}."));
                }
            }
            JobResult::Exchange(outcome) => {
                let round_trip = outcome.record.elapsed;
                self.record_call(&run, &outcome, received_wall, |g| {
                    format!("ticket issued, valid for {} s", g.expire_secs)
                });
                if let Ok(grant) = outcome.result {
                    self.verdict = Verdict::Ticket(Box::new(TicketView {
                        ticket: Ticket::new(
                            grant.sso_ticket,
                            grant.expire_secs,
                            received_at,
                            received_wall,
                        ),
                        round_trip,
                        user: None,
                        redeem_error: None,
                    }));
                }
            }
            JobResult::Redeem(outcome) => {
                self.record_call(&run, &outcome, received_wall, |u| {
                    format!("redeemed: {}", u.display_name().unwrap_or("(no name)"))
                });
                if let Verdict::Ticket(view) = &mut self.verdict {
                    match outcome.result {
                        Ok(user) => view.user = Some(user),
                        Err(e) => view.redeem_error = Some(e),
                    }
                }
            }
        }
    }

    /// Adds a call to the history; on failure shows its error card. Returns the summary.
    fn record_call<T>(
        &mut self,
        run: &Running,
        outcome: &Outcome<T>,
        at: OffsetDateTime,
        describe: impl FnOnce(&T) -> String,
    ) -> String {
        let record = Some(outcome.record.clone()).filter(|r| !r.request.url.is_empty());
        let http = outcome
            .record
            .response
            .as_ref()
            .map(|r| format!("HTTP {}", r.status));
        let (status, ok, summary, error) = match &outcome.result {
            Ok(value) => (
                http.unwrap_or_else(|| "ok".into()),
                true,
                describe(value),
                None,
            ),
            Err(e) => {
                let status = match (e.status(), e.code()) {
                    (Some(s), Some(c)) => format!("HTTP {s} {c}"),
                    (Some(s), None) => format!("HTTP {s}"),
                    _ => e.kind().replace('_', " "),
                };
                (
                    status,
                    false,
                    format!("failed: {}", e.advice().title),
                    Some(e.clone()),
                )
            }
        };
        let redeem_failure = run.operation == Operation::Call(Step::Redeem);
        if let Some(e) = &error
            && !redeem_failure
        {
            self.verdict = Verdict::Failed {
                operation: run.operation,
                error: e.clone(),
            };
        }
        self.push_history(HistoryEntry {
            at,
            operation: run.operation,
            status,
            ok,
            duration: outcome.record.elapsed,
            record,
            request: run.request.clone(),
            error,
            summary: summary.clone(),
        });
        summary
    }

    fn push_history(&mut self, entry: HistoryEntry) {
        self.history.push(entry);
        self.selected = None;
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

    /// Starts `operation`: the input is checked first, and a problem is shown without sending.
    fn start(&mut self, operation: Operation) {
        if self.running.is_some() {
            return;
        }
        let prepared = self
            .prepare(operation)
            .and_then(|p| Ok((p, self.form.client_options()?)));
        let ((tenant, job, request), options) = match prepared {
            Ok(p) => p,
            Err(error) => {
                self.verdict = Verdict::Failed { operation, error };
                return;
            }
        };
        let Some(worker) = self.worker.as_mut() else {
            return;
        };
        self.next_id += 1;
        worker.start(self.next_id, tenant.clone(), options, job);
        self.running = Some(Running {
            id: self.next_id,
            operation,
            started: self.clock.now(),
            request: request.map(|r| (tenant, r)),
        });
        if operation != Operation::Call(Step::Redeem) {
            self.verdict = Verdict::Nothing;
        }
    }

    #[allow(clippy::type_complexity)]
    fn prepare(
        &self,
        operation: Operation,
    ) -> Result<(TenantUrl, Job, Option<ApiRequest>), CiamError> {
        let tenant = self.form.tenant()?;
        Ok(match operation {
            Operation::Check => (tenant, Job::Check, None),
            Operation::Call(Step::AccessToken) => {
                let (client_id, secret) = self.form.token_job()?;
                let request = crate::ciam::token::token_api_request(&client_id, &secret);
                (
                    tenant,
                    Job::Call(Call::AccessToken { client_id, secret }),
                    Some(request),
                )
            }
            Operation::Call(Step::Login) => {
                let request = self.form.login_request()?;
                let api = request.to_api_request();
                (tenant, Job::Call(Call::Login(Box::new(request))), Some(api))
            }
            Operation::Call(Step::Exchange) => {
                let (tenant, _, request) = self.form.to_request()?;
                let api = request.to_api_request();
                (
                    tenant,
                    Job::Call(Call::Exchange(Box::new(request))),
                    Some(api),
                )
            }
            Operation::Call(Step::Redeem) => {
                let Verdict::Ticket(view) = &self.verdict else {
                    return Err(CiamError::invalid_input(
                        "ticket",
                        "there is no ticket to redeem",
                    ));
                };
                let request = VerifyRequest {
                    access_token: self.form.access_token()?,
                    sso_ticket: SecretString::from(view.ticket.value.clone()),
                    tenant_id: crate::ciam::input::optional_field(
                        "X-tenant-id",
                        &self.form.tenant_id,
                    )?,
                    device: self.form.device_fields()?,
                };
                let api = request.to_api_request();
                (
                    tenant,
                    Job::Call(Call::Redeem(Box::new(request))),
                    Some(api),
                )
            }
        })
    }

    fn cancel(&mut self) {
        let Some(run) = self.running.take() else {
            return;
        };
        if let Some(worker) = self.worker.as_mut() {
            worker.cancel();
        }
        let after = self.clock.now().saturating_duration_since(run.started);
        self.push_history(HistoryEntry {
            at: OffsetDateTime::now_utc(),
            operation: run.operation,
            status: "cancelled".into(),
            ok: false,
            duration: after,
            record: None,
            request: run.request,
            error: None,
            summary: "cancelled by you".into(),
        });
        if run.operation != Operation::Call(Step::Redeem) {
            self.verdict = Verdict::Cancelled {
                operation: run.operation,
                after,
            };
        }
    }

    fn paste(&mut self, field: TokenField) {
        let text = arboard::Clipboard::new().and_then(|mut c| c.get_text());
        match text {
            Ok(mut text) => {
                let (target, name) = match field {
                    TokenField::Access => (&mut self.form.access_token, "Access token"),
                    TokenField::Session => (&mut self.form.session_token, "Session token"),
                    TokenField::ClientSecret => (&mut self.form.client_secret, "Client secret"),
                    TokenField::Password => (&mut self.form.password, "Password"),
                };
                if !matches!(field, TokenField::Password) {
                    tidy_token(&mut text);
                }
                let len = text.chars().count();
                *target = text;
                if field == TokenField::Access {
                    self.form.access_token_expiry = None;
                }
                self.show_notice(format!("{name} pasted ({len} chars)"));
            }
            Err(e) => self.show_notice(format!("Could not read the clipboard: {e}")),
        }
    }

    fn show_notice(&mut self, text: String) {
        self.notice = Some((text, self.clock.now() + NOTICE_FOR));
    }

    /// The report of this session's latest call of each step, redacted.
    pub(super) fn report_markdown(&self) -> Option<String> {
        let mut latest: Vec<&HistoryEntry> = Vec::new();
        for step in [Step::AccessToken, Step::Login, Step::Exchange, Step::Redeem] {
            if let Some(e) = self
                .history
                .iter()
                .rev()
                .find(|e| e.operation == Operation::Call(step) && e.record.is_some())
            {
                latest.push(e);
            }
        }
        if latest.is_empty() {
            return None;
        }
        latest.sort_by_key(|e| e.at);
        let last = latest.last()?;
        let verdict = match &last.error {
            Some(error) => ReportVerdict::Failure {
                step: last.operation.title().into(),
                error: error.clone(),
            },
            None => ReportVerdict::Success(match &self.verdict {
                Verdict::Ticket(view) => match &view.user {
                    Some(u) => format!(
                        "Ticket issued and redeemed for {}",
                        u.display_name().unwrap_or("the user")
                    ),
                    None => "Ticket issued".into(),
                },
                _ => format!("{}: {}", last.operation.title(), last.summary),
            }),
        };
        let d = &self.form.device;
        let source = |f: &super::form::DeviceField| {
            if f.is_detected() {
                "detected"
            } else {
                "set by the user"
            }
            .to_owned()
        };
        let report = Report {
            tenant: self
                .form
                .tenant()
                .map(|t| t.to_string())
                .unwrap_or_else(|_| self.form.domain.clone()),
            device: vec![
                (
                    "OS version".into(),
                    d.os_version.value.clone(),
                    source(&d.os_version),
                ),
                (
                    "device IP".into(),
                    d.device_ip.value.clone(),
                    source(&d.device_ip),
                ),
                (
                    "fingerprint".into(),
                    d.fingerprint.value.clone(),
                    source(&d.fingerprint),
                ),
                ("agent".into(), d.agent.value.clone(), source(&d.agent)),
            ],
            os_name: d
                .profile
                .as_ref()
                .map(|p| p.os_name.clone())
                .unwrap_or_else(|| std::env::consts::OS.into()),
            steps: latest
                .iter()
                .map(|e| ReportStep {
                    title: e.operation.title().into(),
                    summary: e.summary.clone(),
                    record: e.record.clone(),
                })
                .collect(),
            verdict,
        };
        let mut redactor = self.form.redactor();
        if let Verdict::Ticket(view) = &self.verdict {
            redactor.add("ticket", &SecretString::from(view.ticket.value.clone()));
        }
        Some(report.to_markdown(OffsetDateTime::now_utc(), &redactor))
    }

    /// The selected (or newest) call's request as curl.
    pub(super) fn curl(&self) -> Option<String> {
        let entry = self.inspected_entry_with(|e| e.request.is_some())?;
        let (base, request) = entry.request.as_ref()?;
        Some(curl_command(base, request))
    }

    pub(super) fn inspected_entry_with(
        &self,
        want: impl Fn(&HistoryEntry) -> bool,
    ) -> Option<&HistoryEntry> {
        match self.selected {
            Some(i) => self.history.get(i).filter(|e| want(e)),
            None => self.history.iter().rev().find(|e| want(e)),
        }
    }

    fn save_report(&mut self) {
        let Some(markdown) = self.report_markdown() else {
            self.show_notice("Nothing to report yet: run a step first.".into());
            return;
        };
        let folder = std::env::home_dir()
            .map(|h| {
                if h.join("Downloads").is_dir() {
                    h.join("Downloads")
                } else {
                    h
                }
            })
            .unwrap_or_else(std::env::temp_dir);
        let now = OffsetDateTime::now_utc();
        let name = format!(
            "sso-diag-report-{:04}{:02}{:02}-{:02}{:02}{:02}.md",
            now.year(),
            u8::from(now.month()),
            now.day(),
            now.hour(),
            now.minute(),
            now.second()
        );
        let path = folder.join(name);
        // A few kilobytes the user asked for: the one disk write the window makes itself.
        match std::fs::write(&path, markdown) {
            Ok(()) => self.show_notice(format!("Report saved to {}", path.display())),
            Err(e) => self.show_notice(format!(
                "Could not save the report to {}: {e}",
                path.display()
            )),
        }
    }

    fn act(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Run(operation) => self.start(operation),
            Intent::Cancel => self.cancel(),
            Intent::Paste(field) => self.paste(field),
            Intent::Copy { text, what } => {
                ctx.copy_text(text);
                self.show_notice(format!("{what} copied to the clipboard"));
            }
            Intent::CopyReport => match self.report_markdown() {
                Some(md) => {
                    ctx.copy_text(md);
                    self.show_notice("Report copied to the clipboard (secrets redacted)".into());
                }
                None => self.show_notice("Nothing to report yet: run a step first.".into()),
            },
            Intent::SaveReport => self.save_report(),
            Intent::CopyCurl => match self.curl() {
                Some(cmd) => {
                    ctx.copy_text(cmd);
                    self.show_notice(
                        "curl command copied (tokens as $SSO_DIAG_… variables)".into(),
                    );
                }
                None => self.show_notice("No request to copy yet.".into()),
            },
            Intent::Select(i) => self.selected = Some(i),
            Intent::AccessTokenEdited => self.form.access_token_expiry = None,
        }
    }

    /// Ctrl+Enter anywhere runs the exchange; Esc cancels what is running.
    fn shortcuts(&self, ctx: &egui::Context) -> Option<Intent> {
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter) {
                Some(Intent::Run(Operation::Call(Step::Exchange)))
            } else if self.running.is_some()
                && i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
            {
                Some(Intent::Cancel)
            } else {
                None
            }
        })
    }

    /// Wake up when something on screen will change, and not before: a countdown's next second,
    /// the notice's end. A running call repaints through its spinner.
    fn schedule_repaint(&self, ctx: &egui::Context, now: Instant) {
        let mut next: Option<Duration> = None;
        let mut sooner = |d: Option<Duration>| {
            if let Some(d) = d {
                next = Some(next.map_or(d, |n: Duration| n.min(d)));
            }
        };
        if let Verdict::Ticket(view) = &self.verdict
            && view.user.is_none()
        {
            sooner(view.ticket.until_next_tick(now).map(|d| d + TICK_MARGIN));
        }
        if let Some((at, secs)) = self.form.access_token_expiry {
            let t = Ticket::new(String::new(), secs, at, OffsetDateTime::UNIX_EPOCH);
            sooner(t.until_next_tick(now).map(|d| d + TICK_MARGIN));
        }
        if panels::credentials::shows_jwt_countdown(&self.form) {
            // Unix-second resolution: the next whole second of the wall clock.
            let sub = OffsetDateTime::now_utc().nanosecond();
            sooner(Some(
                Duration::from_nanos(u64::from(1_000_000_000 - sub)) + TICK_MARGIN,
            ));
        }
        if let Some((_, until)) = &self.notice {
            sooner(Some(until.saturating_duration_since(now)));
        }
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

        egui::Panel::right("history")
            .resizable(true)
            .default_size(230.0)
            .min_size(170.0)
            .show(ui, |ui| {
                intents.extend(panels::history::show(ui, &self.history, self.selected));
            });

        let mut domain_focused = false;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    domain_focused = panels::tenant::show(ui, &mut self.form);
                    intents.extend(panels::credentials::show(ui, &mut self.form, now));
                    intents.extend(panels::helpers::show(
                        ui,
                        &mut self.form,
                        self.running.is_some(),
                    ));
                    ui.add_space(4.0);
                    intents.extend(panels::device::show(ui, &mut self.form.device));
                    let notice = self.notice.as_ref().map(|(t, _)| t.as_str());
                    intents.extend(panels::run_bar::show(
                        ui,
                        self.running.as_ref(),
                        now,
                        notice,
                    ));
                    ui.separator();
                    intents.extend(panels::result::show(
                        ui,
                        &self.verdict,
                        self.running.as_ref(),
                        now,
                    ));
                    let entry = self.inspected_entry_with(|e| e.record.is_some());
                    panels::inspector::show(ui, entry);
                });
        });

        for intent in intents {
            self.act(&ctx, intent);
        }
        self.detect_device_if_needed(domain_focused);
        self.schedule_repaint(&ctx, now);
        if !self.first_frame_logged {
            self.first_frame_logged = true;
            if let Some(t) = super::clock::since_process_start() {
                // dist/bench.sh reads this line.
                tracing::info!(ms = t.as_secs_f64() * 1000.0, "first frame laid out");
            }
        }
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
