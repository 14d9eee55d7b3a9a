//! A colleague's case file on screen, read-only, instead of the form: its history, inspector and
//! verdict, as the first engineer saw them.

use std::path::PathBuf;

use super::session::Session;
use crate::report::Case;

/// A case file on screen, instead of the form.
pub struct OpenCase {
    pub path: PathBuf,
    pub case: Case,
    pub session: Session,
}
