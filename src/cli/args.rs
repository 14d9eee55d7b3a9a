//! The command-line interface, as documented in README.md. Tokens are never plain arguments
//! (they would show in `ps`): they come from the environment, a file, or standard input.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::i18n::Lang;
use crate::mock::Scenario;
use crate::store::Profile;
use crate::watch::WatchWhat;

pub use super::common_args::{DeviceOverrideArgs, NetworkArgs, TenantArgs, parse_lang};
pub use super::profile_args::{KeptSecret, ProfileArgs, ProfileCommand, ProfileNewArgs};

#[derive(Debug, Parser)]
#[command(
    name = "sso-diag",
    version = crate::VERSION,
    about = "Troubleshoot CIAM logins: exchange a session token for an SSO ticket and explain \
        what went wrong",
    long_about = "Troubleshoot CIAM logins: exchange a session token for an SSO ticket and \
        explain what went wrong.\n\nWithout a subcommand, opens the window; its fields can be \
        pre-filled with the options below and the tokens from $SSO_DIAG_ACCESS_TOKEN and \
        $SSO_DIAG_SESSION_TOKEN.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Write the log (always redacted) to this file; the window otherwise logs to its data
    /// directory, the command line to standard error when RUST_LOG is set
    #[arg(long, value_name = "PATH", global = true)]
    pub log_file: Option<PathBuf>,
    /// The language of the window and of the human output: en or zh-CN (default: $SSO_DIAG_LANG,
    /// else the system's language). --json, exit codes and the log stay English
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Fill in what this saved profile holds (`sso-diag profile list`); options given on the
    /// command line win over it. `watch` takes it more than once: one tenant per profile
    #[arg(long, value_name = "NAME", global = true, action = ArgAction::Append)]
    pub profile: Vec<String>,
}

/// Options of the window (no subcommand).
#[derive(Debug, Clone, Args)]
pub struct WindowArgs {
    /// Start a mock tenant on a free loopback port and fill in the window to use it
    #[arg(long)]
    pub demo: bool,
    /// With --demo: how the mock tenant answers (see `sso-diag mock --help`)
    #[arg(long, value_enum, value_name = "NAME", default_value_t = Scenario::Normal, requires = "demo")]
    pub scenario: Scenario,
    /// Start watching the tenant filled in as soon as the window opens (with --demo: a flaky
    /// mock tenant)
    #[arg(long)]
    pub watch: bool,
    /// With --watch: seconds between probes (default 0.5; at least 1, or 0.1 towards this machine)
    #[arg(long, value_name = "SECONDS", requires = "watch")]
    pub watch_every: Option<f32>,
    /// Open the window showing this case file, read-only
    #[arg(long, value_name = "FILE")]
    pub open_case: Option<PathBuf>,
    #[command(flatten)]
    pub tenant: TenantArgs,
    #[command(flatten)]
    pub device: DeviceOverrideArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Exchange a session token for an SSO ticket (API: POST /api/v2/tenant/sso/session-token/sso-ticket).
    ///
    /// Access token: $SSO_DIAG_ACCESS_TOKEN or --access-token-file.
    /// Session token: $SSO_DIAG_SESSION_TOKEN or --session-token-file.
    /// Exit codes: 0 ticket issued, 2 invalid input, 3 network/TLS/timeout, 4 rejected by the
    /// tenant (4xx), 5 tenant server error (5xx), 6 unexpected response.
    Exchange(ExchangeArgs),
    /// Redeem a ticket you were handed (API: POST /api/v2/tenant/sso/sso-ticket/verify): whose is
    /// it, or why not (used, expired, another device).
    ///
    /// Ticket: $SSO_DIAG_TICKET, --ticket-file, or standard input — never an argument. The ticket
    /// is used up if it is valid. Exit codes as for exchange.
    Redeem(RedeemArgs),
    /// Refresh a session token (API: POST /api/v2/tenant/sso/session-token/refresh): is the session
    /// alive, or did it expire or was it revoked?
    ///
    /// Session token: $SSO_DIAG_SESSION_TOKEN, --session-token-file, or a test login with --user.
    Refresh(RefreshArgs),
    /// Log a test user in (API: POST /api/v2/sdk/login) with this device's fingerprint.
    ///
    /// Password: $SSO_DIAG_PASSWORD, --password-file, or standard input.
    Login(LoginArgs),
    /// Check the network path to the tenant: DNS, TCP, TLS, HTTP and the clock.
    Check(CheckArgs),
    /// Probe again and again (the exchange, or reachability only): a line per attempt with where
    /// its time went, a summary at the end or on Ctrl+C.
    ///
    /// One probe at a time, at least a second apart. Each successful exchange issues a ticket that
    /// simply expires. Exit code: 0 when every attempt succeeded, else that of the most frequent
    /// failure (3 network/timeout, 4 rejected, 5 server error, 6 unexpected).
    Watch(WatchArgs),
    /// Print the auto-detected device profile.
    Device(DeviceArgs),
    /// Run the mock tenant in the foreground.
    Mock(MockArgs),
    /// Saved tenant profiles: create, list, show, export to a colleague, import, delete.
    ///
    /// A profile holds the domain, X-tenant-id, client_id, test user, CA file, proxy, timeout,
    /// device overrides and language — never a secret. Use one with --profile NAME.
    Profile(ProfileArgs),
}

