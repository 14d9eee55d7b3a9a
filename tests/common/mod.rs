//! Helpers shared by the integration tests: the CLI as a process, and raw TCP servers that answer
//! one fixed way (for what the faithful mock never does).

#![allow(dead_code)]

pub mod ui;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use sso_diag::env_vars;
#[allow(unused_imports)]
pub use sso_diag::mock::demo;

pub fn sso_diag() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sso-diag"));
    cmd.env_remove(env_vars::ACCESS_TOKEN)
        .env_remove(env_vars::SESSION_TOKEN)
        .env_remove(env_vars::CLIENT_SECRET)
        .env_remove(env_vars::PASSWORD)
        .env_remove("HTTPS_PROXY")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        // English, whatever this machine's locale: the tests in Chinese say so.
        .env(env_vars::LANG, "en")
        // Never the user's profiles: the tests that keep some give their own directory.
        .env(
            env_vars::DATA_DIR,
            std::env::temp_dir().join(format!("sso-diag-test-data-{}", std::process::id())),
        )
        .stdin(Stdio::null());
    cmd
}

/// `sso-diag exchange --domain URL ARGS…` with the two tokens in the environment, to run.
pub fn exchange_command(domain: &str, access: &str, session: &str, args: &[&str]) -> Command {
    let mut cmd = sso_diag();
    cmd.arg("exchange")
        .args(["--domain", domain])
        .args(args)
        .env(env_vars::ACCESS_TOKEN, access)
        .env(env_vars::SESSION_TOKEN, session);
    cmd
}

/// `sso-diag exchange --domain URL ARGS…` with the two tokens in the environment, run.
pub fn exchange(domain: &str, access: &str, session: &str, args: &[&str]) -> Output {
    exchange_command(domain, access, session, args)
        .output()
        .expect("run sso-diag")
}

/// Runs `cmd` with `line` (and a line break) on its standard input, as a user piping a secret.
pub fn output_with_stdin(mut cmd: Command, line: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sso-diag");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{line}\n").as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

/// Every bearer token the mock was sent, and the values of `keys` in the JSON bodies it received:
/// the secrets a run used or obtained, read off the wire.
pub fn secrets_on_the_wire(tenant: &sso_diag::mock::MockTenant, keys: &[&str]) -> Vec<String> {
    let mut secrets = Vec::new();
    for r in tenant.requests() {
        if let Some(auth) = r.header("authorization") {
            secrets.push(auth.trim_start_matches("Bearer ").to_owned());
        }
        let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap_or_default();
        for key in keys {
            if let Some(v) = body[key].as_str() {
                secrets.push(v.to_owned());
            }
        }
    }
    secrets
}

/// A JWT access token that expired in November 2023 (issuer `https://tenant.example.com`, audience
/// `demo-app`); its signature is junk, as sso-diag never checks it.
pub fn expired_jwt() -> String {
    use base64::Engine;
    let b64 = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let claims = serde_json::json!({
        "iss": "https://tenant.example.com",
        "aud": "demo-app",
        "iat": 1_700_000_000,
        "exp": 1_700_001_800,
    });
    format!(
        "{}.{}.c2ln",
        b64(serde_json::json!({"alg": "RS256"})),
        b64(claims)
    )
}

/// A mock whose `--flaky rate` choices for the first `calls` SSO calls satisfy `wanted` (a seed
/// found by trying, since the choices are seeded), so a test sees exactly what it needs.
pub fn flaky_tenant(
    rate: f64,
    calls: usize,
    wanted: impl Fn(&[sso_diag::mock::Injected]) -> bool,
) -> sso_diag::mock::MockTenant {
    let seed = (1..10_000)
        .find(|s| wanted(&sso_diag::mock::flaky_choices(rate, *s, calls)))
        .expect("a seed that gives the wanted choices");
    sso_diag::mock::MockTenant::start(sso_diag::mock::MockConfig {
        flaky: rate,
        flaky_seed: seed,
        ..sso_diag::mock::MockConfig::default()
    })
    .expect("mock")
}

/// A loopback port nothing listens on (bound, then released), for "connection refused".
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            stdout(o),
            stderr(o)
        )
    })
}

/// A server on 127.0.0.1 that answers every connection with `response` (after `delay`) and
/// keeps what it received.
pub struct RawServer {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<u8>>>,
}

/// What a [`RawServer`] does with one connection once the request has arrived.
pub type Behaviour = Arc<dyn Fn(&[u8], &mut std::net::TcpStream) + Send + Sync>;

