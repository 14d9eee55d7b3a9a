//! `sso-diag redeem`: verify a ticket the engineer was handed, with this device's fields, and
//! show whose it is — or why not (used, expired, another device).

use super::args::RedeemArgs;
use super::call::{prepare, ticket};
use super::shared;
use crate::ciam::CiamError;
use crate::flow::Goal;
use crate::i18n::Lang;

pub fn run(args: &RedeemArgs, lang: Lang) -> u8 {
    shared::exit_code(run_redeem(args, lang), args.call.json, lang)
}

fn run_redeem(args: &RedeemArgs, lang: Lang) -> Result<u8, CiamError> {
    let prepared = prepare(&args.call, &[args.ticket_file.as_deref()], lang)?;
    let goal = Goal::Redeem {
        ticket: ticket(args.ticket_file.as_deref())?,
    };
    let as_json = args.call.json;
    prepared.run(goal, |run, failure| match failure {
        None => run.print_redeemed(as_json),
        Some(error) => run.print_failure(error, as_json),
    })
}
