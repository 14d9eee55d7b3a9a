//! What redaction costs as the secrets pile up: registers 10, then 10 000, then 100 000 secrets
//! (token-shaped, 40 to 800 characters, as a long watch's access tokens, tickets and id_tokens)
//! and times the redaction of 1 MiB of text at each count: CPU time of this thread, median of 9
//! (the machine may be busy with other work). Two texts, each echoing five of the secrets raw,
//! in base64 and base64url, the first one registered among them: an answer-like JSON, and a text
//! dense with escapes of every kind (every decoded view searched whole). `dist/bench.sh` runs it.
//!
//!   cargo run --release --example redaction

use std::time::Duration;

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

/// About 1 MiB of text echoing `echoes` in a few encodings: answer-like JSON, or (`dense`) a
/// text where every few words hold an escape of each kind — the worst case, every decoded view
/// searched whole.
fn text(echoes: &[String], dense: bool) -> String {
    let answer = [
        "{\"error_code\": \"IDAAS.SDK.PARAM.0023\", \"error_msg\": \"Invalid or expired ",
        "session token\", \"trace\": \"9f86d081884c7d659a2feaa0c55ad015\", \"at\": ",
        "\"2026-12-06T10:00:00Z\", \"user\": \"张伟\", \"path\": \"/api/v2/tenant/sso\"} ",
    ];
    let escaped = [
        "the quick brown fox jumps over the lazy dog ",
        "path=%2Fapi%2Fv2%2Ftenant%2Fsso&amp;x=1 ",
        "\\u0041\\u0042 \\/ ",
        "dGhlIHF1aWNrIGJyb3duIGZveA== ",
    ];
    let words: &[&str] = if dense { &escaped } else { &answer };
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < (1 << 20) {
        text.push_str(words[i % words.len()]);
        if i.is_multiple_of(2000) {
            let s = &echoes[(i / 2000) % echoes.len()];
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

/// This thread's CPU time: on a machine shared with other work, what the redaction itself costs.
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The median CPU time of 9 redactions of `text`, and whether every echo was redacted.
fn time_redaction(text: &str, echoes: &[String]) -> (Duration, bool) {
    let clean = echoes
        .iter()
        .all(|s| !redact_tenant_text(text).contains(s.as_str()));
    let times: Vec<Duration> = (0..9)
        .map(|_| {
            let started = cpu_time();
            std::hint::black_box(redact_tenant_text(std::hint::black_box(text)));
            cpu_time() - started
        })
        .collect();
    (median(times), clean)
}

/// This process's resident memory in MiB (Linux; 0 elsewhere).
fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut next = 0u64;
    println!(
        "| secrets registered | register (all so far) | first redaction | \
         redact 1 MiB answer | redact 1 MiB, dense escapes | RSS |"
    );
    println!("|---|---|---|---|---|---|");
    for target in [10u64, 10_000, 100_000] {
        let started = cpu_time();
        while next < target {
            register("token", &SecretString::from(secret(next)));
            next += 1;
        }
        let registering = cpu_time() - started;
        let echoes: Vec<String> = [0, target / 3, target / 2, target - 2, target - 1]
            .iter()
            .map(|i| secret(*i))
            .collect();
        let (answer, dense) = (text(&echoes, false), text(&echoes, true));
        let started = cpu_time();
        std::hint::black_box(redact_tenant_text(&answer));
        let building = cpu_time() - started;
        let (answer_time, answer_clean) = time_redaction(&answer, &echoes);
        let (dense_time, dense_clean) = time_redaction(&dense, &echoes);
        assert!(answer_clean && dense_clean, "an echo survived");
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {} | {:.0} ms | {:.0} ms | {:.1} ms | {:.1} ms | {:.0} MiB |",
            registered(),
            ms(registering),
            ms(building),
            ms(answer_time),
            ms(dense_time),
            rss_mib()
        );
    }
}
