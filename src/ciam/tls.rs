//! The one TLS crypto provider (ring) for every rustls user in the process: reqwest is built
//! without one of its own, so it takes the process default, which must be set before a client is.

use std::sync::Once;

static INSTALLED: Once = Once::new();

/// Makes ring the process's rustls provider; safe to call from anywhere, any number of times.
pub fn ensure_provider() {
    INSTALLED.call_once(|| {
        // Err: another part of the process set one first; rustls keeps that, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
