//! What the worker thread reports, taken in once a frame: a detected device, a finished call, a
//! watch's attempt, the keychain's answers; and the work the window asks of it on its own (the
//! device, once the domain is settled; the demo's watch).

use secrecy::ExposeSecret;

use super::app::SsoDiagApp;
use super::panels::Intent;
use super::session::Filled;
use super::watching::WatchState;
use super::worker::WorkerEvent;
use crate::ciam::TenantUrl;
use crate::device::ANY_ROUTE;
use crate::ticket::Countdown;

impl SsoDiagApp {
    pub(super) fn handle_events(&mut self) {
        let Some(worker) = self.background.worker.as_mut() else {
            return;
        };
        for event in worker.poll() {
            match event {
                WorkerEvent::DeviceDetected { tenant, profile } => {
                    if self.background.detected_for.as_deref() == Some(tenant.as_str()) {
                        self.form.device.apply_detected(*profile);
                    }
                }
                WorkerEvent::WatchAttempt(attempt) => self.watching.add(*attempt),
                WorkerEvent::KeychainStatus(status) => self.background.keychain = Some(status),
                WorkerEvent::Keychain(done) => self.keychain_done(*done),
                WorkerEvent::CaseRead { path, result } => self.case_read(path, *result),
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
                    self.fill(filled, received_at);
                }
            }
        }
    }

    /// Puts what a finished step obtained into the form's field for it.
    fn fill(&mut self, filled: Option<Filled>, received_at: std::time::Instant) {
        match filled {
            Some(Filled::AccessToken(grant)) => {
                self.form.access_token.text = grant.access_token.expose_secret().to_owned();
                self.form.access_token_expiry =
                    grant.expires_in.map(|s| Countdown::new(s, received_at));
                self.form.id_token = grant.id_token;
            }
            Some(Filled::SessionToken {
                token,
                id_token,
                fingerprint,
            }) => {
                self.form.session_token.text = token.expose_secret().to_owned();
                self.form.session_issued_for = fingerprint.map(|fp| (token, fp));
                self.form.id_token = id_token;
                self.form.password.clear();
            }
            None => {}
        }
    }

    /// Detect the device for the tenant in the domain field, once it is settled.
    pub(super) fn detect_device_if_needed(&mut self, domain_focused: bool) {
        if domain_focused {
            return;
        }
        let target = TenantUrl::parse(&self.form.domain)
            .or_else(|_| TenantUrl::parse(ANY_ROUTE))
            .ok();
        let Some(target) = target else { return };
        let key = target.to_string();
        if self.background.detected_for.as_deref() == Some(key.as_str()) {
            return;
        }
        if let Some(worker) = &self.background.worker {
            worker.detect_device(target);
            self.background.detected_for = Some(key);
        }
    }

    /// `--watch`: the watch starts once the device is detected.
    pub(super) fn watch_once_detected(&mut self, ctx: &egui::Context) {
        if let Some(every) = self.background.watch_on_start
            && self.form.device.profile.is_some()
        {
            self.background.watch_on_start = None;
            // Two probes a second unless told (0.1 s is allowed towards the built-in mock on this
            // machine), and the mock's hangs shown as timeouts after 5 s rather than 30.
            self.watching.settings.interval_secs = every;
            self.form.timeout_secs = 5.0;
            self.act(ctx, Intent::WatchStart);
        }
    }
}
