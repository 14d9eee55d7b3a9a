//! Where the command line gets its secrets: an environment variable, a file, or standard input.

use crate::i18n::Message;
use crate::msg;
use std::path::Path;

use secrecy::SecretString;

use crate::ciam::CiamError;
use crate::ciam::input::normalize_token;
use crate::env_vars::PASSWORD as PASSWORD_ENV;
use crate::files::{NamedFile, ReadProblem};

/// A secret from `file` (`-` = standard input) if given, else from the environment variable `env`.
pub fn read_secret(
    field: &str,
    env: &str,
    file: Option<&Path>,
    flag: &str,
) -> Result<SecretString, CiamError> {
    let raw = match file {
        Some(path) => read_raw(field, path)?,
        None => match std::env::var(env) {
            Ok(v) => v,
            Err(std::env::VarError::NotPresent) => {
                return Err(CiamError::invalid_input(
                    field,
                    msg!("input-secret-not-given", env = env, flag = flag),
                ));
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(CiamError::invalid_input(
                    field,
                    msg!("input-not-utf8", env = env),
                ));
            }
        },
    };
    normalize_token(field, &raw)
}

/// The text of `path` (`-` = standard input), capped well above any real secret. A named file
/// must be a regular one: a FIFO or a device is refused at once (standard input may be a pipe).
pub fn read_raw(field: &str, path: &Path) -> Result<String, CiamError> {
    let cap = NamedFile::Secret.cap();
    let stdin = path == Path::new("-");
    let source = if stdin {
        msg!("input-standard-input")
    } else {
        Message::verbatim(path.display().to_string())
    };
    let bytes = if stdin {
        crate::files::read_capped(std::io::stdin(), cap)
    } else {
        crate::files::read_named(path, NamedFile::Secret)
    };
    let bytes = bytes.map_err(|problem| match problem {
        ReadProblem::TooBig(_) => CiamError::invalid_input(
            field,
            msg!("input-too-big", source = source.clone(), kib = cap / 1024),
        ),
        other => CiamError::invalid_input(
            field,
            msg!(
                "input-unreadable",
                source = source.clone(),
                error = other.message()
            ),
        ),
    })?;
    String::from_utf8(bytes).map_err(|_| {
        CiamError::invalid_input(
            field,
            msg!(
                "input-unreadable",
                source = source,
                error = msg!("input-not-text")
            ),
        )
    })
}

/// Whether a secret was given at all (a file flag, or the environment variable is set).
pub fn secret_given(env: &str, file: Option<&Path>) -> bool {
    file.is_some() || std::env::var_os(env).is_some()
}

/// The password from a file, `$SSO_DIAG_PASSWORD`, or standard input.
pub fn read_password(file: Option<&Path>) -> Result<SecretString, CiamError> {
    let file = match file {
        Some(f) => Some(f),
        None if std::env::var_os(PASSWORD_ENV).is_some() => None,
        None => Some(Path::new("-")),
    };
    // A password may contain spaces; only the line break a file or a pipe adds is removed.
    let raw = match file {
        Some(path) => read_raw("password", path)?,
        None => std::env::var(PASSWORD_ENV).map_err(|_| {
            CiamError::invalid_input("password", msg!("input-not-utf8", env = PASSWORD_ENV))
        })?,
    };
    let password = raw.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        return Err(CiamError::invalid_input("password", msg!("input-empty")));
    }
    Ok(SecretString::from(password.to_owned()))
}
