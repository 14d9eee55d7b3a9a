//! The files sso-diag writes (a report, the log): private to the user (0600, directories 0700 on
//! Unix) and written atomically — a temporary file beside the target, renamed over it — so a crash
//! never leaves half a file, and a file that cannot be written is found before anything is sent.
//! Files a user names are read through [`read_named`] (regular files only, capped while read).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod named;

pub use named::{NamedFile, ReadProblem, read_capped, read_named};

/// New files and directories of this process are private to the user: eframe's settings file and
/// anything else a library creates included. Call first thing in `main`.
pub fn make_new_files_private() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Creates `dir` and its missing parents, private to the user (0700 on Unix). Only what is
/// created here gets that mode: an existing directory — or a symbolic link to one, whose target
/// is someone else's business — keeps its own.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Opens `path` to append to it, creating it private to the user (0600). A symbolic link is
/// refused rather than followed (`--log-file LINK` would otherwise write into, and make private,
/// whatever the link points at), and so is anything but a regular file, without waiting on it.
/// An existing file keeps its mode.
pub fn open_append_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NOT_THROUGH_A_LINK,
        ));
    }
    let file = options.open(path).map_err(|e| {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            io::Error::new(io::ErrorKind::InvalidInput, NOT_THROUGH_A_LINK)
        } else {
            e
        }
    })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    Ok(file)
}

const NOT_THROUGH_A_LINK: &str = "it is a symbolic link: sso-diag writes only to the file itself";

/// Creates `path` for writing, readable and writable by the user alone; fails if it exists.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// A file about to be written: its temporary twin exists from the start, so a path that cannot be
/// written is known before the work whose result it will hold (a one-time ticket is not spent on
/// a run that then cannot save its report).
pub struct PendingFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<File>,
}

impl PendingFile {
    pub fn create(target: &Path) -> io::Result<Self> {
        if target.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a directory; give a file name",
            ));
        }
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "it names no file"))?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        let temp = target.with_file_name(temp_name);
        let file = create_private(&temp)?;
        Ok(Self {
            target: target.to_owned(),
            temp,
            file: Some(file),
        })
    }

    pub fn path(&self) -> &Path {
        &self.target
    }

    /// Writes `contents` and puts the file in place in one step.
    pub fn commit(mut self, contents: &[u8]) -> io::Result<()> {
        let mut file = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("already written"))?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&self.temp, &self.target)
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // Not committed (or the rename failed): leave nothing behind.
        if self.temp.exists() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `contents` to `path` atomically, private to the user.
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    PendingFile::create(path)?.commit(contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_atomically_and_privately() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.md");
        let pending = PendingFile::create(&path).expect("create");
        assert!(!path.exists(), "nothing in place before the commit");
        pending.commit(b"hello").expect("commit");
        assert_eq!(std::fs::read(&path).expect("read"), b"hello");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            1,
            "no temp left"
        );
    }

    #[test]
    fn an_unwritable_place_is_known_at_once_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(PendingFile::create(dir.path()).is_err(), "a directory");
        assert!(PendingFile::create(&dir.path().join("no/such/dir/r.md")).is_err());
        let pending = PendingFile::create(&dir.path().join("r.md")).expect("create");
        drop(pending);
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }
}
