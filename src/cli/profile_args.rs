//! The arguments of `sso-diag profile …` (the other commands' are in `args.rs`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::common_args::{DeviceOverrideArgs, NetworkArgs, TenantArgs, parse_lang};
use crate::i18n::Lang;

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub command: ProfileCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Save a new profile
    New(Box<ProfileNewArgs>),
    /// List the saved profiles
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show what a profile holds
    Show {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a profile to a file (or standard output) for a colleague: it holds no secret
    Export {
        #[arg(value_name = "NAME")]
        name: String,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add a profile a colleague exported, checked first; nothing is saved if anything is wrong
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Save it under this name instead of the one in the file
        #[arg(long = "as", id = "rename", value_name = "NAME")]
        rename: Option<String>,
        /// Replace a profile of the same name
        #[arg(long)]
        force: bool,
    },
    /// Delete a profile (and its secrets in the keychain)
    Delete {
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Keep a profile's client secret or test password in the OS keychain (never in a file); calls
    /// with --profile then use it when none is given
    ///
    /// The secret: $SSO_DIAG_CLIENT_SECRET / $SSO_DIAG_PASSWORD, --secret-file, or standard input.
    Remember {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(value_enum, value_name = "SECRET")]
        secret: KeptSecret,
        /// Read the secret from this file ('-' = standard input)
        #[arg(long, value_name = "PATH")]
        secret_file: Option<PathBuf>,
    },
    /// Remove a profile's client secret or test password (or both) from the keychain
    Forget {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(value_enum, value_name = "SECRET")]
        secret: Option<KeptSecret>,
    },
}

/// A secret a profile can keep in the keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeptSecret {
    ClientSecret,
    Password,
}

#[derive(Debug, Args)]
pub struct ProfileNewArgs {
    #[arg(value_name = "NAME")]
    pub name: String,
    #[command(flatten)]
    pub tenant: TenantArgs,
    #[command(flatten)]
    pub device: DeviceOverrideArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// The test user's name for logins
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// The language of the window and of the X-L header for this tenant: en or zh-CN
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub language: Option<Lang>,
    /// Replace a profile of the same name
    #[arg(long)]
    pub force: bool,
}
