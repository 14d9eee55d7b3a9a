//! One probe on a connection of its own (or the previous one, when asked to reuse it): DNS, TCP,
//! TLS, the request and its answer, each phase timed the way `curl -w` times the same request.
//! The request and the reading of the answer are the tenant client's own (`ciam::wire`), so a
//! probe's outcome is classified exactly as a call's.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use time::OffsetDateTime;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::timeout_at;

use super::attempt::{Attempt, Outcome, Phase, Phases};
use crate::check::tls::{describe_tls_error, verifying_config};
use crate::ciam::client::{ApiOutcome, DEFAULT_BODY_CAP};
use crate::ciam::record::RequestRecord;
use crate::ciam::wire::{interpret, response_headers, wire_headers};
use crate::ciam::{CiamError, HttpRecord, TenantUrl};
use crate::step::Call;

/// What each probe asks of the tenant.
pub enum Target {
    /// The exchange, with the tokens given; a success issues a ticket that simply expires.
    Exchange(Box<Call>),
    /// `GET /`: is the tenant reachable and answering HTTP? No token is sent.
    Reachability,
    /// The whole flow (client credentials, a test login, the exchange) through the tenant
    /// client: its outcome and total time; the phases are not measured apart.
    Flow(Box<(crate::ciam::TenantClient, crate::flow::FlowInput)>),
}

pub struct Probe {
    base: TenantUrl,
    target: Target,
    tls: Option<Arc<rustls::ClientConfig>>,
    timeout: Duration,
    reuse: bool,
    connection: Option<SendRequest<Full<Bytes>>>,
}

/// A failure and the phase it struck in.
type Failure = (CiamError, Phase);

impl Probe {
    /// `timeout`: for a whole attempt. `reuse`: keep the connection between attempts, as a real
    /// application does; otherwise every attempt connects afresh.
    pub fn new(
        base: TenantUrl,
        target: Target,
        extra_ca_pem: Option<&[u8]>,
        timeout: Duration,
        reuse: bool,
    ) -> Result<Self, CiamError> {
        let tls = if base.is_https() {
            let config = verifying_config(extra_ca_pem).map_err(|e| {
                CiamError::invalid_input("CA file", crate::i18n::Message::verbatim(e))
            })?;
            Some(Arc::new(config))
        } else {
            None
        };
        if let Target::Exchange(call) = &target {
            call.request().register_secrets();
        }
        Ok(Self {
            base,
            target,
            tls,
            timeout,
            reuse,
            connection: None,
        })
    }

    pub async fn run(&mut self, number: u32) -> Attempt {
        if let Target::Flow(flow) = &self.target {
            return run_flow(number, &flow.0, flow.1.clone()).await;
        }
        let at = OffsetDateTime::now_utc();
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + self.timeout;
        let mut phases = Phases::default();
        let reused = self
            .connection
            .take()
            .filter(|c| self.reuse && !c.is_closed());
        let new_connection = reused.is_none();
        let (request, result) = match reused {
            Some(sender) => self.exchange(sender, &mut phases, deadline).await,
            None => match self.connect(&mut phases, deadline).await {
                Ok(sender) => self.exchange(sender, &mut phases, deadline).await,
                Err(failure) => (self.request_record(), Err(failure)),
            },
        };
        phases.total = started.elapsed();
        let (record, status, outcome, error) = match result {
            Ok((response, value)) => {
                let status = response.status;
                let raw = ApiOutcome {
                    record: HttpRecord {
                        request,
                        response: Some(response),
                        elapsed: phases.total,
                    },
                    result: value,
                };
                let (record, error) = match &self.target {
                    Target::Exchange(call) => {
                        let read = call.read(raw);
                        (read.record, read.result.err())
                    }
                    // Any HTTP answer means the tenant is there.
                    Target::Reachability | Target::Flow(_) => (raw.record, None),
                };
                let outcome = error
                    .as_ref()
                    .map_or(Outcome::Ok, |e| Outcome::of(e, Phase::FirstByte));
                (record, Some(status), outcome, error)
            }
            Err((error, phase)) => {
                let record = HttpRecord {
                    request,
                    response: None,
                    elapsed: phases.total,
                };
                (record, None, Outcome::of(&error, phase), Some(error))
            }
        };
        Attempt {
            number,
            at,
            phases,
            outcome,
            status,
            new_connection,
            error: error.map(Box::new),
            record: Some(Box::new(record)),
        }
    }

