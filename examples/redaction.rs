//! What redaction costs as the secrets pile up: registers 10, then 10 000, then 100 000 secrets
//! (token-shaped, 40 to 800 characters, as a long watch's access tokens, tickets and id_tokens)
//! and times the redaction of a 1 MiB answer at each count (median of 9). The answer is JSON-ish
//! text with words, escapes, base64 and hex in it — every decoded view gets work — and echoes
//! five of the secrets, the first one registered among them. `dist/bench.sh` runs it.
//!
//!   cargo run --release --example redaction

use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use secrecy::SecretString;
use sso_diag::secret::{redact_tenant_text, register, registered};

/// A token-shaped secret: a JWT-sized one every tenth, a short one otherwise.
fn secret(i: u64) -> String {
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let len = if i.is_multiple_of(10) { 800 } else { 40 };
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            alphabet[(x % 64) as usize] as char
        })
        .collect()
}

/// About 1 MiB of answer-like text echoing `echoes` in a few encodings.
fn answer(echoes: &[String]) -> String {
    let words = [
        "\"error_code\": \"IDAAS.SDK.PARAM.0023\", ",
        "\"error_msg\": \"Invalid or expired session token\", ",
        "the quick brown fox jumps over the lazy dog ",
        "path=%2Fapi%2Fv2%2Ftenant%2Fsso&amp;x=1 ",
        "\\u0041\\u0042 \\/ ",
        "dGhlIHF1aWNrIGJyb3duIGZveA== ",
        "9f86d081884c7d659a2feaa0c55ad015 ",
        "张伟 用户 ",
    ];
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < (1 << 20) {
        text.push_str(words[i % words.len()]);
        if i.is_multiple_of(5000) {
            let s = &echoes[(i / 5000) % echoes.len()];
            text.push_str(&format!(
                "{s} {} {} ",
                URL_SAFE_NO_PAD.encode(s),
                STANDARD.encode(s)
            ));
        }
        i += 1;
    }
    text
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut next = 0u64;
    println!(
        "| secrets registered | register (all so far) | first redaction (builds) | redact 1 MiB |"
    );
    println!("|---|---|---|---|");
    for target in [10u64, 10_000, 100_000] {
        let started = Instant::now();
        while next < target {
            register("token", &SecretString::from(secret(next)));
            next += 1;
        }
        let registering = started.elapsed();
        let echoes: Vec<String> = [0, target / 3, target / 2, target - 2, target - 1]
            .iter()
            .map(|i| secret(*i))
            .collect();
        let text = answer(&echoes);
        let started = Instant::now();
        let first = redact_tenant_text(&text);
        let building = started.elapsed();
        assert!(
            echoes.iter().all(|s| !first.contains(s.as_str())),
            "an echo survived"
        );
        let times: Vec<Duration> = (0..9)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(redact_tenant_text(std::hint::black_box(&text)));
                started.elapsed()
            })
            .collect();
        println!(
            "| {} | {:.0} ms | {:.1} ms | {:.1} ms |",
            registered(),
            registering.as_secs_f64() * 1000.0,
            building.as_secs_f64() * 1000.0,
            median(times).as_secs_f64() * 1000.0
        );
    }
}
