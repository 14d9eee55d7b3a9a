//! sso-diag's own files: JSON in an envelope that names what the file is and which version wrote
//! it — `{"format": "sso-diag profiles", "version": 1, "data": …}` — so a file from a newer
//! release, another program or a crash is recognised as such instead of half-read.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::files::{NamedFile, ReadProblem};
use crate::i18n::Message;
use crate::msg;

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    Unreadable(String),
    /// A FIFO, a device, a socket or a directory, in words: never read.
    NotRegular(Message),
    /// More bytes than the kind of file may hold (the cap, in bytes); reading stopped there.
    TooBig(u64),
    NotJson(String),
    /// Some other program's file (or another kind of sso-diag file).
    WrongFormat(String),
    /// Written by a newer sso-diag, whose fields this one does not know.
    NewerVersion(u64),
    /// JSON of the right kind whose contents are wrong (a missing or mistyped field).
    Invalid(String),
    /// Contents that read but are refused (an invalid profile, a name used twice).
    Refused(Message),
}

impl FileProblem {
    pub fn message(&self) -> Message {
        match self {
            FileProblem::Unreadable(error) => msg!("file-unreadable", error = error.as_str()),
            FileProblem::NotRegular(what) => msg!("file-not-regular", what = what.clone()),
            FileProblem::TooBig(cap) => msg!("file-too-big", max = cap / 1024),
            FileProblem::NotJson(error) => msg!("file-not-json", error = error.as_str()),
            FileProblem::WrongFormat(found) => msg!("file-wrong-format", found = found.as_str()),
            FileProblem::NewerVersion(version) => msg!("file-newer-version", version = *version),
            FileProblem::Invalid(error) => msg!("file-invalid", error = error.as_str()),
            FileProblem::Refused(problem) => problem.clone(),
        }
    }
}

/// The bytes of one of sso-diag's own files (or a case file), at most 4 MiB of them — far beyond
/// any real one: a regular file only, capped while reading (see [`crate::files::read_named`]).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, FileProblem> {
    read_kind(path, NamedFile::Store)
}

/// The bytes of a named file of `kind`, its problem as a [`FileProblem`].
pub fn read_kind(path: &Path, kind: NamedFile) -> Result<Vec<u8>, FileProblem> {
    crate::files::read_named(path, kind).map_err(|problem| match problem {
        ReadProblem::NotRegular(what) => FileProblem::NotRegular(what),
        ReadProblem::TooBig(cap) => FileProblem::TooBig(cap),
        ReadProblem::Io(e) => FileProblem::Unreadable(e.to_string()),
    })
}

/// The data of a `format` file of at most `version`, from its bytes.
pub fn parse<T: DeserializeOwned>(
    bytes: &[u8],
    format: &str,
    version: u64,
) -> Result<T, FileProblem> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| FileProblem::NotJson(e.to_string()))?;
    let found = value.get("format").and_then(Value::as_str).unwrap_or("");
    if found != format {
        return Err(FileProblem::WrongFormat(crate::text::escape_controls(
            &found.chars().take(60).collect::<String>(),
        )));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > version => return Err(FileProblem::NewerVersion(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(FileProblem::Refused(msg!("file-no-version"))),
    }
    let data = value.get("data").cloned().unwrap_or(Value::Null);
    serde_json::from_value(data).map_err(|e| FileProblem::Invalid(e.to_string()))
}

/// The file's data; `None` when there is no such file.
pub fn read<T: DeserializeOwned>(
    path: &Path,
    format: &str,
    version: u64,
) -> Result<Option<T>, FileProblem> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    parse(&read_bounded(path)?, format, version).map(Some)
}

/// The file's contents for `data`: pretty, so a person can read (and diff) it.
pub fn to_bytes<T: Serialize>(format: &str, version: u64, data: &T) -> Vec<u8> {
    let value = json!({"format": format, "version": version, "data": data});
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Writes the file atomically, private to the user, creating its directory.
pub fn write<T: Serialize>(
    path: &Path,
    format: &str,
    version: u64,
    data: &T,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        super::ensure_dir(dir)?;
    }
    crate::files::write_private(path, &to_bytes(format, version, data))
}