/// What the calls that need an access token share.
#[derive(Debug, Clone, Args)]
pub struct CallArgs {
    #[command(flatten)]
    pub tenant: TenantArgs,
    #[command(flatten)]
    pub device: DeviceOverrideArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Read the access token from this file ('-' = standard input) instead of
    /// $SSO_DIAG_ACCESS_TOKEN
    #[arg(long, value_name = "PATH")]
    pub access_token_file: Option<PathBuf>,
    /// Without an access token: fetch one with --client-id and the secret in this file
    /// ('-' = standard input) or $SSO_DIAG_CLIENT_SECRET
    #[arg(long, value_name = "PATH")]
    pub client_secret_file: Option<PathBuf>,
    /// Write a redacted Markdown report of the run to this file (checked before anything is sent)
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Write the run's calls as a HAR 1.2 file (browser DevTools, Fiddler, Charles import it),
    /// secrets redacted; checked before anything is sent
    #[arg(long, value_name = "FILE")]
    pub har: Option<PathBuf>,
    /// Write a case file for a colleague: the profile's values, the device, every step with its
    /// evidence and verdict, and the HAR — redacted; `sso-diag --open-case FILE` shows it
    #[arg(long, value_name = "FILE")]
    pub case: Option<PathBuf>,
    /// Give up after this many seconds (the connection alone gets at most 10 s)
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Print one JSON object on standard output instead of a summary
    #[arg(long)]
    pub json: bool,
    /// The saved profile that filled these in (`--profile`): its name for the documents, the
    /// secrets it keeps in the keychain.
    #[arg(skip)]
    pub profile: Option<Profile>,
}

/// Where the session token comes from, for the calls that send one.
#[derive(Debug, Clone, Args)]
pub struct SessionArgs {
    /// Read the session token from this file ('-' = standard input) instead of
    /// $SSO_DIAG_SESSION_TOKEN
    #[arg(long, value_name = "PATH")]
    pub session_token_file: Option<PathBuf>,
    /// Without a session token: log this test user in first
    /// (password in $SSO_DIAG_PASSWORD or --password-file)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// The test user's password, from this file ('-' = standard input)
    #[arg(long, value_name = "PATH")]
    pub password_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExchangeArgs {
    #[command(flatten)]
    pub call: CallArgs,
    #[command(flatten)]
    pub session: SessionArgs,
    /// Redeem the ticket right away and show whose it is (the ticket is then used up)
    #[arg(long)]
    pub redeem: bool,
    /// Print the exchange request as a curl command (tokens as $SSO_DIAG_… variables) and send
    /// nothing
    #[arg(long)]
    pub curl: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub call: CallArgs,
    #[command(flatten)]
    pub session: SessionArgs,
    /// What each probe sends
    #[arg(long, value_enum, default_value_t = WatchWhat::Exchange)]
    pub what: WatchWhat,
    /// Seconds between the starts of two probes (at least 1)
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    pub interval: f64,
    /// Stop after this many attempts (of each tenant)
    #[arg(long, value_name = "N", conflicts_with = "duration")]
    pub count: Option<u32>,
    /// Stop after this long: 90s, 30m, 1h (without --count or --for: until Ctrl+C)
    #[arg(
        long = "for",
        id = "duration",
        visible_alias = "duration",
        value_name = "DURATION"
    )]
    pub duration: Option<String>,
    /// Keep one connection for every probe, as a real application does (default: a new
    /// connection each time, so DNS, TCP and TLS are measured every time)
    #[arg(long)]
    pub reuse_connection: bool,
    /// Stop at the first failure
    #[arg(long)]
    pub stop_on_failure: bool,
    /// Write every attempt to this CSV file as it happens
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Serve Prometheus/OpenMetrics metrics at http://ADDR/metrics while watching: a port
    /// (this machine only), or IP:PORT (0.0.0.0:PORT to serve the network, with a warning)
    #[arg(long, value_name = "ADDR", value_parser = parse_metrics_addr)]
    pub metrics: Option<SocketAddr>,
    /// One tenant per `--profile`, when more than one was given.
    #[arg(skip)]
    pub tenants: Vec<WatchTenant>,
}

