//! Plain-language verdicts: for each error, a title a non-developer understands, the likely cause
//! and what to try. Errors are classified by kind and HTTP status, because real tenants differ in
//! details; a code the catalogue (`codes.toml`) knows refines the advice.

use super::catalogue::{self, Entry};
use super::error::{CiamError, TimeoutPhase};
use crate::i18n::Lang;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub title: String,
    pub cause: String,
    pub action: String,
}

impl Advice {
    fn of(title: String, cause: String, action: String) -> Self {
        Self {
            title,
            cause,
            action,
        }
    }

    /// `cause` and `action` in one line, for `--json`'s `hint`.
    pub fn hint(&self) -> String {
        format!("{} {}", self.cause, self.action)
    }
}

impl CiamError {
    /// A plain-language title, the likely cause and what to try, in `lang`.
    pub fn advice(&self, lang: Lang) -> Advice {
        for_error(self, lang)
    }

    /// [`CiamError::evidence`] for a person reading `lang`: a refused input is sso-diag's own
    /// finding, said in that language; what came from elsewhere stays as it was said.
    pub fn evidence_in(&self, lang: Lang) -> String {
        match self {
            CiamError::InvalidInput { field, problem } => tr!(
                lang,
                "input-evidence",
                field = field_name(lang, field),
                problem = problem.text(lang)
            ),
            other => other.evidence(),
        }
    }
}

fn for_error(error: &CiamError, lang: Lang) -> Advice {
    let l = lang;
    match error {
        CiamError::InvalidInput { field, problem } => {
            let field = field_name(l, field);
            Advice::of(
                tr!(l, "advice-input-title", field = field.clone()),
                tr!(
                    l,
                    "advice-input-cause",
                    field = field.clone(),
                    problem = problem.text(l)
                ),
                tr!(l, "advice-input-action", field = field),
            )
        }
        CiamError::Dns { host, .. } => Advice::of(
            tr!(l, "advice-dns-title"),
            tr!(l, "advice-dns-cause", host = host.as_str()),
            tr!(l, "advice-dns-action"),
        ),
        CiamError::Connect { target, .. } => Advice::of(
            tr!(l, "advice-connect-title"),
            tr!(l, "advice-connect-cause", target = target.as_str()),
            tr!(l, "advice-connect-action"),
        ),
        CiamError::Proxy { target, .. } => Advice::of(
            tr!(l, "advice-proxy-title"),
            tr!(l, "advice-proxy-cause", target = target.as_str()),
            tr!(l, "advice-proxy-action"),
        ),
        CiamError::Timeout { phase, after } => Advice::of(
            tr!(l, "advice-timeout-title"),
            match phase {
                TimeoutPhase::Connect => {
                    tr!(l, "advice-timeout-connect-cause", seconds = after.as_secs())
                }
                TimeoutPhase::Total => {
                    tr!(l, "advice-timeout-total-cause", seconds = after.as_secs())
                }
            },
            tr!(l, "advice-timeout-action"),
        ),
        CiamError::Tls { detail, .. } => Advice::of(
            tr!(l, "advice-tls-title"),
            tr!(l, "advice-tls-cause", detail = detail.as_str()),
            tr!(l, "advice-tls-action"),
        ),
        CiamError::Rejected {
            code: Some(code),
            message,
            ..
        }
        | CiamError::ServerError {
            code: Some(code),
            message,
            ..
        } if catalogue::lookup(code).is_some() => {
            let entry = catalogue::lookup(code);
            from_catalogue(entry, message.as_deref(), l).unwrap_or_else(|| for_rejection(0, l))
        }
        CiamError::Rejected { status, .. } => for_rejection(*status, l),
        CiamError::ServerError { .. } => Advice::of(
            tr!(l, "advice-server-title"),
            tr!(l, "advice-server-cause"),
            tr!(l, "advice-server-action"),
        ),
        CiamError::UnexpectedResponse {
            status, problem, ..
        } => {
            let problem = problem.as_str();
            if status.is_some_and(|s| (300..400).contains(&s)) {
                Advice::of(
                    tr!(l, "advice-redirect-title"),
                    tr!(l, "advice-redirect-cause", problem = problem),
                    tr!(l, "advice-use-user-domain"),
                )
            } else {
                Advice::of(
                    tr!(l, "advice-unexpected-title"),
                    tr!(l, "advice-unexpected-cause", problem = problem),
                    tr!(l, "advice-unexpected-action"),
                )
            }
        }
    }
}