/// What the window found when it started.
#[derive(Debug)]
pub enum Loaded<T> {
    /// No file yet.
    Missing,
    Read(T),
    /// The file could not be used: it was moved aside to `backup` (so the next save cannot
    /// overwrite it); `Err` says why it could not be, and then nothing may be written over it.
    SetAside {
        problem: FileProblem,
        backup: Result<PathBuf, String>,
    },
}

/// Reads the file and `check`s what it holds; one that cannot be used (unreadable, or refused by
/// `check`) is renamed to `NAME.damaged-YYYYMMDD-HHMMSS` beside it.
pub fn load_or_set_aside<T: DeserializeOwned>(
    path: &Path,
    format: &str,
    version: u64,
    check: impl FnOnce(T) -> Result<T, FileProblem>,
) -> Loaded<T> {
    match read(path, format, version).and_then(|data| data.map(check).transpose()) {
        Ok(None) => Loaded::Missing,
        Ok(Some(data)) => Loaded::Read(data),
        Err(problem) => {
            let backup = set_aside(path);
            tracing::warn!(path = %path.display(), ?problem, ?backup, "unreadable file set aside");
            Loaded::SetAside { problem, backup }
        }
    }
}

/// Moves an unusable file aside (`NAME.damaged-YYYYMMDD-HHMMSS`), so nothing overwrites it.
fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]-[hour][minute][second]"
        ))
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut backup = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 1;
    while backup.exists() {
        n += 1;
        backup = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
    }
    std::fs::rename(path, &backup)
        .map(|()| backup)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Thing {
        name: String,
    }

    #[test]
    fn round_trip_and_every_kind_of_damage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join("thing.json");
        assert_eq!(read::<Thing>(&path, "t", 1), Ok(None));
        write(&path, "t", 1, &Thing { name: "a".into() }).expect("write");
        assert_eq!(
            read::<Thing>(&path, "t", 1),
            Ok(Some(Thing { name: "a".into() }))
        );
        type Expected = fn(&FileProblem) -> bool;
        let cases: [(&[u8], Expected); 5] = [
            (b"{\"format\": \"t\", \"vers", |p| {
                matches!(p, FileProblem::NotJson(_))
            }),
            (
                b"{\"format\": \"other\", \"version\": 1}",
                |p| matches!(p, FileProblem::WrongFormat(f) if f == "other"),
            ),
            (b"{\"format\": \"t\", \"version\": 7, \"data\": {}}", |p| {
                *p == FileProblem::NewerVersion(7)
            }),
            (
                b"{\"format\": \"t\", \"version\": 1, \"data\": {\"name\": 5}}",
                |p| matches!(p, FileProblem::Invalid(_)),
            ),
            (b"[1, 2]", |p| matches!(p, FileProblem::WrongFormat(_))),
        ];
        for (bytes, expected) in cases {
            std::fs::write(&path, bytes).expect("write bad");
            let problem = read::<Thing>(&path, "t", 1).expect_err("damaged");
            assert!(
                expected(&problem),
                "{problem:?} for {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_damaged_file_is_moved_aside_with_its_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("thing.json");
        std::fs::write(&path, b"{\"format\": \"t\", \"ver").expect("write");
        let Loaded::SetAside { backup, .. } = load_or_set_aside::<Thing>(&path, "t", 1, Ok) else {
            panic!("not set aside");
        };
        let backup = backup.expect("renamed");
        assert!(!path.exists());
        assert_eq!(
            std::fs::read(&backup).expect("backup"),
            b"{\"format\": \"t\", \"ver"
        );
        assert!(
            backup
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("thing.json.damaged-"))
        );
    }
}
