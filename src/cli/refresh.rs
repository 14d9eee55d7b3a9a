//! `sso-diag refresh`: refresh a session token, to tell a session that is alive from one that
//! expired or was revoked.

use super::args::RefreshArgs;
use super::call::{prepare, session_source};
use super::shared;
use crate::ciam::CiamError;
use crate::flow::Goal;
use crate::i18n::Lang;

pub fn run(args: &RefreshArgs, lang: Lang) -> u8 {
    shared::exit_code(run_refresh(args, lang), args.call.json, lang)
}

fn run_refresh(args: &RefreshArgs, lang: Lang) -> Result<u8, CiamError> {
    let session_files = [
        args.session.session_token_file.as_deref(),
        args.session.password_file.as_deref(),
    ];
    let prepared = prepare(&args.call, &session_files, lang)?;
    let session = session_source(
        &args.session,
        prepared.client_id.as_deref(),
        args.call.profile.as_ref(),
    )?;
    let as_json = args.call.json;
    let print_token = args.print_token;
    prepared.run(Goal::Refresh { session }, |run, failure| match failure {
        None => run.print_refreshed(as_json, print_token),
        Some(error) => run.print_failure(error, as_json),
    })
}