/// What the user calls a field they typed; API names (`client_id`, `X-tenant-id`) stay as the
/// tenant's console spells them.
pub fn field_name(lang: Lang, field: &str) -> String {
    let l = lang;
    match field {
        "domain" => tr!(l, "field-domain"),
        "password" => tr!(l, "field-password"),
        "ticket" => tr!(l, "field-ticket"),
        "report" => tr!(l, "field-report"),
        "proxy" => tr!(l, "field-proxy"),
        "CA file" => tr!(l, "field-ca-file"),
        "user name" | "user_name" => tr!(l, "field-user-name"),
        "device IP" | "device_ip" => tr!(l, "field-device-ip"),
        "OS version" | "operating_sys_version" => tr!(l, "field-os-version"),
        "device fingerprint" | "device_fingerprint" => tr!(l, "field-fingerprint"),
        "agent" => tr!(l, "field-agent"),
        "session_token" | "session token" => tr!(l, "field-session-token"),
        "access_token" | "access token" => tr!(l, "field-access-token"),
        "client_secret" | "client secret" => tr!(l, "field-client-secret"),
        "profile" => tr!(l, "field-profile"),
        "profile file" => tr!(l, "field-profile-file"),
        "keychain" => tr!(l, "field-keychain"),
        "har" => tr!(l, "field-har"),
        "case" => tr!(l, "field-case"),
        "form" => tr!(l, "field-form"),
        other => other.to_owned(),
    }
}

/// The catalogue's advice for a code, with `{wait}` filled from the tenant's own message.
pub fn from_catalogue(entry: Option<&Entry>, message: Option<&str>, lang: Lang) -> Option<Advice> {
    let wait = message
        .and_then(|m| catalogue::wait_in(m, lang))
        .unwrap_or_else(|| tr!(lang, "advice-wait-default"));
    let text = entry?.text(lang, &wait);
    Some(Advice {
        title: text.title,
        cause: text.cause,
        action: text.action,
    })
}

fn for_rejection(status: u16, lang: Lang) -> Advice {
    let l = lang;
    match status {
        401 => Advice::of(
            tr!(l, "advice-401-title"),
            tr!(l, "advice-401-cause"),
            tr!(l, "advice-401-action"),
        ),
        403 => Advice::of(
            tr!(l, "advice-403-title"),
            tr!(l, "advice-403-cause"),
            tr!(l, "advice-403-action"),
        ),
        404 | 405 => Advice::of(
            tr!(l, "advice-404-title"),
            tr!(l, "advice-404-cause"),
            tr!(l, "advice-use-user-domain"),
        ),
        _ => Advice::of(
            tr!(l, "advice-rejected-title"),
            tr!(l, "advice-rejected-cause"),
            tr!(l, "advice-rejected-action"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(status: u16, code: Option<&str>) -> CiamError {
        CiamError::Rejected {
            status,
            code: code.map(str::to_owned),
            message: None,
            body: String::new(),
        }
    }

    #[test]
    fn known_codes_get_specific_advice() {
        let a = rejected(400, Some("IDAAS.SDK.PARAM.0023")).advice(Lang::En);
        assert_eq!(a.title, "Session token rejected");
        assert!(a.action.contains("sign in again"));
        assert!(
            rejected(400, Some("IDAAS.SDK.PARAM.0024"))
                .advice(Lang::En)
                .action
                .contains("X-device-fingerprint")
        );
        assert_eq!(
            rejected(400, Some("invalid_token")).advice(Lang::En).title,
            "Access token rejected"
        );
    }

    #[test]
    fn unknown_codes_fall_back_to_the_status() {
        assert_eq!(
            rejected(401, Some("weird")).advice(Lang::En).title,
            "Access token rejected"
        );
        assert_eq!(
            rejected(404, None).advice(Lang::En).title,
            "API not found on this domain"
        );
        assert_eq!(
            rejected(418, None).advice(Lang::En).title,
            "Request rejected by the tenant"
        );
    }

    #[test]
    fn exit_codes_follow_whose_problem_it_is() {
        assert_eq!(
            CiamError::invalid_input("domain", crate::msg!("input-empty")).exit_code(),
            2
        );
        let dns = CiamError::Dns {
            host: "x".into(),
            detail: "y".into(),
        };
        assert_eq!(dns.exit_code(), 3);
        assert_eq!(rejected(400, None).exit_code(), 4);
        let busy = CiamError::ServerError {
            status: 500,
            code: None,
            message: None,
            body: String::new(),
        };
        assert_eq!(busy.exit_code(), 5);
        let odd = CiamError::UnexpectedResponse {
            status: Some(200),
            problem: "x".into(),
            body: String::new(),
        };
        assert_eq!(odd.exit_code(), 6);
    }
}
