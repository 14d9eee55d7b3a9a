//! The window's hand-over: the session (and the watch) as the documents `report/` prints — the
//! report copied or saved, the HAR, the case file, the watch report and its chart — each saved in
//! Downloads under a name of its own. The window only gathers its records; it writes no document
//! itself.

use time::OffsetDateTime;

use super::app::SsoDiagApp;
use crate::report::{FrontEnd, HandOver, Setting};
use crate::tr;

impl SsoDiagApp {
    /// Everything this window has to hand over: the form's setting, every call, the watch.
    pub(super) fn hand_over(&self) -> HandOver<'_> {
        // The form's secrets and the ticket on screen too, whether or not a call has
        // registered them yet.
        self.form.register_secrets();
        self.session.register_secrets();
        let setting = Setting {
            tenant: self
                .form
                .tenant()
                .map(|t| t.to_string())
                .unwrap_or_else(|_| self.form.domain.clone()),
            device: self.form.device.as_sent(),
            front_end: FrontEnd::Window,
            profile: self.kept.profiles.current.clone(),
            fields: self.form.fields(),
        };
        let watching = &self.watching;
        HandOver::new(setting, self.session.step_records())
            .with_user(self.session.redeemed_user())
            .with_watch(&watching.summary, watching.watched.recent())
    }

    /// The report of the session's calls, when one went out.
    fn report_markdown(&self) -> Option<String> {
        let hand_over = self.hand_over();
        let sent = hand_over.steps.iter().any(|s| s.was_sent());
        sent.then(|| hand_over.markdown(OffsetDateTime::now_utc(), self.shown_lang()))
    }

    pub(super) fn copy_report(&mut self, ctx: &egui::Context) {
        let l = self.shown_lang();
        match self.report_markdown() {
            Some(md) => {
                ctx.copy_text(md);
                self.show_notice(tr!(l, "ui-report-copied"));
            }
            None => self.show_notice(tr!(l, "ui-nothing-to-report")),
        }
    }

    pub(super) fn save_report(&mut self) {
        let markdown = self.report_markdown();
        self.save_in_downloads("sso-diag-report", "md", markdown.map(String::into_bytes));
    }

    pub(super) fn save_har(&mut self) {
        let hand_over = self.hand_over();
        let text = (!hand_over.is_empty()).then(|| hand_over.har());
        self.save_in_downloads("sso-diag", "har", text.map(String::into_bytes));
    }

    pub(super) fn save_case(&mut self) {
        let hand_over = self.hand_over();
        let sent = hand_over.steps.iter().any(|s| s.was_sent());
        let bytes = sent.then(|| hand_over.case().to_bytes());
        self.save_in_downloads("sso-diag-case", "json", bytes);
    }

    /// The watch's report in Downloads, its chart beside it.
    pub(super) fn save_watch_report(&mut self) {
        let path = downloads().join(stamped("sso-diag-watch", "md"));
        let chart = path.with_extension("png");
        let name = chart.file_name().map(|n| n.to_string_lossy().into_owned());
        let report = self
            .hand_over()
            .watch_report(self.shown_lang(), name.as_deref().unwrap_or_default());
        let Some(report) = report else {
            return self.show_notice(tr!(self.shown_lang(), "ui-nothing-to-report"));
        };
        let saved = crate::files::write_private(&chart, &report.png)
            .and_then(|()| crate::files::write_private(&path, report.markdown.as_bytes()));
        self.notice_saved(&path, saved.map_err(|e| e.to_string()));
    }

    /// What the user asked to hand over, in Downloads under a name of its own; a notice says where
    /// (or that there is nothing yet). A few kilobytes: the disk writes the window makes itself.
    pub(super) fn save_in_downloads(
        &mut self,
        prefix: &str,
        extension: &str,
        bytes: Option<Vec<u8>>,
    ) {
        let Some(bytes) = bytes else {
            let l = self.shown_lang();
            return self.show_notice(tr!(l, "ui-nothing-to-report"));
        };
        let path = downloads().join(stamped(prefix, extension));
        let saved = crate::files::write_private(&path, &bytes);
        self.notice_saved(&path, saved.map_err(|e| e.to_string()));
    }
}

/// Where a saved report goes: Downloads if there is one, else home, else the temp folder.
pub(super) fn downloads() -> std::path::PathBuf {
    std::env::home_dir()
        .map(|h| {
            if h.join("Downloads").is_dir() {
                h.join("Downloads")
            } else {
                h
            }
        })
        .unwrap_or_else(std::env::temp_dir)
}

/// `sso-diag-report-20261201-041500.md`: a name per second, in UTC.
fn stamped(prefix: &str, extension: &str) -> String {
    let now = OffsetDateTime::now_utc();
    format!(
        "{prefix}-{:04}{:02}{:02}-{:02}{:02}{:02}.{extension}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}
