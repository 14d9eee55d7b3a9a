//! A case file: everything one engineer saw, for the next one — the profile's values (never a
//! secret), the device as sent, every step with its evidence and verdict, and the same calls as a
//! HAR log — in one JSON file, redacted like the report. Opened read-only in the window.
//!
//! A case file comes from someone else: it is read as hostile. It is bounded in size, checked in
//! shape, and what it holds is shown the way a tenant's answers are (control characters escaped).

use std::path::Path;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::HandOver;
use crate::device::SentDevice;
use crate::step::StepRecord;
use crate::store::{FileProblem, ProfileFields};
use crate::{msg, store};

pub const FORMAT: &str = "sso-diag.case";
pub const VERSION: u64 = 1;
/// Far more steps than a session makes.
pub const MAX_STEPS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
    /// `0.1.0 (commit …)` of the sso-diag that saved it.
    pub app_version: String,
    /// The profile in use, if any.
    pub profile: Option<String>,
    pub fields: ProfileFields,
    /// The device as sent, and where each value came from.
    pub device: SentDevice,
    /// In the order they ran.
    pub steps: Vec<StepRecord>,
    /// The same calls (and a watch's kept probes) as a HAR 1.2 log.
    pub har: serde_json::Value,
}

impl HandOver<'_> {
    /// The case file of this hand-over: the setting, every call, and the same calls (and a
    /// watch's kept probes) as a HAR log.
    pub fn case(&self) -> Case {
        Case {
            saved_at: OffsetDateTime::now_utc(),
            app_version: crate::VERSION.to_owned(),
            profile: self.setting.profile.clone(),
            fields: self.setting.fields.clone(),
            device: self.setting.device.clone(),
            steps: self.steps.iter().map(|s| (*s).clone()).collect(),
            har: self.har_value(),
        }
    }
}

impl Case {
    /// The file's bytes, every secret this process has seen redacted in every form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let text = String::from_utf8_lossy(&store::to_bytes(FORMAT, VERSION, self)).into_owned();
        crate::text::escape_json_text(&crate::secret::redact(&text)).into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FileProblem> {
        let case: Case = store::parse(bytes, FORMAT, VERSION)?;
        case.check()?;
        Ok(case)
    }

    pub fn read(path: &Path) -> Result<Self, FileProblem> {
        Self::from_bytes(&store::json_file_bytes(path)?)
    }

    /// What sso-diag could have written: a bounded number of steps, URLs that are URLs, a HAR log.
    fn check(&self) -> Result<(), FileProblem> {
        if self.steps.len() > MAX_STEPS {
            return Err(FileProblem::Refused(msg!(
                "case-too-many-steps",
                count = self.steps.len(),
                max = MAX_STEPS
            )));
        }
        for (i, step) in self.steps.iter().enumerate() {
            let url = &step.record.request.url;
            let plausible = url.is_empty()
                || url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !plausible {
                return Err(FileProblem::Refused(msg!("case-bad-url", number = i + 1)));
            }
            let record = &step.record;
            let bad_ip = (record.server_ip.as_deref())
                .is_some_and(|ip| ip.parse::<std::net::IpAddr>().is_err());
            let bad_port =
                (record.connection.as_deref()).is_some_and(|c| c.parse::<u16>().is_err());
            if bad_ip || bad_port {
                return Err(FileProblem::Refused(msg!(
                    "case-bad-address",
                    number = i + 1
                )));
            }
        }
        if !self
            .har
            .get("log")
            .is_some_and(serde_json::Value::is_object)
        {
            return Err(FileProblem::Refused(msg!("case-no-har")));
        }
        if self.app_version.chars().count() > 200 {
            return Err(FileProblem::Refused(msg!("case-bad-version")));
        }
        Ok(())
    }
}