/// One tenant of a watch of several: what its profile filled in.
#[derive(Debug, Clone)]
pub struct WatchTenant {
    pub call: CallArgs,
    pub session: SessionArgs,
}

/// `9464` (this machine only) or `IP:PORT`.
fn parse_metrics_addr(text: &str) -> Result<SocketAddr, String> {
    if let Ok(port) = text.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    text.parse().map_err(|_| {
        format!("\"{text}\" is not a port (9464) nor an address with a port (127.0.0.1:9464)")
    })
}

#[derive(Debug, Args)]
pub struct RedeemArgs {
    #[command(flatten)]
    pub call: CallArgs,
    /// Read the ticket from this file ('-' = standard input) instead of $SSO_DIAG_TICKET
    #[arg(long, value_name = "PATH")]
    pub ticket_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RefreshArgs {
    #[command(flatten)]
    pub call: CallArgs,
    #[command(flatten)]
    pub session: SessionArgs,
    /// Also print the new session token itself on standard output (for a script)
    #[arg(long)]
    pub print_token: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[command(flatten)]
    pub tenant: TenantArgs,
    #[command(flatten)]
    pub device: DeviceOverrideArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// The test user's name (or the profile's)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Read the password from this file ('-' = standard input) instead of $SSO_DIAG_PASSWORD
    #[arg(long, value_name = "PATH")]
    pub password_file: Option<PathBuf>,
    /// Also print the session token itself on standard output (for a script); otherwise only its length
    #[arg(long)]
    pub print_token: bool,
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Write the login call as a HAR 1.2 file, secrets redacted
    #[arg(long, value_name = "FILE")]
    pub har: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
    /// The saved profile that filled these in (`--profile`), for its password in the keychain.
    #[arg(skip)]
    pub profile: Option<Profile>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The tenant's domain
    #[arg(long, value_name = "URL")]
    pub domain: Option<String>,
    /// Also trust the certificate authorities in this PEM file
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeviceArgs {
    /// Detect the route to this tenant (default: any address)
    #[arg(long, value_name = "URL")]
    pub domain: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MockArgs {
    /// Address to listen on; port 0 picks a free port
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: SocketAddr,
    /// How long issued tickets stay valid, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub ticket_ttl: u64,
    /// Answer the verify call in Huawei's {code, message, data: {user}} envelope
    #[arg(long)]
    pub envelope: bool,
    /// Answer as a real tenant does in this situation
    #[arg(long, value_enum, value_name = "NAME", default_value_t = Scenario::Normal)]
    pub scenario: Scenario,
    /// Make this share of the SSO calls misbehave (0 to 1): "system busy" (HTTP 500), a hang
    /// past any client's timeout, or a slow but correct answer — for `sso-diag watch`
    #[arg(long, value_name = "RATE", default_value_t = 0.0, value_parser = parse_rate)]
    pub flaky: f64,
    /// The seed of --flaky's choices, to repeat a run exactly
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub flaky_seed: u64,
}

fn parse_rate(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(rate) if (0.0..=1.0).contains(&rate) => Ok(rate),
        _ => Err(format!(
            "\"{text}\" is not a share between 0 and 1 (e.g. 0.1)"
        )),
    }
}
