//! Save case / Open case: the session as a case file for a colleague, and a colleague's case shown
//! read-only — its history, inspector and verdict, as the first engineer saw them. A case that
//! cannot be read changes nothing and says why.

use std::path::{Path, PathBuf};

use super::app::SsoDiagApp;
use super::session::Session;
use crate::case::{Case, CaseDevice};

/// A case file on screen, instead of the form.
pub struct OpenCase {
    pub path: PathBuf,
    pub case: Case,
    pub session: Session,
}

impl SsoDiagApp {
    /// This session as a case: the form's values (no secret), the device as it stands, every call.
    pub fn case_now(&self) -> Case {
        let device = &self.form.device;
        let case_device = CaseDevice {
            os_version: device.os_version.value.clone(),
            os_name: device
                .profile
                .as_ref()
                .map(|p| p.os_name.clone())
                .unwrap_or_default(),
            device_ip: device.device_ip.value.clone(),
            fingerprint: device.fingerprint.value.clone(),
            agent: device.agent.value.clone(),
        };
        Case::new(
            self.profiles.current.clone(),
            self.form.fields(),
            case_device,
            self.session.step_records().cloned().collect(),
            &self.har_entries(),
        )
    }

    pub(super) fn save_case(&mut self) {
        let has_calls = self.session.step_records().next().is_some();
        // The form's secrets too, whether or not a call has registered them yet.
        let bytes = has_calls.then(|| {
            let text = String::from_utf8_lossy(&self.case_now().to_bytes()).into_owned();
            self.form.redactor().redact(&text).into_bytes()
        });
        self.save_in_downloads("sso-diag-case", "json", bytes);
    }

    /// Shows the case at `path` read-only; one that cannot be read leaves everything as it was.
    pub fn open_case(&mut self, path: &Path) {
        self.opening_case = None;
        match Case::read(path) {
            Ok(case) => {
                let session = Session::of_case(&case.steps);
                self.case = Some(OpenCase {
                    path: path.to_owned(),
                    case,
                    session,
                });
            }
            Err(problem) => self.file_notices.push(crate::msg!(
                "ui-case-not-opened",
                file = path.display().to_string(),
                problem = problem.message()
            )),
        }
    }

    pub(super) fn close_case(&mut self) {
        self.case = None;
    }

    /// The session on screen: the case's while one is open.
    pub(super) fn shown_session(&self) -> &Session {
        self.case.as_ref().map_or(&self.session, |c| &c.session)
    }
}