    /// DNS, TCP, TLS and the HTTP/1.1 handshake, each timed into `phases`.
    async fn connect(
        &self,
        phases: &mut Phases,
        deadline: tokio::time::Instant,
    ) -> Result<SendRequest<Full<Bytes>>, Failure> {
        let host = self.base.host();
        let port = self.base.port();

        let started = Instant::now();
        let addrs: Vec<SocketAddr> =
            match timeout_at(deadline, tokio::net::lookup_host((host.as_str(), port))).await {
                Err(_) => return Err(self.timed_out(Phase::Dns)),
                Ok(Err(e)) => {
                    let error = CiamError::Dns {
                        host: host.clone(),
                        detail: e.to_string(),
                    };
                    return Err((error, Phase::Dns));
                }
                Ok(Ok(addrs)) => addrs.collect(),
            };
        phases.dns = Some(started.elapsed());

        let started = Instant::now();
        let mut last_error = String::from("no address");
        let mut stream = None;
        for addr in &addrs {
            match timeout_at(deadline, tokio::net::TcpStream::connect(addr)).await {
                Err(_) => return Err(self.timed_out(Phase::Connect)),
                Ok(Ok(s)) => {
                    stream = Some(s);
                    break;
                }
                Ok(Err(e)) => last_error = format!("{addr}: {e}"),
            }
        }
        let Some(stream) = stream else {
            let error = CiamError::Connect {
                target: format!("{host}:{port}"),
                detail: last_error,
            };
            return Err((error, Phase::Connect));
        };
        phases.connect = Some(started.elapsed());
        // Small requests, answered at once: no waiting for more to send.
        let _ = stream.set_nodelay(true);

        let Some(config) = &self.tls else {
            return http1(stream)
                .await
                .map_err(|e| (connect_error(&self.base, &e), Phase::Connect));
        };
        let started = Instant::now();
        let name = ServerName::try_from(host.clone()).map_err(|e| {
            let error = CiamError::Tls {
                host: host.clone(),
                detail: e.to_string(),
            };
            (error, Phase::Tls)
        })?;
        let connector = tokio_rustls::TlsConnector::from(config.clone());
        let tls = match timeout_at(deadline, connector.connect(name, stream)).await {
            Err(_) => return Err(self.timed_out(Phase::Tls)),
            Ok(Err(e)) => {
                let detail = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .map_or_else(|| e.to_string(), describe_tls_error);
                return Err((CiamError::Tls { host, detail }, Phase::Tls));
            }
            Ok(Ok(tls)) => tls,
        };
        phases.tls = Some(started.elapsed());
        http1(tls)
            .await
            .map_err(|e| (connect_error(&self.base, &e), Phase::Tls))
    }

    /// Sends the request and reads the answer; puts the connection back for the next attempt
    /// when it is to be reused.
    async fn exchange(
        &mut self,
        mut sender: SendRequest<Full<Bytes>>,
        phases: &mut Phases,
        deadline: tokio::time::Instant,
    ) -> (
        RequestRecord,
        Result<
            (
                crate::ciam::record::ResponseRecord,
                Result<serde_json::Value, CiamError>,
            ),
            Failure,
        >,
    ) {
        let record = self.request_record();
        let request = match self.http_request() {
            Ok(r) => r,
            Err(e) => {
                let error = CiamError::UnexpectedResponse {
                    status: None,
                    problem: format!("the request could not be built: {e}"),
                    body: String::new(),
                };
                return (record, Err((error, Phase::FirstByte)));
            }
        };
        let sent = Instant::now();
        let response = match timeout_at(deadline, sender.send_request(request)).await {
            Err(_) => return (record, Err(self.timed_out(Phase::FirstByte))),
            Ok(Err(e)) => {
                let error = if e.is_parse() {
                    CiamError::UnexpectedResponse {
                        status: None,
                        problem: format!("not an HTTP answer ({e})"),
                        body: String::new(),
                    }
                } else {
                    connect_error(&self.base, &e)
                };
                return (record, Err((error, Phase::FirstByte)));
            }
            Ok(Ok(response)) => response,
        };
        phases.first_byte = Some(sent.elapsed());
        let reading = Instant::now();
        let (parts, mut body) = response.into_parts();
        let cap = DEFAULT_BODY_CAP;
        let mut bytes = Vec::new();
        let mut over_cap = false;
        loop {
            match timeout_at(deadline, body.frame()).await {
                Err(_) => return (record, Err(self.timed_out(Phase::Body))),
                Ok(None) => break,
                Ok(Some(Err(e))) => {
                    let error = CiamError::UnexpectedResponse {
                        status: Some(parts.status.as_u16()),
                        problem: format!("the answer broke off after {} bytes ({e})", bytes.len()),
                        body: String::new(),
                    };
                    return (record, Err((error, Phase::Body)));
                }
                Ok(Some(Ok(frame))) => {
                    if let Some(data) = frame.data_ref() {
                        if bytes.len() + data.len() > cap {
                            over_cap = true;
                            break;
                        }
                        bytes.extend_from_slice(data);
                    }
                }
            }
        }
        phases.body = Some(reading.elapsed());
        if self.reuse && !over_cap {
            self.connection = Some(sender);
        }
        let headers = response_headers(&parts.headers);
        let answer = interpret(parts.status.as_u16(), headers, &bytes, over_cap, cap);
        (record, Ok(answer))
    }

