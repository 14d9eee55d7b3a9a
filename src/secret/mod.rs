//! Secrets and their redaction.
//!
//! Tokens, client secrets and passwords travel as [`SecretString`] (its `Debug` prints nothing), so
//! every place that needs the real value has to call `expose_secret()` where a reviewer can see it.
//! Tenants echo tokens back in error messages, so any text that came from the network goes through a
//! [`Redactor`] before it is shown, logged or printed.

use std::sync::{LazyLock, RwLock, RwLockReadGuard};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use secrecy::{ExposeSecret, SecretString};

mod anchors;
mod entities;
mod escapes;
mod registry;
mod views;

use registry::Registry;
use views::Views;

/// Every secret this process has handled, for redacting every sink whatever step it came from.
/// None is ever dropped: a tenant that sends many cannot push the real ones out.
static SEEN: LazyLock<RwLock<Registry>> = LazyLock::new(|| RwLock::new(Registry::new()));

/// Secrets shorter than this are not searched for in sso-diag's own text: a 2-character value
/// would redact every occurrence of those letters. Tokens that short are refused as input
/// ([`crate::ciam::input::MIN_TOKEN_LEN`]); a short password is still searched for in what the
/// tenant sends ([`redact_tenant_text`]).
const MIN_REDACTABLE_LEN: usize = 4;

/// How many new secrets one answer may add: far more credentials than any documented answer
/// carries (at most four), few enough that hostile answers make the registry (never pruned)
/// grow only slowly.
pub const MAX_SECRETS_PER_ANSWER: usize = 64;

/// The bytes searched for: the value (and, with spaces, the value as form-encoding writes it).
/// Escapes and encodings are undone in the text instead (`views.rs`), except for a secret too
/// short to look for in decoded bytes: its base64 and hex forms are searched for as text.
fn forms(value: &str) -> Vec<(Vec<u8>, bool)> {
    let tiny = value.chars().count() < MIN_REDACTABLE_LEN;
    let mut forms = vec![(value.as_bytes().to_vec(), tiny)];
    if value.contains(' ') {
        forms.push((value.replace(' ', "+").into_bytes(), tiny));
    }
    if tiny {
        for engine in [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD] {
            forms.push((engine.encode(value).into_bytes(), true));
        }
        let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
        forms.push((hex.to_ascii_uppercase().into_bytes(), true));
        forms.push((hex.into_bytes(), true));
    }
    forms.sort();
    forms.dedup();
    forms
}

fn write_seen() -> std::sync::RwLockWriteGuard<'static, Registry> {
    // A poisoned lock still holds the secrets.
    SEEN.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One build at a time; a redaction that finds secrets pending waits for it.
static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// This thread is building the automaton: whatever it would print then (a library's log
    /// line) cannot wait for the build it is part of, so it is withheld instead.
    static BUILDING_HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks this thread as building until dropped, a panic included.
struct BuildingHere;

impl BuildingHere {
    fn start() -> Self {
        BUILDING_HERE.with(|b| b.set(true));
        Self
    }
}

impl Drop for BuildingHere {
    fn drop(&mut self) {
        BUILDING_HERE.with(|b| b.set(false));
    }
}

/// The registry with every secret registered so far in its automaton. The automaton is built
/// from a copy, holding no lock on the registry: redactions with nothing new to search for go on.
fn read_seen() -> RwLockReadGuard<'static, Registry> {
    loop {
        let seen = SEEN
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !seen.needs_build() {
            return seen;
        }
        drop(seen);
        let one_builder = BUILDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let job = {
            let seen = SEEN
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // Another thread built it while this one waited.
            if !seen.needs_build() {
                continue;
            }
            seen.build_job()
        };
        let built = {
            let _here = BuildingHere::start();
            job.build()
        };
        let failure = built.failure();
        write_seen().install(built);
        drop(one_builder);
        if let Some(error) = failure {
            tracing::error!("the redaction automaton could not be built: {error}");
        }
    }
}

/// Remembers `value` process-wide under `name`, so every later sink redacts it in every form.
pub fn register(name: &'static str, value: &SecretString) {
    let value = value.expose_secret();
    if !value.is_empty() {
        write_seen().add(name, value, &forms(value));
    }
}

