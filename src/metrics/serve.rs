//! The `/metrics` endpoint: `GET /metrics` on the address asked for, in the format the scraper
//! asks for (OpenMetrics for Prometheus, the 0.0.4 text format otherwise), nothing else. On the
//! axum already built for the mock tenant.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::get;

use super::{Format, ProbeMetrics};

/// A bound endpoint: where it listens, and the future that serves it (run it beside the watch).
pub struct Endpoint {
    pub addr: SocketAddr,
    listener: tokio::net::TcpListener,
    metrics: Arc<ProbeMetrics>,
}

impl Endpoint {
    /// Binds `addr` (port 0: any free port) before the first probe, so a taken port is said first.
    pub async fn bind(addr: SocketAddr, metrics: Arc<ProbeMetrics>) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        Ok(Self {
            addr,
            listener,
            metrics,
        })
    }

    /// Serves until the process ends (or the future is dropped).
    pub async fn serve(self) {
        let app = Router::new()
            .route("/metrics", get(metrics))
            .with_state(self.metrics);
        // An accept error ends serving; the watch goes on without it.
        if let Err(error) = axum::serve(self.listener, app).await {
            tracing::warn!(%error, "the metrics endpoint stopped");
        }
    }
}

async fn metrics(
    State(metrics): State<Arc<ProbeMetrics>>,
    headers: HeaderMap,
) -> impl IntoResponse {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let format = Format::from_accept(accept);
    (
        [(header::CONTENT_TYPE, format.content_type())],
        metrics.encode(format),
    )
}

/// Whether an address reaches this machine only.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}
