//! Open case: a colleague's case file shown read-only. A case that cannot be read changes nothing
//! and says why.

use std::path::Path;

use super::app::SsoDiagApp;
use super::open_case::OpenCase;
use super::session::Session;
use crate::report::Case;

impl SsoDiagApp {
    /// Shows the case at `path` read-only; one that cannot be read leaves everything as it was.
    pub fn open_case(&mut self, path: &Path) {
        self.cases.opening = None;
        match Case::read(path) {
            Ok(case) => {
                let session = Session::of_case(&case.steps);
                self.cases.open = Some(OpenCase {
                    path: path.to_owned(),
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
    }

    /// The session on screen: the case's while one is open.
    pub(super) fn shown_session(&self) -> &Session {
        self.cases
            .open
            .as_ref()
            .map_or(&self.session, |c| &c.session)
    }
}
