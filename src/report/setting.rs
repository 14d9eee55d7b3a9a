//! Where a run happened, as every hand-over document states it: the tenant, the device as sent
//! (each value with its source), the profile in use, and which front end made the calls.

use crate::device::SentDevice;
use crate::i18n::Lang;
use crate::store::ProfileFields;
use crate::tr;

/// Which of sso-diag's faces made the calls: the one line two reports of the same call differ in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontEnd {
    Window,
    CommandLine,
}

impl FrontEnd {
    pub fn words(self, lang: Lang) -> String {
        match self {
            FrontEnd::Window => tr!(lang, "report-front-end-window"),
            FrontEnd::CommandLine => tr!(lang, "report-front-end-cli"),
        }
    }
}

pub struct Setting {
    /// The tenant's base URL (`https://tenant.example.com`).
    pub tenant: String,
    pub device: SentDevice,
    pub front_end: FrontEnd,
    /// The profile in use, if any, and the values the calls were made with (never a secret).
    pub profile: Option<String>,
    pub fields: ProfileFields,
}
