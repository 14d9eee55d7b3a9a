//! The steps of API.md's login flow, run in order for the command line: an access token from
//! client credentials (if no token was given), then the goal — the exchange (with a test login
//! first if no session token was given, and the redemption of the ticket if asked), the redemption
//! of a ticket handed over, or a refresh of the session. Stops at the first failure.

use secrecy::SecretString;
use time::OffsetDateTime;

use crate::ciam::{
    CiamError, DeviceFields, ExchangeRequest, LoginRequest, RefreshGrant, RefreshRequest,
    TicketGrant, UserInfo, VerifyRequest,
};
use crate::i18n::Lang;
use crate::secret::Redactor;
use crate::step::{Answer, Call, FingerprintOrigin, Step, StepRecord, Transport};

/// Where the access token comes from.
#[derive(Clone)]
pub enum AccessTokenSource {
    Given(SecretString),
    ClientCredentials {
        client_id: String,
        secret: SecretString,
    },
}

/// Where the session token comes from.
#[derive(Clone)]
pub enum SessionTokenSource {
    Given(SecretString),
    Login {
        client_id: String,
        user_name: String,
        password: SecretString,
    },
}

/// What the run is for.
#[derive(Clone)]
pub enum Goal {
    /// Exchange the session token for a ticket, and redeem it right away if asked.
    Exchange {
        session: SessionTokenSource,
        redeem: bool,
    },
    /// Redeem a ticket the engineer was handed: whose is it, or why not.
    Redeem { ticket: SecretString },
    /// Refresh the session token: is the session alive?
    Refresh { session: SessionTokenSource },
}

/// Cloned by watch mode, which runs the same flow again and again.
#[derive(Clone)]
pub struct FlowInput {
    pub access: AccessTokenSource,
    pub goal: Goal,
    pub tenant_id: Option<String>,
    pub client_id: Option<String>,
    pub device: DeviceFields,
    /// This machine's own fingerprint, for the diagnosis of a refused session.
    pub detected_fingerprint: Option<String>,
    /// The language the tenant is asked to answer a login in (`X-L`).
    pub lang: Lang,
}

#[derive(Default)]
pub struct FlowResult {
    pub steps: Vec<StepRecord>,
    pub ticket: Option<TicketGrant>,
    pub user: Option<UserInfo>,
    /// A refresh's new session token.
    pub session: Option<RefreshGrant>,
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
        let session = match &self.goal {
            Goal::Exchange { session, .. } | Goal::Refresh { session } => Some(session),
            Goal::Redeem { ticket } => {
                r.add("ticket", ticket);
                None
            }
        };
        match session {
            Some(SessionTokenSource::Given(t)) => r.add("session token", t),
            Some(SessionTokenSource::Login { password, .. }) => r.add("password", password),
            None => {}
        }
        r
    }
}

impl FlowInput {
    /// A run's start: an empty result that already redacts the input's secrets, what every call
    /// shares, and where the access token and the goal come from.
    fn begin(self) -> (FlowResult, Context, AccessTokenSource, Goal) {
        let result = FlowResult {
            redactor: self.redactor(),
            ..FlowResult::default()
        };
        let ctx = Context {
            tenant_id: self.tenant_id,
            client_id: self.client_id,
            device: self.device,
            detected_fingerprint: self.detected_fingerprint,
            lang: self.lang,
        };
        (result, ctx, self.access, self.goal)
    }
}

/// What every call of one run shares.
struct Context {
    tenant_id: Option<String>,
    client_id: Option<String>,
    device: DeviceFields,
    detected_fingerprint: Option<String>,
    lang: Lang,
}

impl Context {
    /// What is known of the fingerprint a credential was issued for: this run's own device when
    /// this run obtained it (`here`), and this machine's detected fingerprint.
    fn origin(&self, here: bool) -> FingerprintOrigin {
        FingerprintOrigin {
            detected: self.detected_fingerprint.clone(),
            issued_for: here.then(|| self.device.fingerprint.clone()),
        }
    }
}