impl RawServer {
    /// Answers every request with `behaviour(request, stream)`.
    pub fn start_with(behaviour: Behaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let received = Arc::new(Mutex::new(Vec::new()));
        let sink = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let behaviour = behaviour.clone();
                let sink = sink.clone();
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_millis(300)));
                    let mut request = Vec::new();
                    let mut buf = [0u8; 8192];
                    while let Ok(n) = stream.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        request.extend_from_slice(&buf[..n]);
                        if request_complete(&request) {
                            break;
                        }
                    }
                    sink.lock().expect("lock").extend_from_slice(&request);
                    behaviour(&request, &mut stream);
                });
            }
        });
        Self { addr, received }
    }

    /// Answers every request with `response`, after `delay`.
    pub fn start(response: Vec<u8>, delay: Duration) -> Self {
        Self::start_with(Arc::new(move |_, stream| {
            std::thread::sleep(delay);
            let _ = stream.write_all(&response);
        }))
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn received_text(&self) -> String {
        String::from_utf8_lossy(&self.received.lock().expect("lock")).into_owned()
    }
}

fn request_complete(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let Some(end) = text.find("\r\n\r\n") else {
        return false;
    };
    let length = text[..end]
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    bytes.len() >= end + 4 + length
}

/// The bearer token and the session token a request carried, for servers that echo them back
/// the way some tenants do.
pub fn echoed_tokens(request: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(request);
    let auth = text
        .lines()
        .find_map(|l| l.strip_prefix("authorization: Bearer "))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let session = text
        .split("\"session_token\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_owned();
    (auth, session)
}

/// An HTTP/1.1 response with the given status line, extra headers and body.
pub fn http_response(status: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out.into_bytes()
}

/// A TLS server on 127.0.0.1 with a fresh self-signed certificate for `names` (issued by no
/// authority this machine trusts); it completes handshakes and answers `response` to any request.
pub struct TlsServer {
    pub addr: SocketAddr,
    pub cert_pem: String,
}

impl TlsServer {
    pub fn start(names: &[&str], response: Vec<u8>) -> Self {
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
        let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        let certified = rcgen::generate_simple_self_signed(names).expect("certificate");
        let cert_pem = certified.cert.pem();
        let cert = CertificateDer::from(certified.cert.der().to_vec());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            certified.signing_key.serialize_der(),
        ));
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .expect("server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("addr");
        std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                loop {
                    let Ok((tcp, _)) = listener.accept().await else {
                        return;
                    };
                    let acceptor = acceptor.clone();
                    let response = response.clone();
                    tokio::spawn(async move {
                        use tokio::io::{AsyncReadExt, AsyncWriteExt};
                        let Ok(mut tls) = acceptor.accept(tcp).await else {
                            return;
                        };
                        let mut buf = vec![0u8; 8192];
                        let _ = tls.read(&mut buf).await;
                        let _ = tls.write_all(&response).await;
                        let _ = tls.shutdown().await;
                    });
                }
            });
        });
        Self { addr, cert_pem }
    }
}

/// An HTTP CONNECT proxy on 127.0.0.1 that tunnels to wherever it is asked and keeps the
/// CONNECT lines it saw.
pub struct ConnectProxy {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    pub fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                loop {
                    let Ok((mut client, _)) = listener.accept().await else {
                        return;
                    };
                    let log = log.clone();
                    tokio::spawn(async move {
                        let mut head = Vec::new();
                        let mut byte = [0u8; 1];
                        while !head.ends_with(b"\r\n\r\n") {
                            match client.read(&mut byte).await {
                                Ok(1) => head.push(byte[0]),
                                _ => return,
                            }
                        }
                        let head = String::from_utf8_lossy(&head).into_owned();
                        let first = head.lines().next().unwrap_or_default().to_owned();
                        log.lock().expect("lock").push(head.clone());
                        let Some(target) = first
                            .strip_prefix("CONNECT ")
                            .and_then(|r| r.split_whitespace().next())
                        else {
                            let _ = client
                                .write_all(
                                    b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n",
                                )
                                .await;
                            return;
                        };
                        let Ok(mut upstream) = tokio::net::TcpStream::connect(target).await else {
                            let _ = client
                                .write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
                                .await;
                            return;
                        };
                        let _ = client
                            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                            .await;
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
                    });
                }
            });
        });
        Self { addr, seen }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("lock").clone()
    }
}

/// A named pipe at `path`: what a hostile or mistaken "file" can be (a read of it waits forever
/// for a writer).
pub fn mkfifo(path: &std::path::Path) {
    let name = std::ffi::CString::new(path.to_str().expect("utf-8")).expect("c string");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
}
