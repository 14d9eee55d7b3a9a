//! Plain-language verdicts: for each error, a title a non-developer understands, the likely cause
//! and what to try. Errors are classified by kind and HTTP status, because real tenants differ in
//! details; a code the catalogue (`codes.toml`) knows refines the advice.

use super::catalogue::{self, Entry, Lang};
use super::error::{CiamError, TimeoutPhase};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub title: String,
    pub cause: String,
    pub action: String,
}

impl Advice {
    fn new(title: &str, cause: &str, action: &str) -> Self {
        Self {
            title: title.to_owned(),
            cause: cause.to_owned(),
            action: action.to_owned(),
        }
    }

    /// `cause` and `action` in one line, for `--json`'s `hint`.
    pub fn hint(&self) -> String {
        format!("{} {}", self.cause, self.action)
    }
}

impl CiamError {
    /// A plain-language title, the likely cause and what to try.
    pub fn advice(&self) -> Advice {
        for_error(self)
    }
}

fn for_error(error: &CiamError) -> Advice {
    match error {
        CiamError::InvalidInput { field, problem } => Advice {
            title: format!("Check the {field}"),
            cause: format!("Nothing was sent. The {field}: {problem}."),
            action: format!("Correct the {field} and try again."),
        },
        CiamError::Dns { host, .. } => Advice {
            title: "Tenant domain not found".into(),
            cause: format!("This machine could not look up the name \"{host}\"."),
            action: "Check the spelling of the domain. On a corporate network or VPN, check \
                that you are connected; the domain may only resolve there."
                .into(),
        },
        CiamError::Connect { target, .. } => Advice {
            title: "Could not connect to the tenant".into(),
            cause: format!(
                "Nothing accepted a connection at {target}: the port is closed, a \
                firewall blocks it, or the host is unreachable."
            ),
            action: "Check the domain and port. If your network needs a proxy, set HTTPS_PROXY. \
                Try the same domain in a browser."
                .into(),
        },
        CiamError::Proxy { target, .. } => Advice {
            title: "The proxy could not reach the tenant".into(),
            cause: format!(
                "The proxy this machine uses (--proxy, HTTPS_PROXY or the system setting) refused \
                    or failed to open a tunnel to {target}: the request never reached the tenant."
            ),
            action: "Check the proxy address and whether it needs a login; try without the \
                proxy, or ask the network team whether it allows this domain."
                .into(),
        },
        CiamError::Timeout { phase, after } => Advice {
            title: "The tenant did not answer in time".into(),
            cause: match phase {
                TimeoutPhase::Connect => format!(
                    "No connection could be made within {} s: the \
                    network is slow, filtered, or the host is down.",
                    after.as_secs()
                ),
                TimeoutPhase::Total => format!(
                    "The tenant accepted the connection but did not \
                    finish answering within {} s.",
                    after.as_secs()
                ),
            },
            action: "Try again; if it keeps happening, check the network or proxy, or raise the \
                timeout."
                .into(),
        },
        CiamError::Tls { detail, .. } => Advice {
            title: "Secure connection failed".into(),
            cause: format!(
                "The tenant's certificate was not accepted by this machine \
                ({detail}). A company proxy that inspects TLS, a wrong domain, or an expired \
                certificate causes this."
            ),
            action: "Check the domain is the tenant's own. If your company inspects TLS, its CA \
                must be installed on this machine."
                .into(),
        },
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
            from_catalogue(entry, message.as_deref(), Lang::En).unwrap_or_else(|| for_rejection(0))
        }
        CiamError::Rejected { status, .. } => for_rejection(*status),
        CiamError::ServerError { .. } => Advice::new(
            "The tenant had an internal error",
            "The tenant accepted the request but failed while processing it (HTTP 5xx). This is \
                on the tenant's side, often a temporary overload (\"system busy\").",
            "Wait a minute and try again. If it persists, escalate to the tenant's operators \
                with the report.",
        ),
        CiamError::UnexpectedResponse {
            status, problem, ..
        } => {
            if status.is_some_and(|s| (300..400).contains(&s)) {
                Advice::new(
                    "The tenant answered with a redirect",
                    &format!(
                        "The server redirected instead of answering ({problem}). It was \
                        not followed, so the token went nowhere else. The domain is probably \
                        not the tenant's API domain."
                    ),
                    "Use the tenant's user-access domain exactly as shown in its console.",
                )
            } else {
                Advice::new(
                    "The answer was not what the API documents",
                    &format!(
                        "The server answered, but not with the documented JSON \
                        ({problem}). A proxy or a wrong domain may be in the way."
                    ),
                    "Check the domain; look at the raw response below for who answered.",
                )
            }
        }
    }
}

/// The catalogue's advice for a code, with `{wait}` filled from the tenant's own message.
pub fn from_catalogue(entry: Option<&Entry>, message: Option<&str>, lang: Lang) -> Option<Advice> {
    let text = entry?.text(lang);
    let wait = message
        .and_then(|m| catalogue::wait_in(m, lang))
        .unwrap_or_else(|| match lang {
            Lang::En => "a few minutes (3 by default)".to_owned(),
            Lang::Zh => "几分钟(默认 3 分钟)".to_owned(),
        });
    Some(Advice {
        title: text.title.clone(),
        cause: text.cause.clone(),
        action: text.action.replace("{wait}", &wait),
    })
}

fn for_rejection(status: u16) -> Advice {
    match status {
        401 => Advice::new(
            "Access token rejected",
            "The tenant did not accept the Authorization header (HTTP 401).",
            "Get a new access token with the application's client credentials.",
        ),
        403 => Advice::new(
            "Access denied",
            "The tenant understood the request but this application may not make it (HTTP \
                    403).",
            "Check the application's API permissions in the tenant console.",
        ),
        404 | 405 => Advice::new(
            "API not found on this domain",
            "This server does not offer the tenant API at this path: the domain is probably \
                    not the tenant's user-access domain.",
            "Use the tenant's user-access domain exactly as shown in its console.",
        ),
        _ => Advice::new(
            "Request rejected by the tenant",
            "The tenant refused the request; its own message below says why.",
            "Read the tenant's error code and message, correct the input and try again.",
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
        let a = rejected(400, Some("IDAAS.SDK.PARAM.0023")).advice();
        assert_eq!(a.title, "Session token rejected");
        assert!(a.action.contains("sign in again"));
        assert!(
            rejected(400, Some("IDAAS.SDK.PARAM.0024"))
                .advice()
                .action
                .contains("X-device-fingerprint")
        );
        assert_eq!(
            rejected(400, Some("invalid_token")).advice().title,
            "Access token rejected"
        );
    }

    #[test]
    fn unknown_codes_fall_back_to_the_status() {
        assert_eq!(
            rejected(401, Some("weird")).advice().title,
            "Access token rejected"
        );
        assert_eq!(
            rejected(404, None).advice().title,
            "API not found on this domain"
        );
        assert_eq!(
            rejected(418, None).advice().title,
            "Request rejected by the tenant"
        );
    }

    #[test]
    fn exit_codes_follow_whose_problem_it_is() {
        assert_eq!(CiamError::invalid_input("domain", "empty").exit_code(), 2);
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