/// Runs the flow on `client`: the tenant client, or watch mode's probe.
pub async fn run(client: &mut impl Transport, input: FlowInput) -> FlowResult {
    let (mut result, ctx, access, goal) = input.begin();
    let Some(access_token) = result.access_token(client, access).await else {
        return result;
    };
    match goal {
        Goal::Exchange { session, redeem } => {
            let logged_in_here = matches!(session, SessionTokenSource::Login { .. });
            let Some(session_token) = result.session_token(client, session, &ctx).await else {
                return result;
            };
            let call = Call::exchange(&ExchangeRequest {
                access_token: access_token.clone(),
                session_token,
                tenant_id: ctx.tenant_id.clone(),
                client_id: ctx.client_id.clone(),
                device: ctx.device.clone(),
            })
            .with_origin(ctx.origin(logged_in_here));
            let Some(Answer::Ticket(grant)) = result.send(client, &call).await else {
                return result;
            };
            // Shown to the user, but a credential while it lives: kept out of reports.
            let ticket = SecretString::from(grant.sso_ticket.clone());
            result.redactor.add("ticket", &ticket);
            result.ticket = Some(grant);
            // Issued, but not as the API means it (see `StepRecord`): shown, not redeemed.
            if redeem && result.failure().is_none() {
                let origin = ctx.origin(true);
                result
                    .redeem(client, access_token, ticket, &ctx, origin)
                    .await;
            }
        }
        Goal::Redeem { ticket } => {
            let origin = ctx.origin(false);
            result
                .redeem(client, access_token, ticket, &ctx, origin)
                .await
        }
        Goal::Refresh { session } => {
            let logged_in_here = matches!(session, SessionTokenSource::Login { .. });
            let Some(session_token) = result.session_token(client, session, &ctx).await else {
                return result;
            };
            let call = Call::refresh(&RefreshRequest {
                access_token,
                session_token,
                tenant_id: ctx.tenant_id.clone(),
                device: ctx.device.clone(),
            })
            .with_origin(ctx.origin(logged_in_here));
            if let Some(Answer::Session(grant)) = result.send(client, &call).await {
                result.redactor.add("session token", &grant.session_token);
                result.session = Some(grant);
            }
        }
    }
    result
}

/// The exchange's two tokens, given or obtained the way [`run`] obtains them (client credentials,
/// a test login), or the error of the step that failed: watch mode measures the exchange, not the
/// way to its inputs. The session token comes from `input`'s goal (a redeem has none).
pub async fn exchange_tokens(
    client: &mut impl Transport,
    input: FlowInput,
) -> Result<(SecretString, SecretString), CiamError> {
    let (mut result, ctx, access, goal) = input.begin();
    let failed = |result: &FlowResult, step: Step| match result.failure() {
        Some((_, error)) => error.clone(),
        None => CiamError::UnexpectedResponse {
            status: None,
            problem: format!("{} answered something else", step.key()),
            body: String::new(),
        },
    };
    let session = match goal {
        Goal::Exchange { session, .. } | Goal::Refresh { session } => session,
        Goal::Redeem { .. } => {
            return Err(CiamError::invalid_input(
                "session token",
                crate::msg!("input-empty"),
            ));
        }
    };
    let Some(access) = result.access_token(client, access).await else {
        return Err(failed(&result, Step::AccessToken));
    };
    let Some(session) = result.session_token(client, session, &ctx).await else {
        return Err(failed(&result, Step::Login));
    };
    Ok((access, session))
}

impl FlowResult {
    /// Sends `call` and records it as a step; the answer, when there is one.
    async fn send(&mut self, client: &mut impl Transport, call: &Call) -> Option<Answer> {
        let outcome = client.send(call).await;
        self.steps
            .push(StepRecord::new(call, &outcome, OffsetDateTime::now_utc()));
        outcome.result.ok()
    }

    async fn access_token(
        &mut self,
        client: &mut impl Transport,
        source: AccessTokenSource,
    ) -> Option<SecretString> {
        match source {
            AccessTokenSource::Given(t) => Some(t),
            AccessTokenSource::ClientCredentials { client_id, secret } => {
                let call = Call::access_token(&client_id, &secret);
                let Some(Answer::AccessToken(grant)) = self.send(client, &call).await else {
                    return None;
                };
                self.redactor.add("access token", &grant.access_token);
                Some(grant.access_token)
            }
        }
    }

    async fn session_token(
        &mut self,
        client: &mut impl Transport,
        source: SessionTokenSource,
        ctx: &Context,
    ) -> Option<SecretString> {
        match source {
            SessionTokenSource::Given(t) => Some(t),
            SessionTokenSource::Login {
                client_id,
                user_name,
                password,
            } => {
                let call = Call::login(&LoginRequest {
                    client_id,
                    user_name,
                    password,
                    tenant_id: ctx.tenant_id.clone(),
                    device: ctx.device.clone(),
                    language: ctx.lang.tenant_tag().to_owned(),
                });
                let Some(Answer::Login(grant)) = self.send(client, &call).await else {
                    return None;
                };
                self.redactor.add("session token", &grant.session_token);
                Some(grant.session_token)
            }
        }
    }

    async fn redeem(
        &mut self,
        client: &mut impl Transport,
        access_token: SecretString,
        ticket: SecretString,
        ctx: &Context,
        origin: FingerprintOrigin,
    ) {
        let call = Call::redeem(&VerifyRequest {
            access_token,
            sso_ticket: ticket,
            tenant_id: ctx.tenant_id.clone(),
            device: ctx.device.clone(),
        })
        .with_origin(origin);
        if let Some(Answer::User(user)) = self.send(client, &call).await {
            self.user = Some(user);
        }
    }

    /// The step that failed and why, if the flow stopped early.
    pub fn failure(&self) -> Option<(Step, &CiamError)> {
        let last = self.steps.last()?;
        last.error.as_ref().map(|e| (last.step, e))
    }

    /// Every warning of every step, in order, in `lang`.
    pub fn warnings(&self, lang: Lang) -> Vec<String> {
        self.steps.iter().flat_map(|s| s.warnings(lang)).collect()
    }
}
