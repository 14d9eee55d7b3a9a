//! Where each part of the window goes: the header and the profile bar on top, the history on the
//! right, and in the middle the form with its results — or a colleague's case, read-only. Each
//! panel returns what the user asked for; nothing here acts on it.

use std::time::Instant;

use super::app::SsoDiagApp;
use super::lang;
use super::panels::{self, Intent};
use crate::mock::MockTenant;

/// Narrower than this (in points, after zoom), the History is a fold-out, not a panel.
const NARROW: f32 = 760.0;

impl SsoDiagApp {
    /// Draws the window, adding the user's intents; whether the domain field has the focus (the
    /// device is detected for a domain once it is settled).
    pub(super) fn draw(
        &mut self,
        ui: &mut egui::Ui,
        now: Instant,
        intents: &mut Vec<Intent>,
    ) -> bool {
        let header = egui::Panel::top("header").show(ui, |ui| {
            let demo_url = self.background.demo.as_ref().map(MockTenant::url);
            let can_draw_chinese = self.view.fonts.knows_chinese() == Some(true);
            let (lang, theme) = (self.view.lang, self.view.look.theme);
            intents.extend(panels::header::show(
                ui,
                demo_url,
                lang,
                can_draw_chinese,
                theme,
            ));
            intents.extend(panels::profiles::show(ui, &mut self.kept.profiles));
            intents.extend(panels::header::file_notices(ui, &self.kept.file_notices));
            ui.add_space(2.0);
        });

        // Narrow (a small window, or zoomed in): the History folds out below the form instead,
        // and the form keeps the whole width.
        let narrow = ui.available_width() < NARROW;
        let history = (!narrow).then(|| {
            egui::Panel::right("history")
                .resizable(true)
                .default_size(230.0)
                .min_size(170.0)
                .show(ui, |ui| {
                    intents.extend(panels::history::show(ui, self.shown_session()));
                })
                .response
                .rect
        });

        let dropped = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .first()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            intents.push(Intent::OpenCase(path));
        }
        let mut domain_focused = false;
        let beside = [header.response.rect, history.unwrap_or(egui::Rect::NOTHING)];
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.follow_focus(ui, beside);
                    if self.cases.open.is_some() {
                        self.draw_case(ui, now, intents);
                    } else {
                        domain_focused = self.draw_form(ui, now, intents);
                    }
                    if narrow {
                        ui.add_space(6.0);
                        intents.extend(panels::history::fold_out(ui, self.shown_session()));
                    }
                });
        });
        if self.view.keys_help {
            intents.extend(panels::keys_help::show(ui));
        } else {
            ui.ctx()
                .data_mut(|d| d.remove::<bool>(egui::Id::unique("keys_help_opened")));
        }
        domain_focused
    }

    /// Scrolls what the keyboard focus just moved to into view (egui does not for a button or a
    /// fold-out): Tab at 200 % never lands below the fold. `beside`: the header's and the
    /// History's rects, which do not scroll with the form.
    fn follow_focus(&mut self, ui: &mut egui::Ui, beside: [egui::Rect; 2]) {
        let focus = ui.ctx().memory(|m| m.focused());
        if focus == self.view.last_focus {
            return;
        }
        self.view.last_focus = focus;
        let Some(rect) = focus
            .and_then(|id| ui.ctx().read_response(id))
            .map(|r| r.rect)
        else {
            return;
        };
        if !beside.iter().any(|b| b.intersects(rect)) {
            ui.scroll_to_rect(rect, None);
        }
    }

    /// A colleague's case: where it came from, its verdict and the inspector.
    fn draw_case(&self, ui: &mut egui::Ui, now: Instant, intents: &mut Vec<Intent>) {
        let Some(open) = &self.cases.open else {
            return;
        };
        intents.extend(panels::case::show(ui, &open.path, &open.case));
        intents.extend(panels::result::show(ui, &open.session, now, false));
        let inspected = open
            .session
            .inspected(|e| e.http_record().is_some())
            .and_then(|e| panels::inspector::Inspected::of_entry(e, lang::of(ui)));
        panels::inspector::show(ui, inspected);
    }

    /// The form top to bottom, then the result and the inspector; whether the domain field has
    /// the focus.
    fn draw_form(&mut self, ui: &mut egui::Ui, now: Instant, intents: &mut Vec<Intent>) -> bool {
        self.form.refresh_missing();
        let domain_focused = panels::tenant::show(ui, &mut self.form);
        let busy = self.session.running.is_some();
        intents.extend(panels::credentials::show(ui, &mut self.form, now, busy));
        let profiles = &self.kept.profiles;
        let keychain = panels::get_tokens::KeychainView {
            status: self.background.keychain.as_ref(),
            profile: profiles.current.as_deref(),
            remembered: profiles
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
        let device_missing = self.form.device_missing();
        intents.extend(panels::device::show(
            ui,
            &mut self.form.device,
            device_missing,
        ));
        let notice = self.view.notice.as_ref().map(|(t, _)| t.as_str());
        let running = self.session.running.as_ref();
        let report = self.session.step_records().next().is_some();
        let ready = panels::run_bar::HandOverReady {
            report,
            har: report || self.watching.watched.recent().any(|a| a.has_evidence()),
            curl: self.session.has_request(),
        };
        let focus_exchange = std::mem::take(&mut self.view.focus_exchange);
        intents.extend(panels::run_bar::show(
            ui,
            running,
            now,
            notice,
            ready,
            focus_exchange,
        ));
        if let Some(path) = self.cases.opening.as_mut() {
            intents.extend(panels::case::open_row(ui, path));
        }
        if let Some(path) = &self.cases.reading {
            panels::case::reading_row(ui, path);
        }
        intents.extend(panels::watch::show(
            ui,
            &mut self.watching,
            running.is_some(),
        ));
        ui.separator();
        let new_result = self.view.results_shown != self.session.results;
        let result = ui.scope(|ui| panels::result::show(ui, &self.session, now, new_result));
        intents.extend(result.inner);
        if new_result {
            // A new result is read first: scroll as little as brings all of it into view.
            self.view.results_shown = self.session.results;
            result.response.scroll_to_me(None);
        }
        let inspected = match self.watching.selected_attempt() {
            Some(attempt) => panels::inspector::Inspected::of_attempt(attempt, lang::of(ui)),
            None => self
                .session
                .inspected(|e| e.http_record().is_some())
                .and_then(|e| panels::inspector::Inspected::of_entry(e, lang::of(ui))),
        };
        panels::inspector::show(ui, inspected);
        domain_focused
    }
}
