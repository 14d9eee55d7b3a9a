//! What `exchange`, `redeem` and `refresh` share: their secrets read (environment, file or
//! standard input), everything checked before a byte is sent, the flow run, the report written.

use std::path::Path;
use std::time::Instant;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use super::args::{CallArgs, SessionArgs};
use super::run_print::Run;
use super::secret_input::{read_password, read_secret, secret_given};
use super::{out, shared};
use crate::ciam::input::{optional_field, required_field};
use crate::ciam::jwt::{expired_access_token, now_unix};
use crate::ciam::{CiamError, DeviceFields, TenantClient, TenantUrl};
use crate::device::{DeviceOverrides, DeviceProfile, SentDevice};
use crate::env_vars;
use crate::files::PendingFile;
use crate::flow::{self, AccessTokenSource, FlowInput, FlowResult, Goal, SessionTokenSource};
use crate::i18n::Lang;
use crate::report::{FrontEnd, HandOver, Setting};
use crate::store::Profile;
use crate::store::keychain::Kept;
use crate::ticket::Ticket;
use crate::{msg, tr};

/// A document's bytes, made only when its file was asked for.
type Document<'a> = dyn Fn() -> Vec<u8> + 'a;

/// Everything checked and assembled before a byte is sent.
pub struct Prepared {
    pub base: TenantUrl,
    pub client: TenantClient,
    pub access: AccessTokenSource,
    pub tenant_id: Option<String>,
    pub client_id: Option<String>,
    pub device: DeviceFields,
    pub profile: DeviceProfile,
    /// The device values the user set, for the report's "where it came from".
    pub overrides: DeviceOverrides,
    /// This machine's own fingerprint, whatever is sent.
    pub detected_fingerprint: String,
    /// The name of the saved profile that filled the arguments in, for the documents.
    pub profile_name: Option<String>,
    report: Option<PendingFile>,
    har: Option<PendingFile>,
    case: Option<PendingFile>,
    lang: Lang,
}

/// Checks `args` and reads the secrets. `stdin_files` are the subcommand's other secret files,
/// so that at most one secret comes from standard input.
pub fn prepare(
    args: &CallArgs,
    stdin_files: &[Option<&Path>],
    lang: Lang,
) -> Result<Prepared, CiamError> {
    let base = shared::tenant(args.tenant.domain.as_deref())?;
    let stdin_users = [
        args.access_token_file.as_deref(),
        args.client_secret_file.as_deref(),
    ]
    .iter()
    .chain(stdin_files)
    .filter(|f| **f == Some(Path::new("-")))
    .count();
    if stdin_users > 1 {
        return Err(CiamError::invalid_input(
            "standard input",
            msg!("input-one-stdin"),
        ));
    }
    let client_id = optional_field(
        "client_id",
        args.tenant.client_id.as_deref().unwrap_or_default(),
    )?;
    let access = access_source(args, client_id.as_deref(), lang)?;
    let tenant_id = optional_field(
        "X-tenant-id",
        args.tenant.tenant_id.as_deref().unwrap_or_default(),
    )?;
    let overrides = shared::overrides(&args.device)?;
    // Everything local is checked before the device detection's route and DNS lookups.
    let client = shared::client(base.clone(), args.timeout, &args.network)?;
    // A call may spend something (a one-time ticket): a report that could not be saved must be
    // known before it.
    let report = pending_file(args.report.as_deref(), "report")?;
    let har = pending_file(args.har.as_deref(), "har")?;
    let case = pending_file(args.case.as_deref(), "case")?;
    let shared::Device {
        profile,
        fields: device,
        detected_fingerprint,
    } = shared::device(&base, &overrides)?;
    Ok(Prepared {
        base,
        client,
        access,
        tenant_id,
        client_id,
        device,
        profile,
        overrides,
        detected_fingerprint,
        profile_name: args.profile.as_ref().map(|p| p.name.clone()),
        report,
        har,
        case,
        lang,
    })
}

/// A file the run will write, created now: one that cannot be written is known before anything
/// is sent (and spent).
pub fn pending_file(path: Option<&Path>, field: &str) -> Result<Option<PendingFile>, CiamError> {
    path.map(|path| {
        PendingFile::create(path).map_err(|e| {
            let (path, error) = (path.display().to_string(), e.to_string());
            CiamError::invalid_input(
                field,
                msg!("input-cannot-write", path = path, error = error),
            )
        })
    })
    .transpose()
}

/// Puts `contents` in place; a failure is said and is the run's exit code (1).
pub fn commit(file: PendingFile, contents: &[u8], lang: Lang) -> Result<(), u8> {
    let path = file.path().display().to_string();
    file.commit(contents).map_err(|e| {
        let error = e.to_string();
        out::eline(tr!(
            lang,
            "cli-report-not-written",
            path = path,
            error = error
        ));
        1
    })
}

