//! `sso-diag mock`: the mock tenant in the foreground, with its demo credentials.

use super::args::MockArgs;
use super::out;
use crate::mock::{MockConfig, VerifyShape, demo, serve_foreground};

pub fn run(args: &MockArgs) -> u8 {
    let config = MockConfig {
        ticket_ttl_secs: args.ticket_ttl,
        verify_shape: if args.envelope {
            VerifyShape::Envelope
        } else {
            VerifyShape::Flat
        },
        scenario: args.scenario,
        flaky: args.flaky,
        flaky_seed: args.flaky_seed,
        ..MockConfig::default()
    };
    if !args.addr.ip().is_loopback() {
        out::eline(format!(
            "warning: listening on {} serves the mock's fake credentials to the network, not \
                only to this machine; use 127.0.0.1 unless that is what you want",
            args.addr.ip()
        ));
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            out::eline(format!("error: could not start the runtime: {e}"));
            return 1;
        }
    };
    let result = runtime.block_on(serve_foreground(args.addr, config, |addr, config| {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        // The first line is for scripts and tests: they read the URL from it.
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = writeln!(out, "demo credentials (fake, for this mock only):");
        let _ = writeln!(out, "  SSO_DIAG_ACCESS_TOKEN={}", demo::ACCESS_TOKEN);
        let _ = writeln!(
            out,
            "  SSO_DIAG_SESSION_TOKEN={}  (bound to fingerprint {})",
            demo::SESSION_TOKEN,
            config.demo_fingerprint
        );
        let _ = writeln!(
            out,
            "  client_id={}  client_secret={}",
            demo::CLIENT_ID,
            demo::CLIENT_SECRET
        );
        let _ = writeln!(
            out,
            "  user_name={}  password={}",
            demo::USER_NAME,
            demo::PASSWORD
        );
        let _ = writeln!(out, "  tickets expire after {} s", config.ticket_ttl_secs);
        let _ = writeln!(out, "  scenario: {}", config.scenario.name());
        if config.flaky > 0.0 {
            let _ = writeln!(
                out,
                "  flaky: {:.0} % of SSO calls are busy, hang or slow (seed {})",
                config.flaky * 100.0,
                config.flaky_seed
            );
        }
        let _ = out.flush();
    }));
    match result {
        Ok(()) => 0,
        Err(e) => {
            out::eline(format!(
                "error: the mock tenant could not listen on {}: {e}",
                args.addr
            ));
            3
        }
    }
}
