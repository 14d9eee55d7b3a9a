//! "Is it the network?": DNS, TCP, TLS, an HTTP round trip and the clock, one step at a time, each
//! with a sentence a non-developer understands. A failed step skips the ones after it (they are
//! shown as skipped, never faked). Sends no token anywhere.

pub mod tls;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::Serialize;
use time::OffsetDateTime;

use crate::ciam::TenantUrl;
use crate::i18n::{Lang, Message};
use crate::{msg, tr};

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
    pub sentence: Message,
    /// Evidence: label and value.
    pub details: Vec<(Message, Message)>,
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

fn step(name: &'static str, status: CheckStatus, sentence: Message) -> CheckStep {
    CheckStep {
        name,
        status,
        sentence,
        details: Vec::new(),
        elapsed_ms: None,
    }
}

fn skipped(name: &'static str, because: Message) -> CheckStep {
    step(
        name,
        CheckStatus::Skipped,
        msg!("check-skipped", because = because),
    )
}

/// Evidence as it came (an OS error, a certificate's subject), under a translated label.
fn detail(label: Message, value: impl Into<String>) -> (Message, Message) {
    (label, Message::verbatim(value))
}

/// A step's name as the reader sees it: the protocols keep their names.
pub fn step_name(name: &str, lang: Lang) -> String {
    match name {
        "Clock" => tr!(lang, "check-clock"),
        other => other.to_owned(),
    }
}

