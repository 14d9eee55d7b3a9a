//! One probe on a connection of its own (or the previous one, when asked to reuse it): DNS, TCP,
//! TLS, the request and its answer, each phase timed the way `curl -w` times the same request.
//! The request and the reading of the answer are the tenant client's own (`ciam::wire`, `Call`),
//! so a probe's call is recorded and classified exactly as any call; a flow probe runs the flow
//! itself through the probe, each of its calls timed on its own.

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
use crate::ciam::record::{ConnectionInfo, ResponseRecord};
use crate::ciam::request::ApiRequest;
use crate::ciam::wire::{interpret, request_record, response_headers, wire_headers};
use crate::ciam::{CiamError, HttpRecord, TenantUrl};
use crate::flow::FlowInput;
use crate::step::{Call, CallOutcome, StepRecord, Transport};

/// What each probe asks of the tenant.
pub enum Target {
    /// The same call every time: the exchange with the tokens given (a success issues a ticket
    /// that simply expires), or `GET /` ([`Call::reachability`], no token sent).
    Call(Box<Call>),
    /// The whole flow every time (client credentials, a test login, the exchange), each of its
    /// calls on the probe's connections, timed phase by phase.
    Flow(Box<FlowInput>),
}

/// A connection ready for the next request, and its two ends.
struct Open {
    sender: SendRequest<Full<Bytes>>,
    info: Option<ConnectionInfo>,
}

pub struct Probe {
    base: TenantUrl,
    target: Target,
    tls: Option<Arc<rustls::ClientConfig>>,
    timeout: Duration,
    reuse: bool,
    connection: Option<Open>,
    /// Connections opened so far: tells an attempt that opened one.
    opened: u64,
}

type Answered = (ResponseRecord, Result<serde_json::Value, CiamError>);

