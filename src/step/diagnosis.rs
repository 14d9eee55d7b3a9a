//! The right cause of a refused session (or ticket): what the tool knows of the device fingerprint
//! the credential was issued for, weighed before the generic advice. Real tenants bind a session
//! to its login's fingerprint and answer a mismatch as an invalid session (0023): the tenant's
//! code alone sends an engineer to have the user log in again, which fails again.

use serde::{Deserialize, Serialize};

use super::{Call, Step};
use crate::ciam::jwt::JwtInsight;
use crate::ciam::{Advice, CiamError};
use crate::i18n::Lang;
use crate::tr;
use secrecy::ExposeSecret;

/// What is known of the fingerprint a call's credential was issued for, beside the one it sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FingerprintOrigin {
    /// This machine's detected fingerprint.
    pub detected: Option<String>,
    /// The fingerprint the credential was obtained with, in this window or this run: the login's
    /// for a session token, the exchange's for a ticket.
    pub issued_for: Option<String>,
}

/// How the tool knows which fingerprint a credential was issued for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KnownFrom {
    /// The login (or exchange) that obtained it, here.
    Login,
    /// A device claim inside the session token (a JWT).
    TokenClaim,
}

/// The likely cause of a refused credential, as far as the evidence goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum Cause {
    /// The credential was issued for another fingerprint than the one this call sent.
    FingerprintMismatch {
        issued_for: String,
        sent: String,
        known_from: KnownFrom,
    },
    /// The fingerprint sent was set by hand and is not this machine's: a session works only with
    /// the fingerprint it was logged in with.
    FingerprintEdited { sent: String, detected: String },
    /// Nothing points at the fingerprint: the session ended — expired or revoked, which a refresh
    /// tells apart.
    SessionEnded,
}