    /// The attempt ran out of time while in `phase`.
    fn timed_out(&self, phase: Phase) -> Failure {
        let error = CiamError::Timeout {
            phase: crate::ciam::error::TimeoutPhase::Total,
            after: self.timeout,
        };
        (error, phase)
    }

    /// The request as evidence: what the tenant client would record (secrets masked).
    fn request_record(&self) -> RequestRecord {
        match &self.target {
            Target::Exchange(call) => {
                let request = call.request();
                RequestRecord {
                    method: "POST".to_owned(),
                    url: self.base.endpoint(request.path).to_string(),
                    headers: wire_headers(request, false),
                    body: request.body(false),
                }
            }
            Target::Reachability | Target::Flow(_) => RequestRecord {
                method: "GET".to_owned(),
                url: self.base.endpoint("/").to_string(),
                headers: Vec::new(),
                body: String::new(),
            },
        }
    }

    /// The request as sent (secrets revealed, for the wire only).
    fn http_request(&self) -> Result<hyper::Request<Full<Bytes>>, hyper::http::Error> {
        let authority = match self.base.port() {
            443 if self.base.is_https() => self.base.host(),
            80 if !self.base.is_https() => self.base.host(),
            port => format!("{}:{port}", self.base.host()),
        };
        let user_agent = concat!("sso-diag/", env!("CARGO_PKG_VERSION"));
        match &self.target {
            Target::Exchange(call) => {
                let request = call.request();
                let mut builder = hyper::Request::post(request.path)
                    .header("Host", authority)
                    .header("User-Agent", user_agent);
                for (name, value) in wire_headers(request, true) {
                    builder = builder.header(name, value);
                }
                builder.body(Full::new(Bytes::from(request.body(true))))
            }
            Target::Reachability | Target::Flow(_) => hyper::Request::get("/")
                .header("Host", authority)
                .header("User-Agent", user_agent)
                .body(Full::new(Bytes::new())),
        }
    }
}

/// One run of the whole flow: the outcome of the step that failed (or of the last), the total.
async fn run_flow(
    number: u32,
    client: &crate::ciam::TenantClient,
    input: crate::flow::FlowInput,
) -> Attempt {
    let at = OffsetDateTime::now_utc();
    let started = Instant::now();
    let result = crate::flow::run(client, input).await;
    let total = started.elapsed();
    let last = result.steps.last();
    let error = last.and_then(|s| s.error.clone());
    let outcome = error
        .as_ref()
        .map_or(Outcome::Ok, |e| Outcome::of(e, Phase::FirstByte));
    Attempt {
        number,
        at,
        phases: Phases {
            total,
            ..Phases::default()
        },
        outcome,
        status: last.and_then(|s| s.http_status()),
        new_connection: true,
        error: error.map(Box::new),
        record: last.map(|s| Box::new(s.record.clone())),
    }
}

/// An HTTP/1.1 connection over `stream`, driven on its own task.
async fn http1<S>(stream: S) -> Result<SendRequest<Full<Bytes>>, hyper::Error>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // The connection ends when the probe drops its sender; its errors reach the sender.
        let _ = connection.await;
    });
    Ok(sender)
}

fn connect_error(base: &TenantUrl, error: &hyper::Error) -> CiamError {
    CiamError::Connect {
        target: format!("{}:{}", base.host(), base.port()),
        detail: crate::ciam::client::error_chain(error),
    }
}
