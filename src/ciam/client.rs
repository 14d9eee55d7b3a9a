//! The HTTP side of the tenant API: one `post` that every endpoint uses, with the timeouts, the
//! body cap, no redirects, the error classification and the evidence record in one place.
//!
//! Knows HTTP and API.md's error shapes; knows nothing of which endpoint it is calling.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::error::{CiamError, TimeoutPhase};
pub use super::net_errors::error_chain;
use super::net_errors::{is_protocol_error, proxy_setting};
use super::record::{ConnectionInfo, HttpRecord, ResponseRecord};
use super::request::{ApiRequest, BodyKind};
use super::tenant_url::TenantUrl;
use super::wire::{interpret, request_record, response_headers, wire_headers};
use crate::secret::redact_tenant_text;

pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// The documented answers are a few hundred bytes; anything near this is not the tenant API.
pub const DEFAULT_BODY_CAP: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    pub body_cap: usize,
    /// Extra certificate authorities to trust for this run (PEM), besides the system's: a
    /// company's TLS-inspecting proxy, a test tenant. There is no way to skip verification.
    pub extra_ca_pem: Option<Vec<u8>>,
    /// A proxy for every request (`http://host:port`); without it the environment's
    /// `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` and the system proxy apply.
    pub proxy: Option<String>,
}

impl ClientOptions {
    /// `total` for the whole request; connecting gets at most [`DEFAULT_CONNECT_TIMEOUT`] of it.
    pub fn with_total_timeout(total: Duration) -> Self {
        Self {
            connect_timeout: total.min(DEFAULT_CONNECT_TIMEOUT),
            total_timeout: total,
            ..Self::default()
        }
    }
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            total_timeout: DEFAULT_TOTAL_TIMEOUT,
            body_cap: DEFAULT_BODY_CAP,
            extra_ca_pem: None,
            proxy: None,
        }
    }
}

/// The result of one call: the evidence, and either the answer or a classified error.
pub struct Outcome<T> {
    pub record: HttpRecord,
    pub result: Result<T, CiamError>,
}

impl<T> Outcome<T> {
    /// The same evidence, with the answer turned into another type.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        Outcome {
            record: self.record,
            result: self.result.map(f),
        }
    }
}

/// A call's raw 2xx JSON body, before the endpoint reads it.
pub type ApiOutcome = Outcome<Value>;

impl ApiOutcome {
    /// Reads the 2xx body with `parse`; a body of the wrong shape becomes an "unexpected response"
    /// error that carries the (redacted) body as evidence.
    pub fn parse<T>(self, parse: impl FnOnce(&Value) -> Result<T, String>) -> Outcome<T> {
        let status = self.record.response.as_ref().map(|r| r.status);
        let body = self
            .record
            .response
            .as_ref()
            .map(|r| r.body.clone())
            .unwrap_or_default();
        let result = self.result.and_then(|value| {
            // The problem may quote the tenant's value (a status, an expire).
            parse(&value).map_err(|problem| CiamError::UnexpectedResponse {
                status,
                problem: redact_tenant_text(&problem),
                body,
            })
        });
        Outcome {
            record: self.record,
            result,
        }
    }
}

#[derive(Clone)]
pub struct TenantClient {
    http: reqwest::Client,
    base: TenantUrl,
    options: ClientOptions,
}

