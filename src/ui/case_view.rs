//! Open case: a colleague's case file shown read-only. A case that cannot be read changes nothing
//! and says why.

use std::path::{Path, PathBuf};

use super::app::SsoDiagApp;
use super::open_case::OpenCase;
use super::session::Session;
use crate::report::Case;
use crate::store::FileProblem;

impl SsoDiagApp {
    /// Reads the case at `path` in the background, to show it read-only; one that cannot be read
    /// leaves everything as it was.
    pub fn open_case(&mut self, path: &Path) {
        self.cases.opening = None;
        match &self.background.worker {
            Some(worker) => {
                self.cases.reading = Some(path.to_owned());
                worker.read_case(path.to_owned());
            }
            None => self.kept.file_notices.push(crate::msg!(
                "ui-case-not-opened",
                file = path.display().to_string(),
                problem = crate::msg!("ui-case-no-background")
            )),
        }
    }

    /// The case file read in the background: shown, or why not. A read the user has since
    /// cancelled (or replaced by another) is dropped.
    pub(super) fn case_read(&mut self, path: PathBuf, result: Result<Case, FileProblem>) {
        if self.cases.reading.as_ref() != Some(&path) {
            return;
        }
        self.cases.reading = None;
        match result {
            Ok(case) => {
                let session = Session::of_case(&case.steps);
                self.cases.open = Some(OpenCase {
                    path,
                    case,
                    session,
                });
            }
            Err(problem) => self.kept.file_notices.push(crate::msg!(
                "ui-case-not-opened",
                file = path.display().to_string(),
                problem = problem.message()
            )),
        }
    }

    pub(super) fn close_case(&mut self) {
        self.cases.open = None;
        self.cases.reading = None;
    }

    /// The session on screen: the case's while one is open.
    pub(super) fn shown_session(&self) -> &Session {
        self.cases
            .open
            .as_ref()
            .map_or(&self.session, |c| &c.session)
    }
}