impl Probe {
    /// `timeout`: for each call. `reuse`: keep the connection between calls, as a real
    /// application does; otherwise every call connects afresh.
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
        if let Target::Call(call) = &target {
            call.request().register_secrets();
        }
        Ok(Self {
            base,
            target,
            tls,
            timeout,
            reuse,
            connection: None,
            opened: 0,
        })
    }

    pub async fn run(&mut self, number: u32) -> Attempt {
        let at = OffsetDateTime::now_utc();
        let opened = self.opened;
        let calls = match &self.target {
            Target::Call(call) => {
                let call = (**call).clone();
                let outcome = self.call(&call).await;
                vec![StepRecord::new(&call, &outcome, OffsetDateTime::now_utc())]
            }
            Target::Flow(input) => {
                let input = (**input).clone();
                crate::flow::run(self, input).await.steps
            }
        };
        // Each phase added up over the calls, and the calls' own times: every document of the
        // attempt then tells the same total.
        let phases = Phases::sum(calls.iter().filter_map(|c| c.record.phases.as_ref()));
        let last = calls.last();
        let outcome = match last.and_then(|c| c.error.as_ref().map(|e| (c, e))) {
            None => Outcome::Ok,
            Some((call, error)) => {
                let ended_in = call.record.phases.and_then(|p| p.last());
                Outcome::of(error, ended_in.unwrap_or(Phase::FirstByte))
            }
        };
        Attempt {
            number,
            at,
            phases,
            outcome,
            status: last.and_then(StepRecord::http_status),
            new_connection: self.opened > opened,
            calls,
        }
    }

    /// One call on the probe's connection, timed phase by phase; the phase it ended in holds the
    /// time spent there, a hang's included.
    async fn call(&mut self, call: &Call) -> CallOutcome {
        let request = call.request();
        request.register_secrets();
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + self.timeout;
        let mut phases = Phases::default();
        let reused = self
            .connection
            .take()
            .filter(|c| self.reuse && !c.sender.is_closed());
        let open = match reused {
            Some(open) => Ok(open),
            None => self.connect(&mut phases, deadline).await,
        };
        let (info, answered) = match open {
            Ok(open) => (
                open.info,
                self.exchange(open, request, &mut phases, deadline).await,
            ),
            Err(error) => (None, Err(error)),
        };
        phases.total = started.elapsed();
        let mut record = HttpRecord::new(request_record(&self.base, request), None, phases.total);
        record.phases = Some(phases);
        if let Some(info) = info {
            info.stamp(&mut record);
        }
        let raw = match answered {
            Ok((response, value)) => {
                record.response = Some(response);
                ApiOutcome {
                    record,
                    result: value,
                }
            }
            Err(error) => ApiOutcome {
                record,
                result: Err(error),
            },
        };
        call.read(raw)
    }

    /// DNS, TCP, TLS and the HTTP/1.1 handshake, each timed into `phases`.
    async fn connect(
        &mut self,
        phases: &mut Phases,
        deadline: tokio::time::Instant,
    ) -> Result<Open, CiamError> {
        let host = self.base.host();
        let port = self.base.port();

        let started = Instant::now();
        let lookup = timeout_at(deadline, tokio::net::lookup_host((host.as_str(), port))).await;
        phases.set(Phase::Dns, started.elapsed());
        let addrs: Vec<SocketAddr> = match lookup {
            Err(_) => return Err(self.timed_out()),
            Ok(Err(e)) => {
                let detail = e.to_string();
                return Err(CiamError::Dns {
                    host: host.clone(),
                    detail,
                });
            }
            Ok(Ok(addrs)) => addrs.collect(),
        };

        let started = Instant::now();
        let mut last_error = String::from("no address");
        let mut stream = None;
        for addr in &addrs {
            let connected = timeout_at(deadline, tokio::net::TcpStream::connect(addr)).await;
            phases.set(Phase::Connect, started.elapsed());
            match connected {
                Err(_) => return Err(self.timed_out()),
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
            return Err(error);
        };
        self.opened += 1;
        let info = match (stream.peer_addr(), stream.local_addr()) {
            (Ok(server), Ok(local)) => Some(ConnectionInfo { server, local }),
            _ => None,
        };
        // Small requests, answered at once: no waiting for more to send.
        let _ = stream.set_nodelay(true);

        let Some(config) = &self.tls else {
            let sender = http1(stream)
                .await
                .map_err(|e| connect_error(&self.base, &e))?;
            return Ok(Open { sender, info });
        };
        let started = Instant::now();
        let name = ServerName::try_from(host.clone()).map_err(|e| {
            let detail = e.to_string();
            CiamError::Tls {
                host: host.clone(),
                detail,
            }
        })?;
        let connector = tokio_rustls::TlsConnector::from(config.clone());
        let handshake = timeout_at(deadline, connector.connect(name, stream)).await;
        phases.set(Phase::Tls, started.elapsed());
        let tls = match handshake {
            Err(_) => return Err(self.timed_out()),
            Ok(Err(e)) => {
                let detail = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .map_or_else(|| e.to_string(), describe_tls_error);
                return Err(CiamError::Tls {
                    host: host.clone(),
                    detail,
                });
            }
            Ok(Ok(tls)) => tls,
        };
        let sender = http1(tls)
            .await
            .map_err(|e| connect_error(&self.base, &e))?;
        Ok(Open { sender, info })
    }

    /// Sends the request and reads the answer; puts the connection back for the next call when
    /// it is to be reused.
    async fn exchange(
        &mut self,
        open: Open,
        request: &ApiRequest,
        phases: &mut Phases,
        deadline: tokio::time::Instant,
    ) -> Result<Answered, CiamError> {
        let Open { mut sender, info } = open;
        let http_request = self.http_request(request).map_err(|e| {
            let problem = format!("the request could not be built: {e}");
            CiamError::UnexpectedResponse {
                status: None,
                problem,
                body: String::new(),
            }
        })?;
        let sent = Instant::now();
        let response = timeout_at(deadline, sender.send_request(http_request)).await;
        phases.set(Phase::FirstByte, sent.elapsed());
        let response = match response {
            Err(_) => return Err(self.timed_out()),
            Ok(Err(e)) if e.is_parse() => {
                return Err(CiamError::UnexpectedResponse {
                    status: None,
                    problem: format!("not an HTTP answer ({e})"),
                    body: String::new(),
                });
            }
            Ok(Err(e)) => return Err(connect_error(&self.base, &e)),
            Ok(Ok(response)) => response,
        };
        let reading = Instant::now();
        let (parts, mut body) = response.into_parts();
        let cap = DEFAULT_BODY_CAP;
        let mut bytes = Vec::new();
        let mut over_cap = false;
        loop {
            let frame = timeout_at(deadline, body.frame()).await;
            phases.set(Phase::Body, reading.elapsed());
            match frame {
                Err(_) => return Err(self.timed_out()),
                Ok(None) => break,
                Ok(Some(Err(e))) => {
                    return Err(CiamError::UnexpectedResponse {
                        status: Some(parts.status.as_u16()),
                        problem: format!("the answer broke off after {} bytes ({e})", bytes.len()),
                        body: String::new(),
                    });
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
        if self.reuse && !over_cap {
            self.connection = Some(Open { sender, info });
        }
        let headers = response_headers(&parts.headers);
        Ok(interpret(
            parts.status.as_u16(),
            headers,
            &bytes,
            over_cap,
            cap,
        ))
    }

    /// The call ran out of its time (in the phase its record ends in).
    fn timed_out(&self) -> CiamError {
        CiamError::Timeout {
            phase: crate::ciam::error::TimeoutPhase::Total,
            after: self.timeout,
        }
    }

    /// The request as sent (secrets revealed, for the wire only).
    fn http_request(
        &self,
        request: &ApiRequest,
    ) -> Result<hyper::Request<Full<Bytes>>, hyper::http::Error> {
        let authority = match self.base.port() {
            443 if self.base.is_https() => self.base.host(),
            80 if !self.base.is_https() => self.base.host(),
            port => format!("{}:{port}", self.base.host()),
        };
        let user_agent = concat!("sso-diag/", env!("CARGO_PKG_VERSION"));
        let mut builder = hyper::Request::builder()
            .method(request.method())
            .uri(request.path)
            .header("Host", authority)
            .header("User-Agent", user_agent);
        for (name, value) in wire_headers(request, true) {
            builder = builder.header(name, value);
        }
        builder.body(Full::new(Bytes::from(request.body(true))))
    }
}

impl Transport for Probe {
    fn send(&mut self, call: &Call) -> impl Future<Output = CallOutcome> + Send {
        self.call(call)
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
