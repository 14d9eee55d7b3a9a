//! A call: one request of one step, built once from its validated input, then sent as it is —
//! so what the window's "Copy as curl" shows is what went on the wire.

use secrecy::SecretString;

use super::Step;
use super::diagnosis::FingerprintOrigin;
use crate::ciam::client::ApiOutcome;
use crate::ciam::exchange::parse_ticket_response;
use crate::ciam::login::read_login;
use crate::ciam::refresh::parse_refresh_response;
use crate::ciam::request::ApiRequest;
use crate::ciam::token::{parse_token_response, token_api_request};
use crate::ciam::verify::parse_user_info;
use crate::ciam::{
    AccessTokenGrant, CiamError, ExchangeRequest, HttpRecord, LoginGrant, LoginRequest,
    RefreshGrant, RefreshRequest, TenantClient, TicketGrant, UserInfo, VerifyRequest,
};

#[derive(Clone)]
pub struct Call {
    step: Step,
    request: ApiRequest,
    /// What is known of the fingerprint its credential was issued for (the diagnosis of a
    /// refusal weighs it).
    origin: FingerprintOrigin,
}

/// What a successful call brought back.
#[derive(Debug, Clone)]
pub enum Answer {
    AccessToken(AccessTokenGrant),
    Login(LoginGrant),
    Ticket(TicketGrant),
    User(UserInfo),
    Session(RefreshGrant),
    /// The tenant answered HTTP, whatever it said.
    Reached {
        status: u16,
    },
}

/// A finished call: the evidence, and the answer or why not.
pub struct CallOutcome {
    pub step: Step,
    pub record: HttpRecord,
    pub result: Result<Answer, CiamError>,
}

impl Call {
    pub fn access_token(client_id: &str, client_secret: &SecretString) -> Self {
        Self {
            step: Step::AccessToken,
            request: token_api_request(client_id, client_secret),
            origin: FingerprintOrigin::default(),
        }
    }

    pub fn login(request: &LoginRequest) -> Self {
        Self {
            step: Step::Login,
            request: request.to_api_request(),
            origin: FingerprintOrigin::default(),
        }
    }

    pub fn exchange(request: &ExchangeRequest) -> Self {
        Self {
            step: Step::Exchange,
            request: request.to_api_request(),
            origin: FingerprintOrigin::default(),
        }
    }

    pub fn redeem(request: &VerifyRequest) -> Self {
        Self {
            step: Step::Redeem,
            request: request.to_api_request(),
            origin: FingerprintOrigin::default(),
        }
    }

    pub fn refresh(request: &RefreshRequest) -> Self {
        Self {
            step: Step::Refresh,
            request: request.to_api_request(),
            origin: FingerprintOrigin::default(),
        }
    }

    /// `GET /` on the tenant, with no token: any HTTP answer means it is there.
    pub fn reachability() -> Self {
        Self {
            step: Step::Reachability,
            request: ApiRequest::get("/"),
            origin: FingerprintOrigin::default(),
        }
    }

    /// The call, knowing which fingerprint its credential was issued for.
    pub fn with_origin(mut self, origin: FingerprintOrigin) -> Self {
        self.origin = origin;
        self
    }

    pub fn origin(&self) -> &FingerprintOrigin {
        &self.origin
    }

    pub fn step(&self) -> Step {
        self.step
    }

    /// The request as it is sent (its secrets stay `SecretString`s).
    pub fn request(&self) -> &ApiRequest {
        &self.request
    }

    pub async fn send(&self, client: &TenantClient) -> CallOutcome {
        self.read(client.send(&self.request).await)
    }

    /// The step's answer read from what came back, whichever transport brought it (watch mode's
    /// probe has its own).
    pub fn read(&self, raw: ApiOutcome) -> CallOutcome {
        let outcome = match self.step {
            Step::AccessToken => raw.parse(|v| parse_token_response(v).map(Answer::AccessToken)),
            Step::Login => read_login(raw).map(Answer::Login),
            Step::Exchange => raw.parse(|v| parse_ticket_response(v).map(Answer::Ticket)),
            Step::Redeem => raw.parse(|v| parse_user_info(v).map(Answer::User)),
            Step::Refresh => raw.parse(|v| parse_refresh_response(v).map(Answer::Session)),
            Step::Reachability => reached(raw),
        };
        CallOutcome {
            step: self.step,
            record: outcome.record,
            result: outcome.result,
        }
    }

    /// The outcome of this call when it could not be sent at all (a bad CA file or proxy).
    pub fn not_sent(&self, error: CiamError) -> CallOutcome {
        CallOutcome {
            step: self.step,
            record: HttpRecord::not_sent(),
            result: Err(error),
        }
    }
}

/// Any HTTP answer, a refusal or an error page included, means the tenant is there; only a call
/// that got none failed.
fn reached(raw: ApiOutcome) -> crate::ciam::Outcome<Answer> {
    let status = raw.record.response.as_ref().map(|r| r.status);
    let result = match (status, raw.result) {
        (Some(status), _) => Ok(Answer::Reached { status }),
        (None, Ok(_)) => Err(CiamError::UnexpectedResponse {
            status: None,
            problem: "no answer was recorded".to_owned(),
            body: String::new(),
        }),
        (None, Err(error)) => Err(error),
    };
    crate::ciam::Outcome {
        record: raw.record,
        result,
    }
}
