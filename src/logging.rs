//! Logging that cannot leak a secret. Every secret the process has seen is registered (by
//! [`crate::secret::Redactor::add`]), and every log line is redacted against all of them just
//! before it is written, whatever crate emitted it and at whatever level.
//!
//! The command line logs to standard error when `RUST_LOG` is set; the window logs to a file in
//! the platform's data directory (release builds on Windows have no console), rotated at start.
//! `--log-file` sends either to a file of the user's choice.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;

use crate::secret::global_redact;
use crate::text::escape_controls_keep_lines;

/// A log file is moved to `NAME.1` at start once it is bigger than this.
const ROTATE_AT: u64 = 1024 * 1024;

/// Where the window logs when no `--log-file` is given: the data directory
/// ([`crate::store::data_dir`]: `data/` beside a portable copy, else the platform's).
pub fn default_log_file() -> Option<PathBuf> {
    crate::store::data_dir().map(|d| d.join("sso-diag.log"))
}

/// Keeps one previous file: `sso-diag.log` → `sso-diag.log.1` when it has grown large. A link is
/// left alone (it is refused when opened).
fn rotate(path: &Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() > ROTATE_AT) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        let _ = std::fs::rename(path, PathBuf::from(old));
    }
}

/// Writes whole lines, redacted.
#[derive(Clone)]
enum Sink {
    Stderr,
    File(Arc<Mutex<File>>),
}

pub struct RedactingWriter {
    sink: Sink,
    buffer: Vec<u8>,
}

impl Write for RedactingWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        // One event is one line; anything in it that came from the network is shown escaped.
        let text = global_redact(&String::from_utf8_lossy(&self.buffer));
        let text = escape_controls_keep_lines(text.strip_suffix('\n').unwrap_or(&text)) + "\n";
        self.buffer.clear();
        match &self.sink {
            Sink::Stderr => io::stderr().lock().write_all(text.as_bytes()),
            Sink::File(file) => match file.lock() {
                Ok(mut f) => f.write_all(text.as_bytes()),
                Err(_) => Ok(()),
            },
        }
    }
}

impl Drop for RedactingWriter {
    fn drop(&mut self) {
        // tracing's fmt layer writes one event per writer; it is written out here.
        let _ = self.flush();
    }
}

struct MakeRedacting(Sink);

impl<'a> MakeWriter<'a> for MakeRedacting {
    type Writer = RedactingWriter;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            sink: self.0.clone(),
            buffer: Vec::new(),
        }
    }
}

/// What to log and where.
pub enum LogTarget {
    /// Standard error, only when `RUST_LOG` is set (the command line).
    StderrIfAsked,
    /// A file, at `RUST_LOG`'s level or `info` for this crate by default.
    File(PathBuf),
}

/// Installs the global logger. Returns the file logged to, if any. Safe to call once per process;
/// a second call does nothing.
pub fn init(target: LogTarget) -> Option<PathBuf> {
    init_with(target, None)
}

/// As [`init`], with `directives` (e.g. `"trace"`) taking the place of `RUST_LOG`.
pub fn init_with(target: LogTarget, directives: Option<&str>) -> Option<PathBuf> {
    let asked = directives.is_some() || std::env::var_os("RUST_LOG").is_some();
    // `Targets` reads RUST_LOG's usual `level` and `crate=level,…` forms without pulling in a
    // regex engine (EnvFilter's cost two MB of binary).
    let from_env = std::env::var("RUST_LOG").ok();
    let filter = directives
        .or(from_env.as_deref())
        .and_then(|d| d.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_target("sso_diag", tracing::Level::INFO));
    let (sink, path) = match target {
        LogTarget::StderrIfAsked if !asked => return None,
        LogTarget::StderrIfAsked => (Sink::Stderr, None),
        LogTarget::File(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = crate::files::create_private_dir(dir);
            }
            rotate(&path);
            // Created 0600 (directories 0700); never through a symbolic link: see files.rs.
            match crate::files::open_append_private(&path) {
                Ok(f) => (Sink::File(Arc::new(Mutex::new(f))), Some(path)),
                Err(e) => {
                    eprintln!("warning: cannot write the log file {}: {e}", path.display());
                    return None;
                }
            }
        }
    };
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_writer(MakeRedacting(sink))
        .finish()
        .with(filter);
    // Also routes crates that log through `log` (reqwest) into the same redacting writer.
    use tracing_subscriber::util::SubscriberInitExt;
    subscriber.try_init().ok()?;
    path
}