/// Remembers the credentials one answer carried: the first [`MAX_SECRETS_PER_ANSWER`] of them
/// (in the order given: put the documented fields first). Returns how many were new.
pub fn register_answer_secrets<'a>(
    found: impl IntoIterator<Item = (&'static str, &'a str)>,
) -> usize {
    let mut seen = write_seen();
    found
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .take(MAX_SECRETS_PER_ANSWER)
        .filter(|(name, value)| seen.add(name, value, &forms(value)))
        .count()
}

/// How many secrets the process has registered.
pub fn registered() -> usize {
    read_seen().len()
}

fn redact_with(text: &str, min_chars: usize) -> String {
    if BUILDING_HERE.with(std::cell::Cell::get) {
        return "[redacted: written while the redactor was being built]".to_owned();
    }
    let seen = read_seen();
    if seen.is_empty() || text.is_empty() {
        return text.to_owned();
    }
    if seen.is_broken() {
        return "[redacted: too many secrets to search this text]".to_owned();
    }
    let bytes = text.as_bytes();
    let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut found = Vec::new();
    seen.find(bytes, false, min_chars, &mut found);
    spans.extend(found.drain(..).map(|f| (f.start, f.end, f.name)));
    let plan = seen.plan();
    let views = Views::of(bytes, plan);
    for (i, view) in views.views.iter().enumerate() {
        for (from, to) in view.windows(plan.longest) {
            seen.find(&view.bytes[from..to], view.binary, min_chars, &mut found);
            for f in found.drain(..) {
                let (start, end) = views.to_text(i, from + f.start, from + f.end);
                spans.push((start, end, f.name));
            }
        }
    }
    drop(seen);
    replace_spans(text, spans)
}

/// `text` with each span (merged where they overlap) replaced by `[redacted NAME]`, the name of
/// the longest secret in it.
fn replace_spans(text: &str, mut spans: Vec<(usize, usize, &'static str)>) -> String {
    if spans.is_empty() {
        return text.to_owned();
    }
    spans.sort_by_key(|(start, end, _)| (*start, std::cmp::Reverse(*end)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut i = 0;
    while i < spans.len() {
        let (mut start, mut end, mut name) = spans[i];
        let mut longest = end - start;
        i += 1;
        while i < spans.len() && spans[i].0 < end {
            let (s, e, n) = spans[i];
            if e - s > longest {
                (longest, name) = (e - s, n);
            }
            end = end.max(e);
            i += 1;
        }
        // A span always covers whole characters; this only guards the slicing below.
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let start = start.max(at);
        out.push_str(&text[at..start]);
        out.push_str("[redacted ");
        out.push_str(name);
        out.push(']');
        at = end.min(text.len()).max(start);
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with every secret this process has seen replaced, in every form it can travel in.
pub fn redact(text: &str) -> String {
    redact_with(text, MIN_REDACTABLE_LEN)
}

/// As [`redact`], for text that came from the tenant: there even a 3-character password is
/// searched for, since an echo of it is the tenant's doing and the loss of legibility is worth it.
pub fn redact_tenant_text(text: &str) -> String {
    redact_with(text, 1)
}

/// The same as [`redact`]: the name the log writer has always used.
pub fn global_redact(text: &str) -> String {
    redact(text)
}

/// The secrets of one run, to add to the process-wide set and to redact with.
#[derive(Default)]
pub struct Redactor {
    _private: (),
}

impl Redactor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a secret (see [`Redactor::add`]).
    pub fn with(mut self, name: &'static str, value: &SecretString) -> Self {
        self.add(name, value);
        self
    }

    /// Adds a secret; it is remembered process-wide, so no sink can carry it afterwards.
    pub fn add(&mut self, name: &'static str, value: &SecretString) {
        register(name, value);
    }

    /// The text with every secret the process has seen replaced (not only this run's: a later step
    /// can echo an earlier step's secret).
    pub fn redact(&self, text: &str) -> String {
        redact(text)
    }
}

/// How a secret is shown where its presence matters but its value must not appear:
/// `•••••••• (43 chars)`.
pub fn masked(value: &SecretString) -> String {
    format!("•••••••• ({} chars)", value.expose_secret().chars().count())
}

#[cfg(test)]
mod tests;
