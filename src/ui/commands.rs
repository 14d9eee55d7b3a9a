//! Acting on what the user asked for: start or cancel a call, paste, copy, hand over a report.
//! The side effects of the window (clipboard, the one file it writes) happen here and only here.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::app::SsoDiagApp;
use super::form::tidy_token;
use super::job::{Job, Operation, WatchJob};
use super::panels::{Intent, TokenField};
use super::watching::WatchState;
use crate::ciam::CiamError;
use crate::step::Step;
use crate::store::keychain::Kept;
use crate::tr;
use crate::watch::WatchWhat;
use crate::watch::{Control, Target};

const NOTICE_FOR: Duration = Duration::from_secs(4);

impl SsoDiagApp {
    pub(super) fn act(&mut self, ctx: &egui::Context, intent: Intent) {
        let l = self.shown_lang();
        match intent {
            Intent::Run(operation) => self.start(operation),
            Intent::Cancel => {
                if self
                    .session
                    .cancel(self.view.clock.now(), OffsetDateTime::now_utc())
                    && let Some(worker) = self.background.worker.as_mut()
                {
                    worker.cancel();
                }
            }
            Intent::Paste(field) => self.paste(field),
            Intent::Copy { text, what } => {
                ctx.copy_text(text);
                self.show_notice(tr!(l, "ui-copied", what = what));
            }
            Intent::CopySecret { text, what } => {
                if !self.copy_past_history(&text) {
                    ctx.copy_text(text);
                }
                self.show_notice(tr!(l, "ui-copied", what = what));
            }
            Intent::CopyReport => self.copy_report(ctx),
            Intent::SaveReport => self.save_report(),
            Intent::SaveHar => self.save_har(),
            Intent::CopyCurl => match self.session.curl() {
                Some(cmd) => {
                    ctx.copy_text(cmd);
                    self.show_notice(tr!(l, "ui-curl-copied"));
                }
                None => self.show_notice(tr!(l, "ui-no-request")),
            },
            Intent::Select(i) => {
                match &mut self.cases.open {
                    Some(case) => case.session.selected = Some(i),
                    None => self.session.selected = Some(i),
                }
                self.watching.selected = None;
            }
            Intent::SaveCase => self.save_case(),
            Intent::OpenCaseAsk => {
                let folder = super::hand_over::downloads().display().to_string();
                self.cases.opening = Some(format!("{folder}{}", std::path::MAIN_SEPARATOR));
            }
            Intent::OpenCase(path) => self.open_case(&path),
            Intent::CloseCase => {
                self.cases.opening = None;
                self.close_case();
            }
            Intent::AccessTokenEdited => self.form.access_token_expiry = None,
            Intent::SetLang(lang) => self.switch_lang(lang),
            Intent::WatchStart => self.start_watch(),
            Intent::SaveWatchReport => self.save_watch_report(),
            Intent::WatchPause => self.control_watch(Control::Pause, WatchState::Paused),
            Intent::WatchResume => self.control_watch(Control::Run, WatchState::Running),
            Intent::WatchStop => self.control_watch(Control::Stop, WatchState::Finished),
            Intent::SelectAttempt(number) => self.watching.selected = Some(number),
            Intent::SelectProfile(name) => self.select_profile(name.as_deref()),
            Intent::ProfileEdit(kind) => self.edit_profile_name(kind),
            Intent::ProfileEditDone => self.finish_profile_name(),
            Intent::ProfileDelete => self.delete_profile(),
            Intent::DismissFileNotice => self.kept.file_notices.clear(),
            Intent::SetTheme(choice) => {
                self.view.look.theme = choice;
                crate::ui::look::apply_theme(ctx, choice);
            }
            Intent::KeysHelp => self.view.keys_help = !self.view.keys_help,
            Intent::FocusDomain => self.form.focus = Some(crate::ui::field::Field::Domain),
            Intent::UseFingerprint(fingerprint) => {
                let field = &mut self.form.device.fingerprint;
                field.value = fingerprint;
                field.edited();
                self.show_notice(tr!(l, "ui-fingerprint-now-the-logins"));
            }
            Intent::ResetFingerprint => {
                self.form.device.fingerprint.reset();
                self.show_notice(tr!(l, "ui-fingerprint-now-this-machines"));
            }
            Intent::Remember(kept) => self.remember_secret(kept, true),
            Intent::Forget(kept) => self.forget_secret(kept),
        }
    }

