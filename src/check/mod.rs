//! "Is it the network?": DNS, TCP, TLS, an HTTP round trip and the clock, one step at a time, each
//! with a sentence a non-developer understands. A failed step skips the ones after it (they are
//! shown as skipped, never faked). Sends no token anywhere.

pub mod tls;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::Serialize;
use time::OffsetDateTime;

use crate::ciam::TenantUrl;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    /// Works, but something deserves attention (e.g. the clock is a bit off).
    Warn,
    Fail,
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckStep {
    pub name: &'static str,
    pub status: CheckStatus,
    /// What happened, in plain words.
    pub sentence: String,
    /// Evidence: label and value.
    pub details: Vec<(String, String)>,
    pub elapsed_ms: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub tenant: String,
    pub steps: Vec<CheckStep>,
}

impl CheckReport {
    /// As for `exchange`: 0 when everything passed (warnings included), 3 when the network is the problem.
    pub fn exit_code(&self) -> u8 {
        if self.steps.iter().any(|s| s.status == CheckStatus::Fail) {
            3
        } else {
            0
        }
    }

    pub fn passed(&self) -> bool {
        self.exit_code() == 0
    }
}

const STEP_TIMEOUT: Duration = Duration::from_secs(10);
/// More than this between this machine's clock and the tenant's can break expiry checks.
const SKEW_WARN: Duration = Duration::from_secs(60);

fn ms(d: Duration) -> Option<f64> {
    Some((d.as_secs_f64() * 10_000.0).round() / 10.0)
}

fn step(name: &'static str, status: CheckStatus, sentence: String) -> CheckStep {
    CheckStep {
        name,
        status,
        sentence,
        details: Vec::new(),
        elapsed_ms: None,
    }
}

fn skipped(name: &'static str, because: &str) -> CheckStep {
    step(name, CheckStatus::Skipped, format!("Skipped: {because}."))
}

