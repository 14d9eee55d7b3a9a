//! The steps of API.md's login flow, run in order for the command line: an access token from
//! client credentials (if no token was given), a test login (if no session token was given), the
//! exchange, and the redemption of the ticket (if asked). Stops at the first failure.

use secrecy::SecretString;

use crate::ciam::{
    CiamError, DeviceFields, ExchangeRequest, HttpRecord, LoginRequest, TenantClient, TicketGrant,
    UserInfo, VerifyRequest, exchange, fetch_access_token, login, verify,
};
use crate::secret::Redactor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    AccessToken,
    Login,
    Exchange,
    Redeem,
}

impl Step {
    pub fn title(self) -> &'static str {
        match self {
            Step::AccessToken => "Access token from client credentials",
            Step::Login => "Test login",
            Step::Exchange => "Exchange session token for SSO ticket",
            Step::Redeem => "Redeem the ticket for user info",
        }
    }

    /// A short name for tables and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Step::AccessToken => "token",
            Step::Login => "login",
            Step::Exchange => "exchange",
            Step::Redeem => "redeem",
        }
    }
}

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

/// One step as it happened: the evidence and a one-line outcome.
pub struct StepRecord {
    pub step: Step,
    pub record: HttpRecord,
    pub summary: String,
}

#[derive(Default)]
pub struct FlowResult {
    pub steps: Vec<StepRecord>,
    pub ticket: Option<TicketGrant>,
    pub user: Option<UserInfo>,
    pub error: Option<(Step, CiamError)>,
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
            let outcome = fetch_access_token(client, &client_id, &secret).await;
            match outcome.result {
                Ok(grant) => {
                    result.redactor.add("access token", &grant.access_token);
                    let summary = match grant.expires_in {
                        Some(s) => format!("access token issued, valid for {s} s"),
                        None => "access token issued".to_owned(),
                    };
                    result.steps.push(StepRecord {
                        step: Step::AccessToken,
                        record: outcome.record,
                        summary,
                    });
                    grant.access_token
                }
                Err(e) => return result.fail(Step::AccessToken, outcome.record, e),
            }
        }
    };

    let session_token = match input.session {
        SessionTokenSource::Given(t) => t,
        SessionTokenSource::Login {
            client_id,
            user_name,
            password,
        } => {
            let request = LoginRequest {
                client_id,
                user_name: user_name.clone(),
                password,
                tenant_id: input.tenant_id.clone(),
                device: input.device.clone(),
            };
            let outcome = login(client, &request).await;
            match outcome.result {
                Ok(grant) => {
                    result.redactor.add("session token", &grant.session_token);
                    let summary = format!(
                        "{user_name} logged in; session token bound to fingerprint {}",
                        input.device.fingerprint
                    );
                    result.steps.push(StepRecord {
                        step: Step::Login,
                        record: outcome.record,
                        summary,
                    });
                    grant.session_token
                }
                Err(e) => return result.fail(Step::Login, outcome.record, e),
            }
        }
    };

    let request = ExchangeRequest {
        access_token: access_token.clone(),
        session_token,
        tenant_id: input.tenant_id.clone(),
        client_id: input.client_id.clone(),
        device: input.device.clone(),
    };
    let outcome = exchange(client, &request).await;
    let grant = match outcome.result {
        Ok(grant) => {
            // Shown to the user, but a credential while it lives: kept out of reports.
            result
                .redactor
                .add("ticket", &SecretString::from(grant.sso_ticket.clone()));
            let summary = format!("ticket issued, valid for {} s", grant.expire_secs);
            result.steps.push(StepRecord {
                step: Step::Exchange,
                record: outcome.record,
                summary,
            });
            grant
        }
        Err(e) => return result.fail(Step::Exchange, outcome.record, e),
    };

    if input.redeem {
        let request = VerifyRequest {
            access_token,
            sso_ticket: SecretString::from(grant.sso_ticket.clone()),
            tenant_id: input.tenant_id.clone(),
            device: input.device.clone(),
        };
        let outcome = verify(client, &request).await;
        match outcome.result {
            Ok(user) => {
                let summary = format!(
                    "ticket redeemed: {}",
                    user.display_name().unwrap_or("(no name)")
                );
                result.steps.push(StepRecord {
                    step: Step::Redeem,
                    record: outcome.record,
                    summary,
                });
                result.user = Some(user);
            }
            Err(e) => {
                result.ticket = Some(grant);
                return result.fail(Step::Redeem, outcome.record, e);
            }
        }
    }
    result.ticket = Some(grant);
    result
}

impl FlowResult {
    fn fail(mut self, step: Step, record: HttpRecord, error: CiamError) -> Self {
        self.steps.push(StepRecord {
            step,
            record,
            summary: format!("failed: {}", error.advice().title),
        });
        self.error = Some((step, error));
        self
    }
}
