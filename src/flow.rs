//! The steps of API.md's login flow, run in order for the command line: an access token from
//! client credentials (if no token was given), a test login (if no session token was given), the
//! exchange, and the redemption of the ticket (if asked). Stops at the first failure.

use secrecy::SecretString;
use time::OffsetDateTime;

use crate::ciam::{
    CiamError, DeviceFields, ExchangeRequest, LoginRequest, TenantClient, TicketGrant, UserInfo,
    VerifyRequest,
};
use crate::secret::Redactor;
use crate::step::{Answer, Call, Step, StepRecord};

/// Where the access token comes from.
pub enum AccessTokenSource {
    Given(SecretString),
    ClientCredentials {
        client_id: String,
        secret: SecretString,
    },
}

/// Where the session token comes from.
pub enum SessionTokenSource {
    Given(SecretString),
    Login {
        client_id: String,
        user_name: String,
        password: SecretString,
    },
}

pub struct FlowInput {
    pub access: AccessTokenSource,
    pub session: SessionTokenSource,
    pub tenant_id: Option<String>,
    pub client_id: Option<String>,
    pub device: DeviceFields,
    pub redeem: bool,
}

#[derive(Default)]
pub struct FlowResult {
    pub steps: Vec<StepRecord>,
    pub ticket: Option<TicketGrant>,
    pub user: Option<UserInfo>,
    /// Every secret the run saw, including tokens it obtained, for redacting what it prints.
    pub redactor: Redactor,
}

impl FlowInput {
    /// Every secret the input holds.
    pub fn redactor(&self) -> Redactor {
        let mut r = Redactor::new();
        match &self.access {
            AccessTokenSource::Given(t) => r.add("access token", t),
            AccessTokenSource::ClientCredentials { secret, .. } => r.add("client secret", secret),
        }
        match &self.session {
            SessionTokenSource::Given(t) => r.add("session token", t),
            SessionTokenSource::Login { password, .. } => r.add("password", password),
        }
        r
    }
}

pub async fn run(client: &TenantClient, input: FlowInput) -> FlowResult {
    let mut result = FlowResult {
        redactor: input.redactor(),
        ..FlowResult::default()
    };

    let access_token = match input.access {
        AccessTokenSource::Given(t) => t,
        AccessTokenSource::ClientCredentials { client_id, secret } => {
            let call = Call::access_token(&client_id, &secret);
            let Some(Answer::AccessToken(grant)) = result.send(client, &call).await else {
                return result;
            };
            result.redactor.add("access token", &grant.access_token);
            grant.access_token
        }
    };

    let session_token = match input.session {
        SessionTokenSource::Given(t) => t,
        SessionTokenSource::Login {
            client_id,
            user_name,
            password,
        } => {
            let call = Call::login(&LoginRequest {
                client_id,
                user_name,
                password,
                tenant_id: input.tenant_id.clone(),
                device: input.device.clone(),
            });
            let Some(Answer::Login(grant)) = result.send(client, &call).await else {
                return result;
            };
            result.redactor.add("session token", &grant.session_token);
            grant.session_token
        }
    };

    let call = Call::exchange(&ExchangeRequest {
        access_token: access_token.clone(),
        session_token,
        tenant_id: input.tenant_id.clone(),
        client_id: input.client_id.clone(),
        device: input.device.clone(),
    });
    let Some(Answer::Ticket(grant)) = result.send(client, &call).await else {
        return result;
    };
    // Shown to the user, but a credential while it lives: kept out of reports.
    let ticket = SecretString::from(grant.sso_ticket.clone());
    result.redactor.add("ticket", &ticket);
    result.ticket = Some(grant);
    if result.failure().is_some() {
        // Issued, but not as the API means it (see `StepRecord`): shown, not redeemed.
        return result;
    }

    if input.redeem {
        let call = Call::redeem(&VerifyRequest {
            access_token,
            sso_ticket: ticket,
            tenant_id: input.tenant_id.clone(),
            device: input.device.clone(),
        });
        if let Some(Answer::User(user)) = result.send(client, &call).await {
            result.user = Some(user);
        }
    }
    result
}

impl FlowResult {
    /// Sends `call` and records it as a step; the answer, when there is one.
    async fn send(&mut self, client: &TenantClient, call: &Call) -> Option<Answer> {
        let outcome = call.send(client).await;
        self.steps
            .push(StepRecord::new(call, &outcome, OffsetDateTime::now_utc()));
        outcome.result.ok()
    }

    /// The step that failed and why, if the flow stopped early.
    pub fn failure(&self) -> Option<(Step, &CiamError)> {
        let last = self.steps.last()?;
        last.error.as_ref().map(|e| (last.step, e))
    }
}
