//! The fields of the form an operation may need, and their names in a sentence.

use crate::i18n::Lang;
use crate::tr;

/// A field of the form an operation may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Domain,
    ClientId,
    ClientSecret,
    UserName,
    Password,
    AccessToken,
    SessionToken,
    Ticket,
    OsVersion,
    DeviceIp,
    Fingerprint,
}

/// The device fields, in the order the API lists them.
pub const DEVICE: [Field; 3] = [Field::OsVersion, Field::DeviceIp, Field::Fingerprint];

impl Field {
    /// Its name in a sentence, in `lang`.
    pub fn name(self, lang: Lang) -> String {
        let l = lang;
        match self {
            Field::Domain => tr!(l, "field-domain"),
            Field::ClientId => "client_id".to_owned(),
            Field::ClientSecret => tr!(l, "field-client-secret"),
            Field::UserName => tr!(l, "field-user-name"),
            Field::Password => tr!(l, "field-password"),
            Field::AccessToken => tr!(l, "field-access-token"),
            Field::SessionToken => tr!(l, "field-session-token"),
            Field::Ticket => tr!(l, "field-ticket"),
            Field::OsVersion => tr!(l, "field-os-version"),
            Field::DeviceIp => tr!(l, "field-device-ip"),
            Field::Fingerprint => tr!(l, "field-fingerprint"),
        }
    }
}
