//! `sso-diag profile …` (create, list, show, export, import, delete), and the secrets a profile
//! keeps in the keychain (`profile_apply` fills a command in from a profile).

use std::path::{Path, PathBuf};

use serde_json::json;

use secrecy::SecretString;

use super::args::{KeptSecret, ProfileArgs, ProfileCommand, ProfileNewArgs};
use super::secret_input::{read_password, read_secret};
use super::{out, shared};
use crate::ciam::CiamError;
use crate::env_vars;
use crate::files::NamedFile;
use crate::i18n::Lang;
use crate::store::keychain::{self, Kept};
use crate::store::profiles::AddError;
use crate::store::{Profile, ProfileFields, ProfileStore};
use crate::{msg, tr};

pub fn run(args: &ProfileArgs, lang: Lang) -> u8 {
    let as_json = matches!(
        args.command,
        ProfileCommand::List { json: true } | ProfileCommand::Show { json: true, .. }
    );
    shared::exit_code(run_command(&args.command, lang), as_json, lang)
}

fn run_command(command: &ProfileCommand, lang: Lang) -> Result<u8, CiamError> {
    let dir = data_dir()?;
    let l = lang;
    match command {
        ProfileCommand::New(args) => {
            let mut store = read_store(&dir)?;
            let profile = Profile::new(&args.name, new_fields(args));
            let name = profile.name.clone();
            add(&mut store, profile, args.force)?;
            write_store(&store, &dir)?;
            out::line(tr!(l, "profile-saved", name = name.as_str()));
            Ok(0)
        }
        ProfileCommand::List { json } => {
            let store = read_store(&dir)?;
            if *json {
                let list: Vec<_> = store
                    .profiles
                    .iter()
                    .map(|p| json!({"name": p.name, "domain": p.fields.domain}))
                    .collect();
                out::json(&json!({ "profiles": list }), &[]);
            } else if store.profiles.is_empty() {
                out::line(tr!(l, "profile-none"));
            } else {
                for p in &store.profiles {
                    out::line(format!("{}  {}", p.name, p.fields.domain));
                }
            }
            Ok(0)
        }
        ProfileCommand::Show { name, json } => {
            let store = read_store(&dir)?;
            let profile = find(&store, name)?;
            if *json {
                out::json(&serde_json::to_value(profile).unwrap_or_default(), &[]);
            } else {
                show(profile, lang);
            }
            Ok(0)
        }
        ProfileCommand::Export { name, output } => {
            let store = read_store(&dir)?;
            let bytes = find(&store, name)?.exported();
            match output {
                Some(path) => {
                    crate::files::write_private(path, &bytes)
                        .map_err(|e| cannot_write(path, &e))?;
                    let path = path.display().to_string();
                    out::eline(tr!(l, "profile-exported", path = path));
                }
                None => {
                    for line in String::from_utf8_lossy(&bytes).lines() {
                        out::line(line);
                    }
                }
            }
            Ok(0)
        }
        ProfileCommand::Import {
            file,
            rename,
            force,
        } => {
            let bytes = crate::store::read_kind(file, NamedFile::ProfileExport)
                .map_err(|p| CiamError::invalid_input("profile file", p.message()))?;
            let mut profile = Profile::from_export(&bytes)?;
            if let Some(name) = rename {
                let name = crate::store::profiles::normalize_name(name);
                crate::store::profiles::check_name(&name)?;
                profile.name = name;
            }
            let mut store = read_store(&dir)?;
            let name = profile.name.clone();
            add(&mut store, profile, *force)?;
            write_store(&store, &dir)?;
            out::line(tr!(l, "profile-imported", name = name.as_str()));
            Ok(0)
        }
        ProfileCommand::Remember {
            name,
            secret,
            secret_file,
        } => {
            let mut store = read_store(&dir)?;
            let profile = store.get_mut(name).ok_or_else(|| not_found(name))?;
            let kept = kept(*secret);
            let value = match kept {
                Kept::ClientSecret => {
                    let file =
                        secret_file
                            .as_deref()
                            .or((std::env::var_os(env_vars::CLIENT_SECRET).is_none())
                                .then_some(Path::new("-")));
                    read_secret(
                        "client secret",
                        env_vars::CLIENT_SECRET,
                        file,
                        "--secret-file",
                    )?
                }
                Kept::Password => read_password(secret_file.as_deref())?,
            };
            keychain::available().map_err(keychain_error)?;
            keychain::remember(&profile.name, kept, &value).map_err(keychain_error)?;
            profile.remembered.set(kept, true);
            let name = profile.name.clone();
            write_store(&store, &dir)?;
            out::line(tr!(l, "profile-remembered", name = name.as_str()));
            Ok(0)
        }
        ProfileCommand::Forget { name, secret } => {
            let mut store = read_store(&dir)?;
            let profile = store.get_mut(name).ok_or_else(|| not_found(name))?;
            let which: Vec<Kept> = match secret {
                Some(s) => vec![kept(*s)],
                None => Kept::ALL.to_vec(),
            };
            keychain::available().map_err(keychain_error)?;
            for kept in which {
                keychain::forget(&profile.name, kept).map_err(keychain_error)?;
                profile.remembered.set(kept, false);
            }
            let name = profile.name.clone();
            write_store(&store, &dir)?;
            out::line(tr!(l, "profile-forgotten", name = name.as_str()));
            Ok(0)
        }
        ProfileCommand::Delete { name } => {
            let mut store = read_store(&dir)?;
            let removed = store.remove(name).ok_or_else(|| not_found(name))?;
            write_store(&store, &dir)?;
            crate::store::keychain::forget_all(&removed.name);
            out::line(tr!(l, "profile-deleted", name = removed.name.as_str()));
            Ok(0)
        }
    }
}

