//! The window's background work: a tokio runtime on its own thread runs the network calls and the
//! device detection; results come back over a channel and wake the UI with `request_repaint`.
//!
//! The UI thread only ever calls the non-blocking `start_*`/`cancel` methods and `poll`.

use std::sync::mpsc;
use std::time::Instant;

use time::OffsetDateTime;

use crate::ciam::{
    ClientOptions, ExchangeOutcome, ExchangeRequest, TenantClient, TenantUrl, exchange,
};
use crate::device::DeviceProfile;

/// What the background reports.
pub enum WorkerEvent {
    DeviceDetected {
        /// The tenant the route was detected for, so a stale detection can be ignored.
        tenant: String,
        profile: Box<DeviceProfile>,
    },
    Exchanged {
        id: u64,
        outcome: Box<ExchangeOutcome>,
        received_at: Instant,
        received_wall: OffsetDateTime,
    },
}

pub struct Worker {
    runtime: Option<tokio::runtime::Runtime>,
    events_tx: mpsc::Sender<WorkerEvent>,
    events_rx: mpsc::Receiver<WorkerEvent>,
    repaint: egui::Context,
    /// The exchange in flight, to abort it on cancel.
    in_flight: Option<(u64, tokio::task::AbortHandle)>,
}

impl Worker {
    pub fn new(repaint: egui::Context) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("sso-diag-io")
            .enable_all()
            .build()?;
        let (events_tx, events_rx) = mpsc::channel();
        Ok(Self {
            runtime: Some(runtime),
            events_tx,
            events_rx,
            repaint,
            in_flight: None,
        })
    }

    fn spawn<F>(&self, task: F) -> Option<tokio::task::AbortHandle>
    where
        F: std::future::Future<Output = Option<WorkerEvent>> + Send + 'static,
    {
        let runtime = self.runtime.as_ref()?;
        let tx = self.events_tx.clone();
        let repaint = self.repaint.clone();
        let handle = runtime.spawn(async move {
            if let Some(event) = task.await {
                // The UI may be gone (closing); then nobody needs the result.
                let _ = tx.send(event);
                repaint.request_repaint();
            }
        });
        Some(handle.abort_handle())
    }

    /// Detects the device profile towards `tenant` (DNS and interface listing: never on the UI thread).
    pub fn detect_device(&self, tenant: TenantUrl) {
        self.spawn(async move {
            let key = tenant.to_string();
            let profile = tokio::task::spawn_blocking(move || DeviceProfile::detect(&tenant))
                .await
                .ok()?;
            Some(WorkerEvent::DeviceDetected {
                tenant: key,
                profile: Box::new(profile),
            })
        });
    }

    /// Starts exchange `id`, aborting any earlier one.
    pub fn start_exchange(
        &mut self,
        id: u64,
        base: TenantUrl,
        options: ClientOptions,
        request: ExchangeRequest,
    ) {
        self.cancel();
        let handle = self.spawn(async move {
            let outcome = match TenantClient::new(base, options) {
                Ok(client) => exchange(&client, &request).await,
                Err(error) => ExchangeOutcome {
                    record: crate::ciam::HttpRecord::not_sent(),
                    result: Err(error),
                },
            };
            Some(WorkerEvent::Exchanged {
                id,
                outcome: Box::new(outcome),
                received_at: Instant::now(),
                received_wall: OffsetDateTime::now_utc(),
            })
        });
        self.in_flight = handle.map(|h| (id, h));
    }

    /// Aborts the exchange in flight at once: its connection is dropped and no result comes back.
    pub fn cancel(&mut self) {
        if let Some((_, handle)) = self.in_flight.take() {
            handle.abort();
        }
    }

    /// Every event that has arrived since the last call.
    pub fn poll(&mut self) -> Vec<WorkerEvent> {
        let events: Vec<WorkerEvent> = self.events_rx.try_iter().collect();
        for event in &events {
            if let WorkerEvent::Exchanged { id, .. } = event
                && self.in_flight.as_ref().is_some_and(|(f, _)| f == id)
            {
                self.in_flight = None;
            }
        }
        events
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Never block the closing window on a request still waiting for its timeout.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}
