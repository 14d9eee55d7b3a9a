//! The window's background work: a tokio runtime on its own thread runs the network calls and the
//! device detection; results come back over a channel and wake the UI with `request_repaint`.
//!
//! The UI thread only ever calls the non-blocking `start`/`cancel` methods and `poll`.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use time::OffsetDateTime;

use super::job::{Job, JobResult, PreparedCall, WatchJob};
use crate::check::run_check;
use crate::ciam::input::read_ca_file;
use crate::ciam::{CiamError, ClientOptions, TenantClient, TenantUrl};
use crate::device::DeviceProfile;
use crate::report::Case;
use crate::store::FileProblem;
use crate::store::keychain::{self, Kept};
use crate::watch::{self, Attempt, Control, Probe};
use secrecy::SecretString;
use tokio::sync::watch as channel;

/// How often a running watch redraws the window, at most.
const WATCH_FRAME: std::time::Duration = std::time::Duration::from_secs(1);

/// What the background reports.
pub enum WorkerEvent {
    DeviceDetected {
        /// The tenant the route was detected for, so a stale detection can be ignored.
        tenant: String,
        profile: Box<DeviceProfile>,
    },
    Done {
        id: u64,
        result: Box<JobResult>,
        received_at: Instant,
        received_wall: OffsetDateTime,
    },
    /// One attempt of the watch.
    WatchAttempt(Box<Attempt>),
    /// The watch is over (done, stopped, or it could not start: the error).
    WatchEnded(Option<CiamError>),
    /// Whether this machine has a keychain (and if not, why).
    KeychainStatus(Result<(), String>),
    /// A keychain job is done.
    Keychain(Box<KeychainDone>),
    /// The case file at `path`, read (or why not).
    CaseRead {
        path: PathBuf,
        result: Box<Result<Case, FileProblem>>,
    },
}

/// What to do with one secret of one profile in the keychain.
#[derive(Debug)]
pub enum KeychainJob {
    /// `announce`: the user asked (a notice says it is done); otherwise a quiet update.
    Remember {
        secret: SecretString,
        announce: bool,
    },
    Recall,
    Forget,
}

pub struct KeychainDone {
    pub profile: String,
    pub kept: Kept,
    /// `Recall`: the secret, if one was kept.
    pub result: Result<Option<SecretString>, String>,
    pub job: KeychainJobKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainJobKind {
    Remember { announce: bool },
    Recall,
    Forget,
}

pub struct Worker {
    runtime: Option<tokio::runtime::Runtime>,
    events_tx: mpsc::Sender<WorkerEvent>,
    events_rx: mpsc::Receiver<WorkerEvent>,
    repaint: egui::Context,
    /// The job in flight, to abort it on cancel.
    in_flight: Option<(u64, tokio::task::AbortHandle)>,
    /// The watch running, to pause, resume or stop it.
    watch: Option<channel::Sender<Control>>,
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
            watch: None,
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

    /// Asks whether this machine has a keychain: it may take seconds (D-Bus), so not here.
    pub fn probe_keychain(&self) {
        self.spawn(async move {
            let status = tokio::task::spawn_blocking(keychain::available)
                .await
                .ok()?;
            Some(WorkerEvent::KeychainStatus(status))
        });
    }

    /// Reads the case file at `path`: a file on a slow share (or one that is not a file) must not
    /// hold the window.
    pub fn read_case(&self, path: PathBuf) {
        self.spawn(async move {
            let read = path.clone();
            let result = tokio::task::spawn_blocking(move || Case::read(&read))
                .await
                .ok()?;
            Some(WorkerEvent::CaseRead {
                path,
                result: Box::new(result),
            })
        });
    }

    /// Remembers, recalls or forgets `kept` of `profile` in the keychain.
    pub fn keychain(&self, profile: String, kept: Kept, job: KeychainJob) {
        self.spawn(async move {
            let done = tokio::task::spawn_blocking(move || {
                let (kind, result) = match job {
                    KeychainJob::Remember { secret, announce } => (
                        KeychainJobKind::Remember { announce },
                        keychain::remember(&profile, kept, &secret).map(|()| None),
                    ),
                    KeychainJob::Recall => {
                        (KeychainJobKind::Recall, keychain::recall(&profile, kept))
                    }
                    KeychainJob::Forget => (
                        KeychainJobKind::Forget,
                        keychain::forget(&profile, kept).map(|()| None),
                    ),
                };
                KeychainDone {
                    profile,
                    kept,
                    result,
                    job: kind,
                }
            })
            .await
            .ok()?;
            Some(WorkerEvent::Keychain(Box::new(done)))
        });
    }