pub async fn run_check(tenant: &TenantUrl, extra_ca_pem: Option<&[u8]>) -> CheckReport {
    let mut steps = Vec::new();
    let host = tenant.host();
    let port = tenant.port();
    let names = ["DNS", "TCP", "TLS", "HTTP", "Clock"];
    let finish = |mut steps: Vec<CheckStep>, from: usize, because: &str| {
        for name in &names[from..] {
            steps.push(skipped(name, because));
        }
        CheckReport {
            tenant: tenant.to_string(),
            steps,
        }
    };

    // 1. DNS
    let started = Instant::now();
    let lookup =
        tokio::time::timeout(STEP_TIMEOUT, tokio::net::lookup_host((host.as_str(), port))).await;
    let addrs: Vec<SocketAddr> = match lookup {
        Ok(Ok(a)) => a.collect(),
        Ok(Err(e)) => {
            let mut s = step(
                "DNS",
                CheckStatus::Fail,
                format!(
                    "This machine cannot find the address of {host}. Check the spelling of the \
                        domain; on a company network or VPN, check that you are connected."
                ),
            );
            s.details.push(("error".into(), e.to_string()));
            steps.push(s);
            return finish(steps, 1, "the name did not resolve");
        }
        Err(_) => {
            steps.push(step(
                "DNS",
                CheckStatus::Fail,
                format!(
                    "Looking up {host} took more than {} s: the name server is not answering.",
                    STEP_TIMEOUT.as_secs()
                ),
            ));
            return finish(steps, 1, "the name did not resolve");
        }
    };
    let mut dns = step(
        "DNS",
        CheckStatus::Pass,
        if host.parse::<std::net::IpAddr>().is_ok() {
            format!("{host} is an address; no lookup needed.")
        } else {
            format!(
                "{host} resolves to {}.",
                addrs
                    .iter()
                    .map(|a| a.ip().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        },
    );
    dns.elapsed_ms = ms(started.elapsed());
    steps.push(dns);

    // 2. TCP
    let started = Instant::now();
    let mut last_error = String::new();
    let mut stream = None;
    for addr in &addrs {
        match tokio::time::timeout(STEP_TIMEOUT, tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(s)) => {
                stream = Some((s, *addr));
                break;
            }
            Ok(Err(e)) => last_error = format!("{addr}: {e}"),
            Err(_) => last_error = format!("{addr}: no answer within {} s", STEP_TIMEOUT.as_secs()),
        }
    }
    let Some((stream, addr)) = stream else {
        let sentence = if last_error.contains("refused") {
            format!(
                "Nothing accepts connections on port {port} of {host} (connection refused): the \
                    port is wrong or the service is down."
            )
        } else {
            format!(
                "Could not open a connection to {host}:{port}: a firewall or proxy may be \
                    blocking it."
            )
        };
        let mut s = step("TCP", CheckStatus::Fail, sentence);
        s.details.push(("error".into(), last_error));
        s.elapsed_ms = ms(started.elapsed());
        steps.push(s);
        return finish(steps, 2, "no connection could be opened");
    };
    let mut tcp = step(
        "TCP",
        CheckStatus::Pass,
        format!("A connection to {addr} opened."),
    );
    tcp.elapsed_ms = ms(started.elapsed());
    steps.push(tcp);

    // 3. TLS
    if tenant.is_https() {
        let started = Instant::now();
        match tokio::time::timeout(STEP_TIMEOUT, tls::handshake(stream, &host, extra_ca_pem)).await
        {
            Ok(Ok(facts)) => {
                let mut s = match &facts.trusted {
                    Ok(()) => step(
                        "TLS",
                        CheckStatus::Pass,
                        format!(
                            "A secure connection was made ({}); this machine trusts the \
                                tenant's certificate.",
                            facts.protocol
                        ),
                    ),
                    Err(why) => step(
                        "TLS",
                        CheckStatus::Fail,
                        format!(
                            "The tenant's certificate is not trusted by this machine: {why}. A \
                                company proxy that inspects TLS, or a wrong domain, causes \
                                this."
                        ),
                    ),
                };
                s.details.push(("protocol".into(), facts.protocol.clone()));
                s.details.push(("subject".into(), facts.subject.clone()));
                s.details.push(("issuer".into(), facts.issuer.clone()));
                if let Some(t) = facts.not_after {
                    s.details.push(("expires".into(), t.date().to_string()));
                }
                s.details.push((
                    "trusted".into(),
                    match &facts.trusted {
                        Ok(()) => "yes".into(),
                        Err(why) => format!("no: {why}"),
                    },
                ));
                s.elapsed_ms = ms(started.elapsed());
                let failed = s.status == CheckStatus::Fail;
                steps.push(s);
                if failed {
                    return finish(
                        steps,
                        3,
                        "the certificate is not trusted, so no request is sent",
                    );
                }
            }
            Ok(Err(e)) => {
                let mut s = step(
                    "TLS",
                    CheckStatus::Fail,
                    "A secure connection could not be made: \
                    the server may not speak TLS on this port, or something in between breaks \
                    it."
                    .to_owned(),
                );
                s.details.push(("error".into(), e));
                s.elapsed_ms = ms(started.elapsed());
                steps.push(s);
                return finish(steps, 3, "no secure connection");
            }
            Err(_) => {
                steps.push(step(
                    "TLS",
                    CheckStatus::Fail,
                    format!(
                        "The secure handshake took more than {} s.",
                        STEP_TIMEOUT.as_secs()
                    ),
                ));
                return finish(steps, 3, "no secure connection");
            }
        }
    } else {
        drop(stream);
        steps.push(skipped("TLS", "plain http to this machine uses no TLS"));
    }

    // 4. HTTP
    let started = Instant::now();
    let mut builder = reqwest::Client::builder();
    if let Some(certs) =
        extra_ca_pem.and_then(|pem| reqwest::Certificate::from_pem_bundle(pem).ok())
    {
        builder = builder.tls_certs_merge(certs);
    }
    let client = builder
        .connect_timeout(STEP_TIMEOUT)
        .timeout(STEP_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("sso-diag/", env!("CARGO_PKG_VERSION")))
        .build();
    let response = match client {
        Ok(c) => c
            .get(tenant.endpoint("/"))
            .send()
            .await
            .map_err(|e| crate::ciam::client::error_chain(&e)),
        Err(e) => Err(e.to_string()),
    };
    let response = match response {
        Ok(r) => r,
        Err(e) => {
            let mut s = step(
                "HTTP",
                CheckStatus::Fail,
                "The connection works but an HTTP request to the tenant got no answer.".into(),
            );
            s.details.push(("error".into(), e));
            s.elapsed_ms = ms(started.elapsed());
            steps.push(s);
            return finish(steps, 4, "no HTTP answer");
        }
    };
    let status = response.status();
    let mut http = step(
        "HTTP",
        CheckStatus::Pass,
        format!(
            "The tenant answered an HTTP request (HTTP {}).",
            status.as_u16()
        ),
    );
    http.elapsed_ms = ms(started.elapsed());
    if let Some(server) = response
        .headers()
        .get("server")
        .and_then(|v| v.to_str().ok())
    {
        http.details.push(("server".into(), server.to_owned()));
    }
    let date = response
        .headers()
        .get("date")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    steps.push(http);

    // 5. Clock
    let clock = match date.as_deref().map(|d| (d, httpdate::parse_http_date(d))) {
        None => skipped("Clock", "the tenant sent no Date header"),
        Some((d, Err(_))) => {
            let shown: String = d.chars().take(60).collect();
            skipped(
                "Clock",
                &format!("the tenant's Date header ({shown:?}) is not an HTTP date"),
            )
        }
        Some((_, Ok(server_time))) => {
            let server = OffsetDateTime::from(server_time);
            let local = OffsetDateTime::now_utc();
            let skew = local - server;
            let secs = skew.whole_seconds();
            let abs = Duration::from_secs(secs.unsigned_abs());
            let side = if secs > 0 { "ahead of" } else { "behind" };
            let mut s = if abs <= SKEW_WARN {
                step(
                    "Clock",
                    CheckStatus::Pass,
                    format!(
                        "This machine's clock agrees with the tenant's (within {} s).",
                        abs.as_secs().max(1)
                    ),
                )
            } else {
                step(
                    "Clock",
                    CheckStatus::Warn,
                    format!(
                        "This machine's clock is {} s {side} the tenant's: token expiry shown \
                            here will be off by as much. Set the clock automatically.",
                        abs.as_secs()
                    ),
                )
            };
            s.details
                .push(("tenant time".into(), date.clone().unwrap_or_default()));
            s
        }
    };
    steps.push(clock);

    CheckReport {
        tenant: tenant.to_string(),
        steps,
    }
}
