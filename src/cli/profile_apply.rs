//! `--profile NAME`: fills in what the command line left out from a saved profile — once, or for
//! `watch` once per tenant (`--profile acme --profile globex`). The profile travels with the
//! arguments it filled, for the documents (its name) and for the secrets it keeps in the keychain.

use std::path::PathBuf;

use clap::ArgMatches;
use clap::parser::ValueSource;

use super::args::{CallArgs, Command, DeviceOverrideArgs, NetworkArgs, TenantArgs, WindowArgs};
use super::profile::{data_dir, find, read_store};
use crate::ciam::CiamError;
use crate::msg;
use crate::store::{Profile, ProfileFields};

/// `--profile NAME` (given once, or for `watch` once per tenant): each profile's values where the
/// command line gave none. The (first) profile, for the window to select it and for its language.
pub fn apply(
    names: &[String],
    command: &mut Option<Command>,
    window: &mut WindowArgs,
    matches: &ArgMatches,
) -> Result<Option<Profile>, CiamError> {
    let [first, rest @ ..] = names else {
        return Ok(None);
    };
    let dir = data_dir()?;
    let store = read_store(&dir)?;
    // A timeout given on the command line wins; clap's default does not. (Not every command has
    // a timeout: asking clap about an argument a command lacks is a panic.)
    let timeout_given = matches
        .subcommand()
        .filter(|(_, m)| m.try_get_raw("timeout").is_ok())
        .and_then(|(_, m)| m.value_source("timeout"))
        .is_some_and(|s| s != ValueSource::DefaultValue);
    if rest.is_empty() {
        let profile = find(&store, first)?.clone();
        fill_command(&profile, command, window, timeout_given);
        return Ok(Some(profile));
    }
    let Some(Command::Watch(watch)) = command else {
        return Err(CiamError::invalid_input(
            "profile",
            msg!("profile-several-only-watch"),
        ));
    };
    for (i, name) in names.iter().enumerate() {
        if names[..i].iter().any(|n| n.trim() == name.trim()) {
            return Err(CiamError::invalid_input(
                "profile",
                msg!("profile-named-twice", name = name.as_str()),
            ));
        }
        let profile = find(&store, name)?.clone();
        let mut tenant = super::args::WatchTenant {
            call: watch.call.clone(),
            session: watch.session.clone(),
        };
        fill_call(
            &profile,
            &mut tenant.call,
            Some(&mut tenant.session.user),
            timeout_given,
        );
        watch.tenants.push(tenant);
    }
    Ok(Some(find(&store, first)?.clone()))
}

/// The one profile's values into whichever command was given.
fn fill_command(
    profile: &Profile,
    command: &mut Option<Command>,
    window: &mut WindowArgs,
    timeout_given: bool,
) {
    let f = &profile.fields;
    match command {
        None => fill_all(
            f,
            &mut window.tenant,
            &mut window.device,
            &mut window.network,
        ),
        Some(Command::Exchange(a)) => {
            fill_call(
                profile,
                &mut a.call,
                Some(&mut a.session.user),
                timeout_given,
            );
        }
        Some(Command::Refresh(a)) => {
            fill_call(
                profile,
                &mut a.call,
                Some(&mut a.session.user),
                timeout_given,
            );
        }
        Some(Command::Watch(a)) => {
            fill_call(
                profile,
                &mut a.call,
                Some(&mut a.session.user),
                timeout_given,
            );
        }
        Some(Command::Redeem(a)) => fill_call(profile, &mut a.call, None, timeout_given),
        Some(Command::Login(a)) => {
            fill_all(f, &mut a.tenant, &mut a.device, &mut a.network);
            if !timeout_given {
                a.timeout = f.timeout_secs;
            }
            fill(&mut a.user, &f.user_name);
            a.profile = Some(profile.clone());
        }
        Some(Command::Check(a)) => {
            fill(&mut a.domain, &f.domain);
            fill_path(&mut a.ca_file, &f.ca_file);
        }
        Some(Command::Device(a)) => fill(&mut a.domain, &f.domain),
        Some(Command::Mock(_) | Command::Profile(_)) => {}
    }
}

fn fill_call(
    profile: &Profile,
    call: &mut CallArgs,
    user: Option<&mut Option<String>>,
    timeout_given: bool,
) {
    let f = &profile.fields;
    fill_all(f, &mut call.tenant, &mut call.device, &mut call.network);
    if !timeout_given {
        call.timeout = f.timeout_secs;
    }
    if let Some(user) = user {
        fill(user, &f.user_name);
    }
    call.profile = Some(profile.clone());
}

fn fill_all(
    f: &ProfileFields,
    tenant: &mut TenantArgs,
    device: &mut DeviceOverrideArgs,
    network: &mut NetworkArgs,
) {
    fill(&mut tenant.domain, &f.domain);
    fill(&mut tenant.tenant_id, &f.tenant_id);
    fill(&mut tenant.client_id, &f.client_id);
    fill_path(&mut network.ca_file, &f.ca_file);
    fill(&mut network.proxy, &f.proxy);
    for (slot, value) in [
        (&mut device.os_version, &f.os_version),
        (&mut device.device_ip, &f.device_ip),
        (&mut device.fingerprint, &f.fingerprint),
        (&mut device.agent, &f.agent),
    ] {
        fill(slot, value.as_deref().unwrap_or_default());
    }
}

fn fill(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_owned());
    }
}

fn fill_path(slot: &mut Option<PathBuf>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(PathBuf::from(value));
    }
}