impl TenantClient {
    pub fn new(base: TenantUrl, options: ClientOptions) -> Result<Self, CiamError> {
        super::tls::ensure_provider();
        let mut builder = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.total_timeout)
            // A redirect is reported, never followed: the bearer token must not go anywhere else.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("sso-diag/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = &options.extra_ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .ok()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| {
                    CiamError::invalid_input("CA file", crate::msg!("input-ca-not-pem"))
                })?;
            builder = builder.tls_certs_merge(certs);
        }
        if let Some(proxy) = &options.proxy {
            let proxy = proxy_setting(proxy)?;
            // Plain http is only allowed to this machine, where a proxy has no place: through one,
            // the bearer token would travel unencrypted to the proxy.
            if base.is_https() {
                builder = builder.proxy(proxy);
            }
        }
        if !base.is_https() {
            builder = builder.no_proxy();
        }
        let http = builder.build().map_err(|e| CiamError::Tls {
            host: base.host(),
            detail: format!("could not set up the HTTP client: {}", error_chain(&e)),
        })?;
        Ok(Self {
            http,
            base,
            options,
        })
    }

    pub fn base(&self) -> &TenantUrl {
        &self.base
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    pub async fn send(&self, request: &ApiRequest) -> ApiOutcome {
        let url = self.base.endpoint(request.path);
        request.register_secrets();
        let mut builder = match request.body_kind {
            BodyKind::None => self.http.get(url),
            BodyKind::Json | BodyKind::Form => self.http.post(url),
        };
        for (name, value) in wire_headers(request, true) {
            builder = builder.header(name, value);
        }
        let record_request = request_record(&self.base, request);

        tracing::debug!(url = %record_request.url, "sending {}", record_request.method);
        tracing::trace!(
            headers = ?record_request.headers,
            body = %record_request.body,
            "request as sent (secrets masked)"
        );
        let started = Instant::now();
        let total = self.options.total_timeout;
        let mut connection = None;
        let exchange = async {
            match builder.body(request.body(true)).send().await {
                Ok(response) => {
                    connection = connection_of(&response);
                    let (record, result) = self.read_response(response).await;
                    (Some(record), result)
                }
                Err(e) => (None, Err(self.classify(&e))),
            }
        };
        // reqwest's own timeout covers the body too; this one is the guarantee that nothing,
        // including a server trickling bytes, outlives the total timeout.
        let (response, result) = match tokio::time::timeout(total, exchange).await {
            Ok(answer) => answer,
            Err(_) => (
                None,
                Err(CiamError::Timeout {
                    phase: TimeoutPhase::Total,
                    after: total,
                }),
            ),
        };
        let elapsed = started.elapsed();
        match (&response, &result) {
            (Some(r), Ok(_)) => {
                tracing::info!(
                    url = %record_request.url,
                    status = r.status,
                    elapsed_ms = elapsed.as_secs_f64() * 1000.0,
                    "answered"
                )
            }
            (_, Err(e)) => {
                tracing::warn!(
                    url = %record_request.url,
                    kind = e.kind(),
                    error = %e,
                    elapsed_ms = elapsed.as_secs_f64() * 1000.0,
                    "failed"
                )
            }
            (None, Ok(_)) => {}
        }
        if let Some(r) = &response {
            tracing::trace!(
                status = r.status,
                headers = ?r.headers,
                body = %r.body,
                "response (redacted)"
            );
        }
        let mut record = HttpRecord::new(record_request, response, elapsed);
        if let Some(info) = connection {
            info.stamp(&mut record);
        }
        ApiOutcome { record, result }
    }

    async fn read_response(
        &self,
        mut response: reqwest::Response,
    ) -> (ResponseRecord, Result<Value, CiamError>) {
        let status = response.status().as_u16();
        let headers = response_headers(response.headers());
        let cap = self.options.body_cap;
        let mut over_cap = response.content_length().is_some_and(|n| n > cap as u64);
        let mut bytes = Vec::new();
        while !over_cap {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > cap {
                        over_cap = true;
                    } else {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let partial = ResponseRecord {
                        status,
                        headers: headers.clone(),
                        body: redact_tenant_text(&String::from_utf8_lossy(&bytes)),
                    };
                    // The tenant answered, then the body broke off: a timeout stays a timeout,
                    // anything else is an answer that is not what the API documents.
                    let error = if e.is_timeout() {
                        self.classify(&e)
                    } else {
                        CiamError::UnexpectedResponse {
                            status: Some(status),
                            problem: format!(
                                "the answer broke off after {} bytes ({})",
                                bytes.len(),
                                redact_tenant_text(&error_chain(&e))
                            ),
                            body: partial.body.clone(),
                        }
                    };
                    return (partial, Err(error));
                }
            }
        }
        interpret(status, headers, &bytes, over_cap, cap)
    }

    fn classify(&self, error: &reqwest::Error) -> CiamError {
        let detail = redact_tenant_text(&error_chain(error));
        let lower = detail.to_ascii_lowercase();
        let host = self.base.host();
        let target = format!("{}:{}", host, self.base.port());
        if error.is_timeout() {
            CiamError::Timeout {
                phase: if error.is_connect() {
                    TimeoutPhase::Connect
                } else {
                    TimeoutPhase::Total
                },
                after: if error.is_connect() {
                    self.options.connect_timeout
                } else {
                    self.options.total_timeout
                },
            }
        } else if is_protocol_error(&lower) {
            CiamError::UnexpectedResponse {
                status: None,
                problem: format!("the answer is not HTTP as the API speaks it ({detail})"),
                body: String::new(),
            }
        } else if lower.contains("tunnel error") {
            CiamError::Proxy { target, detail }
        } else if lower.contains("dns error") || lower.contains("failed to lookup address") {
            CiamError::Dns { host, detail }
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
            || lower.contains("ssl")
        {
            // The certificate problem itself, not reqwest's "error sending request for url …".
            let detail = detail
                .find("invalid peer certificate")
                .map(|at| detail[at..].to_owned())
                .unwrap_or(detail);
            CiamError::Tls { host, detail }
        } else {
            CiamError::Connect { target, detail }
        }
    }
}

/// Which connection answered: hyper's record of it, which reqwest keeps in the response.
fn connection_of(response: &reqwest::Response) -> Option<ConnectionInfo> {
    let info = response
        .extensions()
        .get::<hyper_util::client::legacy::connect::HttpInfo>()?;
    Some(ConnectionInfo {
        server: info.remote_addr(),
        local: info.local_addr(),
    })
}
