//! Measures the in-process cost of an exchange: `Call::send` through the real client against the
//! mock tenant on loopback, next to the bare network round trip of the same request bytes over a
//! plain TCP socket. Prints the medians; dist/bench.sh runs it (`cargo run --release --example
//! exchange_latency`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use sso_diag::ciam::{ClientOptions, DeviceFields, ExchangeRequest, TenantClient, TenantUrl};
use sso_diag::mock::{MockConfig, MockTenant, demo};
use sso_diag::step::Call;

const RUNS: usize = 200;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fp = "0123456789abcdef0123456789abcdef";
    let tenant = MockTenant::start(MockConfig {
        demo_fingerprint: fp.into(),
        ..MockConfig::default()
    })?;
    let request = ExchangeRequest {
        access_token: SecretString::from(demo::ACCESS_TOKEN.to_owned()),
        session_token: SecretString::from(demo::SESSION_TOKEN.to_owned()),
        tenant_id: None,
        client_id: None,
        device: DeviceFields {
            os_version: "debian12".into(),
            device_ip: "127.0.0.1".into(),
            fingerprint: fp.into(),
            agent: Some("bench".into()),
        },
    };
    let call = Call::exchange(&request);
    let client = TenantClient::new(TenantUrl::parse(&tenant.url())?, ClientOptions::default())?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    // Warm up: the connection pool and the mock.
    for _ in 0..20 {
        rt.block_on(call.send(&client)).result?;
    }
    let mut in_process = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        rt.block_on(call.send(&client)).result?;
        in_process.push(t.elapsed());
    }

    // The same request as raw bytes on a kept-alive socket: the network round trip alone.
    let body = format!(
        r#"{{"session_token":"{}","operating_sys_version":"debian12","device_ip":"127.0.0.1","device_fingerprint":"{fp}","agent":"bench"}}"#,
        demo::SESSION_TOKEN
    );
    let raw = format!(
        "POST /api/v2/tenant/sso/session-token/sso-ticket HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json;charset=utf8\r\nauthorization: Bearer {}\r\ncontent-length: {}\r\n\r\n{body}",
        tenant.addr(),
        demo::ACCESS_TOKEN,
        body.len()
    );
    let mut socket = TcpStream::connect(tenant.addr())?;
    socket.set_nodelay(true)?;
    let mut buf = vec![0u8; 4096];
    let mut round_trip = Vec::with_capacity(RUNS);
    for i in 0..RUNS + 20 {
        let t = Instant::now();
        socket.write_all(raw.as_bytes())?;
        let mut got = 0;
        // The answer is small: read until its JSON body has closed.
        loop {
            let n = socket.read(&mut buf[got..])?;
            got += n;
            if n == 0 || buf[..got].ends_with(b"}") {
                break;
            }
        }
        if i >= 20 {
            round_trip.push(t.elapsed());
        }
    }
    let a = median(in_process);
    let b = median(round_trip);
    println!(
        "in-process exchange   median {:.3} ms over {RUNS}",
        a.as_secs_f64() * 1000.0
    );
    println!(
        "raw loopback round trip median {:.3} ms over {RUNS}",
        b.as_secs_f64() * 1000.0
    );
    println!(
        "overhead                {:.3} ms",
        (a.as_secs_f64() - b.as_secs_f64()) * 1000.0
    );
    Ok(())
}
