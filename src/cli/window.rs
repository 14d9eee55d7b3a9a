//! No subcommand: open the window, pre-filled from the options and the environment.

use super::args::WindowArgs;
use super::exchange::{ACCESS_TOKEN_ENV, SESSION_TOKEN_ENV};
use super::shared::overrides;
use crate::ui::{self, Launch};

pub fn run(args: &WindowArgs) -> u8 {
    let overrides = match overrides(&args.device) {
        Ok(o) => o,
        Err(e) => {
            super::shared::report_error(&e, false);
            return e.exit_code();
        }
    };
    let mut launch = Launch {
        domain: args.tenant.domain.clone(),
        tenant_id: args.tenant.tenant_id.clone(),
        client_id: args.tenant.client_id.clone(),
        overrides,
        access_token: std::env::var(ACCESS_TOKEN_ENV).ok(),
        session_token: std::env::var(SESSION_TOKEN_ENV).ok(),
        ca_file: args
            .network
            .ca_file
            .as_ref()
            .map(|p| p.display().to_string()),
        proxy: args.network.proxy.clone(),
        ..Launch::default()
    };
    if args.demo {
        launch = match launch.demo() {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: could not start the demo tenant: {e}");
                return 3;
            }
        };
    }
    match ui::run(launch) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            eprintln!(
                "  (no display? the command line works without one: sso-diag exchange --help)"
            );
            1
        }
    }
}
