//! A faithful local mock of the tenant API (API.md (1)–(5) and "Our decisions"), used by
//! `sso-diag mock`, the window's `--demo` and the tests.
//!
//! Its JSON is written from API.md directly, never by serialising the client's types, so a
//! misunderstanding in the client cannot hide in both. It only ever binds to loopback by default.

mod answers;
mod dice;
mod echo;
mod flaky;
mod routes;
mod scenario;
mod sso;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

pub use dice::{Injected, choices as flaky_choices};
pub use echo::echoed_forms;
pub use scenario::Scenario;
use state::MockState;
pub use state::{MockConfig, RecordedRequest, VerifyShape};

/// Fixed demo credentials, so the README and the window's `--demo` can name them.
pub mod demo {
    pub const CLIENT_ID: &str = "demo-app";
    pub const CLIENT_SECRET: &str = "demo-client-secret-5d2c";
    pub const ACCESS_TOKEN: &str = "demo-access-token-7f3a9c41";
    pub const SESSION_TOKEN: &str = "demo-session-token-4b1e0d77";
    pub const USER_NAME: &str = "demo.user";
    pub const PASSWORD: &str = "demo-password-91";
    pub const TENANT_ID: &str = "demo-tenant";
}

/// A mock tenant running on its own thread; stops when dropped.
pub struct MockTenant {
    addr: SocketAddr,
    state: Arc<MockState>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl MockTenant {
    /// Starts on 127.0.0.1 on a free port.
    pub fn start(config: MockConfig) -> std::io::Result<Self> {
        Self::start_on(SocketAddr::from(([127, 0, 0, 1], 0)), config)
    }

    pub fn start_on(addr: SocketAddr, config: MockConfig) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(MockState::new(config));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let serve_state = state.clone();
        let thread = std::thread::Builder::new()
            .name("mock-tenant".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    let app = routes::router(serve_state);
                    let _ = axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = rx.await;
                        })
                        .await;
                });
            })?;
        Ok(Self {
            addr,
            state,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn config(&self) -> &MockConfig {
        self.state.config()
    }

    /// Every request received so far, as it arrived.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.requests()
    }

    /// What `--flaky` did to each SSO call so far, in order.
    pub fn injected(&self) -> Vec<Injected> {
        self.state.injected()
    }

    /// The echo scenario: every credential its answers issued so far (access, session and id
    /// tokens, tickets), in order; empty in any other.
    pub fn issued(&self) -> Vec<String> {
        self.state.issued()
    }
}

impl Drop for MockTenant {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Runs the mock in the foreground (for `sso-diag mock`), calling `on_ready` with the bound address.
pub async fn serve_foreground(
    addr: SocketAddr,
    config: MockConfig,
    on_ready: impl FnOnce(SocketAddr, &MockConfig),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let state = Arc::new(MockState::new(config));
    on_ready(bound, state.config());
    axum::serve(listener, routes::router(state)).await
}