    /// Starts `operation`: the input is checked first, and a problem is shown without sending.
    fn start(&mut self, operation: Operation) {
        if self.session.running.is_some() {
            return;
        }
        let ticket = self.session.ticket().map(|t| t.value.as_str());
        let prepared = self.form.prepare(operation, ticket, self.shown_lang());
        self.form.missing = self.form.missing_fields(operation);
        let prepared = match prepared {
            Ok(p) => p,
            Err(_) if self.form.missing.len() > 1 => {
                // Every empty field at once, not one per press.
                let l = self.shown_lang();
                let names: Vec<String> = self.form.missing.iter().map(|f| f.name(l)).collect();
                let fields = names.join(&tr!(l, "list-separator"));
                let problem = crate::msg!("input-fields-empty", fields = fields);
                return self
                    .session
                    .refuse(operation, CiamError::invalid_input("form", problem));
            }
            Err(error) => return self.session.refuse(operation, error),
        };
        let Some(worker) = self.background.worker.as_mut() else {
            return;
        };
        if let Some(id) = self
            .session
            .begin(operation, prepared.clone(), self.view.clock.now())
        {
            worker.start(id, prepared);
            match operation {
                Operation::Call(Step::AccessToken) => self.keep_used_secret(Kept::ClientSecret),
                Operation::Call(Step::Login) => self.keep_used_secret(Kept::Password),
                _ => {}
            }
        }
    }

    /// Starts watching what the form describes; an input problem is shown in the watch section.
    fn start_watch(&mut self) {
        let operation = match self.watching.settings.what {
            // The window watches the exchange or the reachability; the whole flow is the CLI's.
            WatchWhat::Exchange | WatchWhat::Flow => Operation::Call(Step::Exchange),
            WatchWhat::Check => Operation::Check,
        };
        let prepared = match self.form.prepare(operation, None, self.shown_lang()) {
            Ok(p) => p,
            Err(error) => {
                self.watching.refused = Some(error);
                self.watching.state = WatchState::Finished;
                return;
            }
        };
        let Some(worker) = self.background.worker.as_mut() else {
            return;
        };
        let call = match prepared.job {
            Job::Call(call) => call,
            Job::Check => crate::step::Call::reachability(),
        };
        let target = Target::Call(Box::new(call));
        self.watching.begin();
        let plan = self
            .watching
            .settings
            .plan(crate::watch::floor_for(&prepared.tenant));
        worker.start_watch(WatchJob {
            tenant: prepared.tenant,
            options: prepared.options,
            ca_file: prepared.ca_file,
            target,
            plan,
            reuse_connection: self.watching.settings.reuse_connection,
        });
    }

    fn control_watch(&mut self, control: Control, state: WatchState) {
        if let Some(worker) = self.background.worker.as_mut() {
            worker.control_watch(control);
        }
        self.watching.state = state;
    }

    fn paste(&mut self, field: TokenField) {
        let l = self.shown_lang();
        let text = arboard::Clipboard::new().and_then(|mut c| c.get_text());
        let mut text = match text {
            Ok(text) => text,
            Err(e) => {
                return self.show_notice(tr!(l, "ui-clipboard-failed", error = e.to_string()));
            }
        };
        let (target, name) = match field {
            TokenField::Access => (&mut self.form.access_token, tr!(l, "ui-access-token")),
            TokenField::Session => (&mut self.form.session_token, tr!(l, "ui-session-token")),
            TokenField::ClientSecret => (&mut self.form.client_secret, tr!(l, "ui-client-secret")),
            TokenField::Password => (&mut self.form.password, tr!(l, "ui-password")),
            TokenField::HandedTicket => (&mut self.form.handed_ticket, tr!(l, "ui-ticket")),
        };
        if field != TokenField::Password {
            tidy_token(&mut text);
        }
        let len = text.chars().count();
        target.text = text;
        if field == TokenField::Access {
            self.form.access_token_expiry = None;
        }
        self.show_notice(tr!(l, "ui-pasted", name = name, count = len as u64));
    }

    /// Puts `text` on the clipboard with the hint that keeps it out of clipboard managers'
    /// histories (Windows, and the KDE convention most Linux managers follow). Whether it worked.
    fn copy_past_history(&mut self, text: &str) -> bool {
        if self.view.clipboard.is_none() {
            self.view.clipboard = arboard::Clipboard::new().ok();
        }
        let Some(clipboard) = self.view.clipboard.as_mut() else {
            return false;
        };
        let set = clipboard.set();
        #[cfg(any(windows, all(unix, not(target_os = "macos"))))]
        let set = {
            #[cfg(all(unix, not(target_os = "macos")))]
            use arboard::SetExtLinux as _;
            #[cfg(windows)]
            use arboard::SetExtWindows as _;
            set.exclude_from_history()
        };
        set.text(text.to_owned()).is_ok()
    }

    pub(super) fn show_notice(&mut self, text: String) {
        let until: Instant = self.view.clock.now() + NOTICE_FOR;
        self.view.notice = Some((text, until));
    }

    pub(super) fn notice_saved(&mut self, path: &std::path::Path, saved: Result<(), String>) {
        let l = self.shown_lang();
        let path = path.display().to_string();
        match saved {
            Ok(()) => self.show_notice(tr!(l, "ui-report-saved", path = path)),
            Err(error) => {
                self.show_notice(tr!(l, "ui-report-not-saved", path = path, error = error))
            }
        }
    }
}