pub async fn run_check(tenant: &TenantUrl, extra_ca_pem: Option<&[u8]>) -> CheckReport {
    let mut steps = Vec::new();
    let host = tenant.host();
    let port = tenant.port();
    let names = ["DNS", "TCP", "TLS", "HTTP", "Clock"];
    let finish = |mut steps: Vec<CheckStep>, from: usize, because: Message| {
        for name in &names[from..] {
            steps.push(skipped(name, because.clone()));
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
                msg!("check-dns-fail", host = host.as_str()),
            );
            s.details.push(detail(msg!("check-error"), e.to_string()));
            steps.push(s);
            return finish(steps, 1, msg!("check-because-dns"));
        }
        Err(_) => {
            steps.push(step(
                "DNS",
                CheckStatus::Fail,
                msg!(
                    "check-dns-slow",
                    host = host.as_str(),
                    seconds = STEP_TIMEOUT.as_secs()
                ),
            ));
            return finish(steps, 1, msg!("check-because-dns"));
        }
    };
    let mut dns = step(
        "DNS",
        CheckStatus::Pass,
        if host.parse::<std::net::IpAddr>().is_ok() {
            msg!("check-dns-address", host = host.as_str())
        } else {
            let ips: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
            msg!(
                "check-dns-pass",
                host = host.as_str(),
                addresses = ips.join(", ")
            )
        },
    );
    dns.elapsed_ms = ms(started.elapsed());
    steps.push(dns);

    // 2. TCP
    let started = Instant::now();
    let mut last_error = String::new();
    let mut timed_out = None;
    let mut stream = None;
    for addr in &addrs {
        match tokio::time::timeout(STEP_TIMEOUT, tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(s)) => {
                stream = Some((s, *addr));
                break;
            }
            Ok(Err(e)) => last_error = format!("{addr}: {e}"),
            Err(_) => timed_out = Some(*addr),
        }
    }
    let Some((stream, addr)) = stream else {
        let sentence = if last_error.contains("refused") {
            msg!("check-tcp-refused", host = host.as_str(), port = port)
        } else {
            msg!("check-tcp-fail", host = host.as_str(), port = port)
        };
        let mut s = step("TCP", CheckStatus::Fail, sentence);
        let error = match timed_out {
            Some(addr) if last_error.is_empty() => {
                msg!(
                    "check-no-answer",
                    address = addr.to_string(),
                    seconds = STEP_TIMEOUT.as_secs()
                )
            }
            _ => Message::verbatim(last_error),
        };
        s.details.push((msg!("check-error"), error));
        s.elapsed_ms = ms(started.elapsed());
        steps.push(s);
        return finish(steps, 2, msg!("check-because-tcp"));
    };
    let mut tcp = step(
        "TCP",
        CheckStatus::Pass,
        msg!("check-tcp-pass", address = addr.to_string()),
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
                        msg!("check-tls-pass", protocol = facts.protocol.as_str()),
                    ),
                    Err(why) => step(
                        "TLS",
                        CheckStatus::Fail,
                        msg!("check-tls-untrusted", why = why.as_str()),
                    ),
                };
                s.details
                    .push(detail(msg!("check-protocol"), facts.protocol.clone()));
                s.details
                    .push(detail(msg!("check-subject"), facts.subject.clone()));
                s.details
                    .push(detail(msg!("check-issuer"), facts.issuer.clone()));
                if let Some(t) = facts.not_after {
                    s.details
                        .push(detail(msg!("check-expires"), t.date().to_string()));
                }
                s.details.push((
                    msg!("check-trusted"),
                    match &facts.trusted {
                        Ok(()) => msg!("check-yes"),
                        Err(why) => msg!("check-no-because", why = why.as_str()),
                    },
                ));
                s.elapsed_ms = ms(started.elapsed());
                let failed = s.status == CheckStatus::Fail;
                steps.push(s);
                if failed {
                    return finish(steps, 3, msg!("check-because-untrusted"));
                }
            }
            Ok(Err(e)) => {
                let mut s = step("TLS", CheckStatus::Fail, msg!("check-tls-fail"));
                s.details.push(detail(msg!("check-error"), e));
                s.elapsed_ms = ms(started.elapsed());
                steps.push(s);
                return finish(steps, 3, msg!("check-because-tls"));
            }
            Err(_) => {
                steps.push(step(
                    "TLS",
                    CheckStatus::Fail,
                    msg!("check-tls-slow", seconds = STEP_TIMEOUT.as_secs()),
                ));
                return finish(steps, 3, msg!("check-because-tls"));
            }
        }
    } else {
        drop(stream);
        steps.push(skipped("TLS", msg!("check-because-plain-http")));
    }

    // 4. HTTP
    let started = Instant::now();
    crate::ciam::tls::ensure_provider();
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
            let mut s = step("HTTP", CheckStatus::Fail, msg!("check-http-fail"));
            s.details.push(detail(msg!("check-error"), e));
            s.elapsed_ms = ms(started.elapsed());
            steps.push(s);
            return finish(steps, 4, msg!("check-because-http"));
        }
    };
    let status = response.status();
    let mut http = step(
        "HTTP",
        CheckStatus::Pass,
        msg!("check-http-pass", status = status.as_u16()),
    );
    http.elapsed_ms = ms(started.elapsed());
    if let Some(server) = response
        .headers()
        .get("server")
        .and_then(|v| v.to_str().ok())
    {
        http.details.push(detail(msg!("check-server"), server));
    }
    let date = response
        .headers()
        .get("date")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    steps.push(http);

    // 5. Clock
    let clock = match date.as_deref().map(|d| (d, httpdate::parse_http_date(d))) {
        None => skipped("Clock", msg!("check-because-no-date")),
        Some((d, Err(_))) => {
            let shown: String = d.chars().take(60).collect();
            skipped(
                "Clock",
                msg!("check-because-bad-date", date = format!("{shown:?}")),
            )
        }
        Some((_, Ok(server_time))) => {
            let server = OffsetDateTime::from(server_time);
            let local = OffsetDateTime::now_utc();
            let skew = local - server;
            let secs = skew.whole_seconds();
            let abs = Duration::from_secs(secs.unsigned_abs());

            let mut s = if abs <= SKEW_WARN {
                step(
                    "Clock",
                    CheckStatus::Pass,
                    msg!("check-clock-pass", seconds = abs.as_secs().max(1)),
                )
            } else {
                step(
                    "Clock",
                    CheckStatus::Warn,
                    if secs > 0 {
                        msg!("check-clock-ahead", seconds = abs.as_secs())
                    } else {
                        msg!("check-clock-behind", seconds = abs.as_secs())
                    },
                )
            };
            s.details.push(detail(
                msg!("check-tenant-time"),
                date.clone().unwrap_or_default(),
            ));
            s
        }
    };
    steps.push(clock);

    CheckReport {
        tenant: tenant.to_string(),
        steps,
    }
}