fn kept(secret: KeptSecret) -> Kept {
    match secret {
        KeptSecret::ClientSecret => Kept::ClientSecret,
        KeptSecret::Password => Kept::Password,
    }
}

fn keychain_error(error: String) -> CiamError {
    CiamError::invalid_input("keychain", msg!("profile-keychain-failed", error = error))
}

/// The secret `profile` (the one `--profile` named) keeps in the keychain, when it keeps one:
/// used by a call when none is given on the command line or in the environment.
pub fn remembered_secret(
    profile: Option<&Profile>,
    kept: Kept,
) -> Result<Option<SecretString>, CiamError> {
    let Some(profile) = profile else {
        return Ok(None);
    };
    if !profile.remembered.keeps(kept) {
        return Ok(None);
    }
    keychain::available().map_err(keychain_error)?;
    let secret = keychain::recall(&profile.name, kept).map_err(keychain_error)?;
    if let Some(secret) = &secret {
        crate::secret::register(kept.secret_name(), secret);
    }
    Ok(secret)
}

fn show(profile: &Profile, lang: Lang) {
    let f = &profile.fields;
    let unset = tr!(lang, "profile-unset");
    let or_unset = |v: &str| {
        if v.is_empty() {
            unset.clone()
        } else {
            crate::text::escape_controls(v)
        }
    };
    let opt = |v: &Option<String>| or_unset(v.as_deref().unwrap_or_default());
    let rows = [
        ("name", or_unset(&profile.name)),
        ("domain", or_unset(&f.domain)),
        ("tenant_id", or_unset(&f.tenant_id)),
        ("client_id", or_unset(&f.client_id)),
        ("user", or_unset(&f.user_name)),
        ("ca_file", or_unset(&f.ca_file)),
        ("proxy", or_unset(&f.proxy)),
        ("timeout", format!("{} s", f.timeout_secs)),
        ("os_version", opt(&f.os_version)),
        ("device_ip", opt(&f.device_ip)),
        ("fingerprint", opt(&f.fingerprint)),
        ("agent", opt(&f.agent)),
        (
            "language",
            f.lang.map(|l| l.tag().to_owned()).unwrap_or(unset.clone()),
        ),
    ];
    for (key, value) in rows {
        out::line(format!("{key:<12} {value}"));
    }
    if profile.remembered.client_secret {
        out::line(tr!(lang, "profile-secret-in-keychain"));
    }
    if profile.remembered.password {
        out::line(tr!(lang, "profile-password-in-keychain"));
    }
}

fn new_fields(args: &ProfileNewArgs) -> ProfileFields {
    let mut fields = ProfileFields {
        timeout_secs: args.timeout,
        lang: args.language,
        user_name: args.user.clone().unwrap_or_default(),
        ..ProfileFields::default()
    };
    let tenant = &args.tenant;
    fields.domain = tenant.domain.clone().unwrap_or_default();
    fields.tenant_id = tenant.tenant_id.clone().unwrap_or_default();
    fields.client_id = tenant.client_id.clone().unwrap_or_default();
    fields.ca_file = args
        .network
        .ca_file
        .as_ref()
        .map(|p| absolute(p).display().to_string())
        .unwrap_or_default();
    fields.proxy = args.network.proxy.clone().unwrap_or_default();
    let device = &args.device;
    fields.os_version.clone_from(&device.os_version);
    fields.device_ip.clone_from(&device.device_ip);
    fields.fingerprint.clone_from(&device.fingerprint);
    fields.agent.clone_from(&device.agent);
    fields
}

/// A profile is used from any working directory: its CA file is kept as an absolute path.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn add(store: &mut ProfileStore, profile: Profile, force: bool) -> Result<(), CiamError> {
    store.add(profile, force).map_err(|e| match e {
        AddError::Exists(name) => {
            CiamError::invalid_input("profile", msg!("profile-exists", name = name.as_str()))
        }
        AddError::Invalid(e) => e,
    })
}

pub(super) fn data_dir() -> Result<PathBuf, CiamError> {
    crate::store::data_dir()
        .ok_or_else(|| CiamError::invalid_input("profile", msg!("profile-no-data-dir")))
}

pub(super) fn read_store(dir: &Path) -> Result<ProfileStore, CiamError> {
    ProfileStore::read(dir).map_err(|p| {
        let path = ProfileStore::path(dir).display().to_string();
        CiamError::invalid_input(
            "profile",
            msg!("profile-store-damaged", path = path, problem = p.message()),
        )
    })
}

fn write_store(store: &ProfileStore, dir: &Path) -> Result<(), CiamError> {
    store
        .write(dir)
        .map_err(|e| cannot_write(&ProfileStore::path(dir), &e))
}

fn cannot_write(path: &Path, error: &std::io::Error) -> CiamError {
    let (path, error) = (path.display().to_string(), error.to_string());
    CiamError::invalid_input(
        "profile",
        msg!("input-cannot-write", path = path, error = error),
    )
}

pub(super) fn find<'a>(store: &'a ProfileStore, name: &str) -> Result<&'a Profile, CiamError> {
    store.get(name).ok_or_else(|| not_found(name))
}

fn not_found(name: &str) -> CiamError {
    CiamError::invalid_input("profile", msg!("profile-not-found", name = name))
}