    /// Starts job `id`, aborting any job still running.
    pub fn start(&mut self, id: u64, prepared: PreparedCall) {
        self.cancel();
        let handle = self.spawn(async move {
            let result = run_job(prepared).await;
            Some(WorkerEvent::Done {
                id,
                result: Box::new(result),
                received_at: Instant::now(),
                received_wall: OffsetDateTime::now_utc(),
            })
        });
        self.in_flight = handle.map(|h| (id, h));
    }

    /// Aborts the job in flight at once: its connection is dropped and no result comes back.
    pub fn cancel(&mut self) {
        if let Some((_, handle)) = self.in_flight.take() {
            handle.abort();
        }
    }

    /// Starts `job`, stopping any earlier watch. Each attempt, and the end, come back as events.
    pub fn start_watch(&mut self, job: WatchJob) {
        self.control_watch(Control::Stop);
        let (control, listen) = channel::channel(Control::Run);
        let (tx, repaint) = (self.events_tx.clone(), self.repaint.clone());
        self.spawn(async move {
            let WatchJob {
                tenant,
                options,
                ca_file,
                target,
                plan,
                reuse_connection,
            } = job;
            let options = match with_ca_file(options, ca_file).await {
                Ok(options) => options,
                Err(error) => return Some(WorkerEvent::WatchEnded(Some(error))),
            };
            let ca = options.extra_ca_pem.as_deref();
            let probe = Probe::new(tenant, target, ca, options.total_timeout, reuse_connection);
            let mut probe = match probe {
                Ok(p) => p,
                Err(error) => return Some(WorkerEvent::WatchEnded(Some(error))),
            };
            watch::run(plan, &mut probe, listen, |attempt| {
                let _ = tx.send(WorkerEvent::WatchAttempt(Box::new(attempt)));
                // At most a frame a second for the chart, however fast the probes: drawing, not
                // probing, is what costs the window its CPU.
                repaint.request_repaint_after(WATCH_FRAME);
            })
            .await;
            Some(WorkerEvent::WatchEnded(None))
        });
        self.watch = Some(control);
    }

    /// Pauses, resumes or stops the watch (a no-op when none runs).
    pub fn control_watch(&mut self, control: Control) {
        if let Some(sender) = &self.watch {
            let _ = sender.send(control);
        }
        if control == Control::Stop {
            self.watch = None;
        }
    }

    /// Every event that has arrived since the last call.
    pub fn poll(&mut self) -> Vec<WorkerEvent> {
        let events: Vec<WorkerEvent> = self.events_rx.try_iter().collect();
        for event in &events {
            if let WorkerEvent::Done { id, .. } = event
                && self.in_flight.as_ref().is_some_and(|(f, _)| f == id)
            {
                self.in_flight = None;
            }
        }
        events
    }
}

async fn run_job(prepared: PreparedCall) -> JobResult {
    let PreparedCall {
        tenant,
        options,
        ca_file,
        job,
    } = prepared;
    let options = match with_ca_file(options, ca_file).await {
        Ok(options) => options,
        Err(error) => return JobResult::Refused(error),
    };
    let call = match job {
        Job::Check => {
            return JobResult::Check(run_check(&tenant, options.extra_ca_pem.as_deref()).await);
        }
        Job::Call(call) => call,
    };
    JobResult::Call(Box::new(match TenantClient::new(tenant, options) {
        Ok(client) => call.send(&client).await,
        Err(error) => call.not_sent(error),
    }))
}

/// `options` with the CA file's certificates, read here in the background: a file on a slow share
/// (or one that is not a file) must not hold the window.
async fn with_ca_file(
    mut options: ClientOptions,
    ca_file: Option<PathBuf>,
) -> Result<ClientOptions, CiamError> {
    if let Some(path) = ca_file {
        let shown = path.display().to_string();
        let read = tokio::task::spawn_blocking(move || read_ca_file(&path)).await;
        let pem = read.map_err(|e| {
            let problem = crate::msg!("input-unreadable", source = shown, error = e.to_string());
            CiamError::invalid_input("CA file", problem)
        })??;
        options.extra_ca_pem = Some(pem);
    }
    Ok(options)
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Never block the closing window on a request still waiting for its timeout.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}