/// The last four characters, as the window shows a fingerprint (`…7b8c`).
pub fn tail(fingerprint: &str) -> String {
    let chars: Vec<char> = fingerprint.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

/// Codes that refuse the session token or the ticket itself (both spellings).
const REFUSED_CREDENTIAL: [&str; 8] = [
    "IDAAS.SDK.PARAM.0023",
    "PARAM.0023",
    "IDAAS.SDK.PARAM.0024",
    "PARAM.0024",
    "IDAAS.SDK.PARAM.0025",
    "PARAM.0025",
    "IDAAS.SDK.PARAM.0032",
    "PARAM.0032",
];

/// The cause of `error`, for a call whose credential was refused; `None` for any other failure.
pub fn diagnose(call: &Call, error: &CiamError) -> Option<Cause> {
    let CiamError::Rejected {
        code: Some(code), ..
    } = error
    else {
        return None;
    };
    let credential = match call.step() {
        Step::Exchange | Step::Refresh => "session_token",
        Step::Redeem => "sso_ticket",
        _ => return None,
    };
    if !REFUSED_CREDENTIAL.contains(&code.as_str()) {
        return None;
    }
    let request = call.request();
    let sent = request.plain_field("device_fingerprint")?.to_owned();
    let origin = call.origin();
    let claimed = (request.secret_value(credential))
        .and_then(|token| JwtInsight::decode(token.expose_secret()))
        .and_then(|jwt| jwt.device);
    let issued = match (&origin.issued_for, claimed) {
        (Some(login), _) => Some((login.clone(), KnownFrom::Login)),
        (None, Some(claim)) => Some((claim, KnownFrom::TokenClaim)),
        (None, None) => None,
    };
    match (issued, &origin.detected) {
        (Some((issued_for, known_from)), _) if issued_for != sent => {
            Some(Cause::FingerprintMismatch {
                issued_for,
                sent,
                known_from,
            })
        }
        // The fingerprint is the login's: whatever else, it is not the cause.
        (Some(_), _) => Some(Cause::SessionEnded).filter(|_| call.step() == Step::Exchange),
        (None, Some(detected)) if *detected != sent => Some(Cause::FingerprintEdited {
            sent,
            detected: detected.clone(),
        }),
        // A refresh says itself whether the session expired or was revoked.
        (None, _) => Some(Cause::SessionEnded).filter(|_| call.step() == Step::Exchange),
    }
}

impl Cause {
    /// A stable name for `--json`'s `cause`.
    pub fn key(&self) -> &'static str {
        match self {
            Cause::FingerprintMismatch { .. } => "fingerprint_mismatch",
            Cause::FingerprintEdited { .. } => "fingerprint_edited",
            Cause::SessionEnded => "session_ended",
        }
    }

    /// The tenant's advice for `error`, with the cause the evidence points at said first.
    pub fn advise(&self, error: &CiamError, lang: Lang) -> Advice {
        let l = lang;
        let generic = error.advice(l);
        match self {
            Cause::FingerprintMismatch {
                issued_for,
                sent,
                known_from,
            } => {
                let (issued, sent) = (tail(issued_for), tail(sent));
                let cause = match known_from {
                    KnownFrom::Login => {
                        tr!(l, "cause-fingerprint-login", issued = issued, sent = sent)
                    }
                    KnownFrom::TokenClaim => {
                        tr!(l, "cause-fingerprint-claim", issued = issued, sent = sent)
                    }
                };
                Advice {
                    title: tr!(l, "cause-fingerprint-title"),
                    cause,
                    action: tr!(
                        l,
                        "cause-fingerprint-action",
                        fingerprint = issued_for.as_str()
                    ),
                }
            }
            Cause::FingerprintEdited { sent, detected } => Advice {
                title: tr!(l, "cause-fingerprint-edited-title"),
                cause: tr!(
                    l,
                    "cause-fingerprint-edited",
                    sent = tail(sent),
                    detected = tail(detected)
                ),
                action: tr!(l, "cause-fingerprint-edited-action"),
            },
            Cause::SessionEnded => Advice {
                action: tr!(
                    l,
                    "cause-session-ended-action",
                    action = generic.action.clone()
                ),
                ..generic
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ciam::{DeviceFields, ExchangeRequest};
    use base64::Engine;
    use secrecy::SecretString;

    const SENT: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa1234";
    const LOGIN: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbb9999";

    fn exchange(session: &str, origin: FingerprintOrigin) -> Call {
        Call::exchange(&ExchangeRequest {
            access_token: SecretString::from("at-12345".to_owned()),
            session_token: SecretString::from(session.to_owned()),
            tenant_id: None,
            client_id: None,
            device: DeviceFields {
                os_version: "debian12".into(),
                device_ip: "10.0.0.5".into(),
                fingerprint: SENT.into(),
                agent: None,
            },
        })
        .with_origin(origin)
    }

    fn invalid_session() -> CiamError {
        CiamError::Rejected {
            status: 400,
            code: Some("IDAAS.SDK.PARAM.0023".into()),
            message: Some("Invalid or expired session token".into()),
            body: String::new(),
        }
    }

    #[test]
    fn the_logins_fingerprint_beats_the_generic_advice() {
        let origin = FingerprintOrigin {
            detected: Some(SENT.into()),
            issued_for: Some(LOGIN.into()),
        };
        let cause = diagnose(&exchange("st-1", origin), &invalid_session());
        let Some(cause @ Cause::FingerprintMismatch { .. }) = cause else {
            panic!("{cause:?}");
        };
        let advice = cause.advise(&invalid_session(), Lang::En);
        assert!(
            advice.cause.contains("…9999") && advice.cause.contains("…1234"),
            "{advice:?}"
        );
        assert!(advice.action.contains(LOGIN), "{advice:?}");
    }

    #[test]
    fn a_fingerprint_set_by_hand_is_named_and_an_unchanged_one_is_not() {
        let edited = FingerprintOrigin {
            detected: Some(LOGIN.into()),
            issued_for: None,
        };
        let cause = diagnose(&exchange("st-1", edited), &invalid_session());
        assert!(
            matches!(cause, Some(Cause::FingerprintEdited { .. })),
            "{cause:?}"
        );

        let unchanged = FingerprintOrigin {
            detected: Some(SENT.into()),
            issued_for: Some(SENT.into()),
        };
        let cause = diagnose(&exchange("st-1", unchanged), &invalid_session());
        assert_eq!(cause, Some(Cause::SessionEnded));
        let advice = Cause::SessionEnded.advise(&invalid_session(), Lang::En);
        assert!(advice.action.contains("Refresh session"), "{advice:?}");
    }

    #[test]
    fn a_jwt_session_token_that_names_its_device_is_believed() {
        let claims = serde_json::json!({"sub": "u1", "device_fingerprint": LOGIN});
        let part = |v: &serde_json::Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
        };
        let jwt = format!(
            "{}.{}.sig",
            part(&serde_json::json!({"alg": "RS256"})),
            part(&claims)
        );
        let cause = diagnose(
            &exchange(&jwt, FingerprintOrigin::default()),
            &invalid_session(),
        );
        assert!(
            matches!(
                &cause,
                Some(Cause::FingerprintMismatch {
                    known_from: KnownFrom::TokenClaim,
                    ..
                })
            ),
            "{cause:?}"
        );
    }

    #[test]
    fn other_failures_have_no_fingerprint_story() {
        let busy = CiamError::ServerError {
            status: 500,
            code: Some("IDAAS.TENANT.COM.0002".into()),
            message: None,
            body: String::new(),
        };
        assert_eq!(
            diagnose(&exchange("st-1", FingerprintOrigin::default()), &busy),
            None
        );
    }
}