fn access_source(
    args: &CallArgs,
    client_id: Option<&str>,
    lang: Lang,
) -> Result<AccessTokenSource, CiamError> {
    let (access_env, secret_env) = (env_vars::ACCESS_TOKEN, env_vars::CLIENT_SECRET);
    if secret_given(access_env, args.access_token_file.as_deref()) {
        let token = read_secret(
            "access token",
            access_env,
            args.access_token_file.as_deref(),
            "--access-token-file",
        )?;
        // Sent anyway: the tenant's answer is the evidence; the warning explains it in advance.
        if let Some(warning) = expired_access_token(token.expose_secret(), now_unix(), lang) {
            out::eline(tr!(lang, "cli-warning", warning = warning));
        }
        return Ok(AccessTokenSource::Given(token));
    }
    if secret_given(secret_env, args.client_secret_file.as_deref()) {
        let secret = read_secret(
            "client secret",
            secret_env,
            args.client_secret_file.as_deref(),
            "--client-secret-file",
        )?;
        let client_id = client_id.map(str::to_owned).ok_or_else(|| {
            CiamError::invalid_input("client_id", msg!("input-cli-client-id-for-token"))
        })?;
        return Ok(AccessTokenSource::ClientCredentials { client_id, secret });
    }
    let profile = args.profile.as_ref();
    if let Some(secret) = super::profile::remembered_secret(profile, Kept::ClientSecret)? {
        let client_id = client_id.map(str::to_owned).ok_or_else(|| {
            CiamError::invalid_input("client_id", msg!("input-cli-client-id-for-token"))
        })?;
        return Ok(AccessTokenSource::ClientCredentials { client_id, secret });
    }
    Err(CiamError::invalid_input(
        "access token",
        msg!(
            "input-cli-access-not-given",
            access_env = access_env,
            secret_env = secret_env
        ),
    ))
}

/// The session token given, or a test login of `--user` (the password from `profile`'s keychain
/// when none is given).
pub fn session_source(
    args: &SessionArgs,
    client_id: Option<&str>,
    profile: Option<&Profile>,
) -> Result<SessionTokenSource, CiamError> {
    let env = env_vars::SESSION_TOKEN;
    if secret_given(env, args.session_token_file.as_deref()) || args.user.is_none() {
        return Ok(SessionTokenSource::Given(read_secret(
            "session token",
            env,
            args.session_token_file.as_deref(),
            "--session-token-file",
        )?));
    }
    let user_name = required_field("user name", args.user.as_deref().unwrap_or_default())?;
    let password = password(args.password_file.as_deref(), profile)?;
    let client_id = client_id.map(str::to_owned).ok_or_else(|| {
        CiamError::invalid_input("client_id", msg!("input-cli-client-id-for-login"))
    })?;
    Ok(SessionTokenSource::Login {
        client_id,
        user_name,
        password,
    })
}

/// The password given (file, environment, standard input), else the one `profile` keeps in the
/// keychain.
pub fn password(file: Option<&Path>, profile: Option<&Profile>) -> Result<SecretString, CiamError> {
    if !secret_given(env_vars::PASSWORD, file)
        && let Some(password) = super::profile::remembered_secret(profile, Kept::Password)?
    {
        return Ok(password);
    }
    read_password(file)
}

/// The ticket handed over: `$SSO_DIAG_TICKET`, a file, or standard input.
pub fn ticket(file: Option<&Path>) -> Result<SecretString, CiamError> {
    let file = match file {
        None if std::env::var_os(env_vars::TICKET).is_none() => Some(Path::new("-")),
        other => other,
    };
    read_secret("ticket", env_vars::TICKET, file, "--ticket-file")
}

impl Prepared {
    /// Where the run happens, as every document of it says: the tenant, the device as sent, the
    /// profile's values (never a secret).
    fn setting(&self) -> Setting {
        let o = &self.overrides;
        let fields = crate::store::ProfileFields {
            domain: self.base.to_string(),
            tenant_id: self.tenant_id.clone().unwrap_or_default(),
            client_id: self.client_id.clone().unwrap_or_default(),
            os_version: o.os_version.clone(),
            device_ip: o.device_ip.clone(),
            fingerprint: o.fingerprint.clone(),
            agent: o.agent.clone(),
            lang: Some(self.lang),
            ..crate::store::ProfileFields::default()
        };
        Setting {
            tenant: self.base.to_string(),
            device: SentDevice::new(&self.profile, &self.overrides),
            front_end: FrontEnd::CommandLine,
            profile: self.profile_name.clone(),
            fields,
        }
    }

    /// Runs the flow towards `goal`, prints what happened with `print` (the ticket first, when one
    /// was issued), writes the report, the case and the HAR. The exit code.
    pub fn run(
        mut self,
        goal: Goal,
        print: impl FnOnce(&Run, Option<&CiamError>),
    ) -> Result<u8, CiamError> {
        let setting = self.setting();
        let input = FlowInput {
            access: self.access,
            goal,
            tenant_id: self.tenant_id,
            client_id: self.client_id,
            device: self.device,
            detected_fingerprint: Some(self.detected_fingerprint),
            lang: self.lang,
        };
        let result: FlowResult = shared::runtime()?.block_on(flow::run(&mut self.client, input));
        let received = Instant::now();
        let received_wall = OffsetDateTime::now_utc();
        let ticket = result.ticket.as_ref().map(|grant| {
            Ticket::new(
                grant.sso_ticket.clone(),
                grant.expire_secs,
                received,
                received_wall,
            )
        });
        let hand_over = HandOver::new(setting, &result.steps).with_user(result.user.as_ref());
        let run = Run {
            result: &result,
            ticket: ticket.as_ref(),
            hand_over: &hand_over,
            lang: self.lang,
        };
        let failure = result.failure();
        print(&run, failure.map(|(_, e)| e));
        let code = failure.map_or(0, |(_, e)| e.exit_code());
        let lang = self.lang;
        let documents: [(Option<PendingFile>, &Document); 3] = [
            (self.report, &|| {
                hand_over.markdown(received_wall, lang).into_bytes()
            }),
            (self.case, &|| hand_over.case().to_bytes()),
            (self.har, &|| hand_over.har().into_bytes()),
        ];
        for (file, bytes) in documents {
            if let Some(file) = file
                && let Err(code) = commit(file, &bytes(), lang)
            {
                return Ok(code);
            }
        }
        Ok(code)
    }
}
