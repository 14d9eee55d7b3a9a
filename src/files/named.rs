//! Files a user names (a profile to import, a case to open, a CA file, a secret file) and
//! sso-diag's own files, read as hostile input: only a regular file is read — a FIFO, a device or
//! a socket is refused at once, before a read could block or never end — and each kind has a size
//! cap, enforced while reading (a file's stated length means nothing for `/dev/zero`, and a file
//! can grow while it is read).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::i18n::Message;
use crate::msg;

/// What a named file is for, and so how much of it is read at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedFile {
    /// `profiles.json` and `settings.json`: sso-diag's own, far under this.
    Store,
    /// One exported profile (`profile import`): a few hundred bytes.
    ProfileExport,
    /// A case file (`--open-case`): a watch's kept probes included.
    Case,
    /// A PEM file of extra CA certificates: a whole system bundle is ~200 KiB.
    CaFile,
    /// A file holding one token, secret or password (`--*-file`).
    Secret,
}

impl NamedFile {
    pub const fn cap(self) -> u64 {
        match self {
            NamedFile::Store | NamedFile::Case => 4 * 1024 * 1024,
            NamedFile::ProfileExport => 256 * 1024,
            NamedFile::CaFile => 1024 * 1024,
            NamedFile::Secret => 64 * 1024,
        }
    }
}

/// Why a named file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// A FIFO, a device, a socket, a directory: what it is, in words.
    NotRegular(Message),
    /// More than the kind's cap (in bytes) — as far as it was read.
    TooBig(u64),
    Io(io::Error),
}

impl ReadProblem {
    /// The problem in words, without the file's name (the caller says which file).
    pub fn message(&self) -> Message {
        match self {
            ReadProblem::NotRegular(what) => msg!("file-not-regular", what = what.clone()),
            ReadProblem::TooBig(cap) => msg!("file-too-big", max = cap / 1024),
            ReadProblem::Io(e) => msg!("file-unreadable", error = e.to_string()),
        }
    }
}

/// The file at `path`, opened for reading without waiting on it: a FIFO with no writer would
/// block `open` itself, so it is opened non-blocking and refused by what `fstat` says.
fn open_regular(path: &Path) -> Result<File, ReadProblem> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadProblem::Io)?;
    let kind = file.metadata().map_err(ReadProblem::Io)?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    let what = if kind.is_dir() {
        msg!("file-kind-directory")
    } else {
        not_regular_kind(&kind)
    };
    Err(ReadProblem::NotRegular(what))
}

#[cfg(unix)]
fn not_regular_kind(kind: &std::fs::FileType) -> Message {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        msg!("file-kind-fifo")
    } else if kind.is_socket() {
        msg!("file-kind-socket")
    } else if kind.is_char_device() || kind.is_block_device() {
        msg!("file-kind-device")
    } else {
        msg!("file-kind-other")
    }
}

#[cfg(not(unix))]
fn not_regular_kind(_: &std::fs::FileType) -> Message {
    msg!("file-kind-other")
}

/// The bytes of the regular file at `path`, at most `kind`'s cap of them.
pub fn read_named(path: &Path, kind: NamedFile) -> Result<Vec<u8>, ReadProblem> {
    read_capped(open_regular(path)?, kind.cap())
}

/// At most `cap` bytes of `reader`; one byte more tells a file over the cap from one that fits.
pub fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, ReadProblem> {
    let mut bytes = Vec::new();
    reader
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadProblem::TooBig(cap));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_its_cap() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("secret.txt");
        std::fs::write(&path, vec![b'x'; 64 * 1024]).expect("write");
        assert_eq!(
            read_named(&path, NamedFile::Secret).expect("fits").len(),
            64 * 1024
        );
        std::fs::write(&path, vec![b'x'; 64 * 1024 + 1]).expect("write");
        assert!(matches!(
            read_named(&path, NamedFile::Secret),
            Err(ReadProblem::TooBig(cap)) if cap == 64 * 1024
        ));
        assert!(matches!(
            read_named(dir.path(), NamedFile::Secret),
            Err(ReadProblem::NotRegular(_))
        ));
        assert!(matches!(
            read_named(&dir.path().join("none"), NamedFile::Secret),
            Err(ReadProblem::Io(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("c string");
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        for path in [fifo, link, "/dev/zero".into()] {
            let problem = read_named(&path, NamedFile::Store).expect_err("refused");
            assert!(matches!(problem, ReadProblem::NotRegular(_)), "{problem:?}");
        }
    }
}
