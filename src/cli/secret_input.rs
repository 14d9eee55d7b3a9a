//! Where the command line gets its secrets: an environment variable, a file, or standard input.

use crate::i18n::Message;
use crate::msg;
use std::io::Read;
use std::path::Path;

use secrecy::SecretString;

use crate::ciam::CiamError;
use crate::ciam::input::normalize_token;
use crate::env_vars::PASSWORD as PASSWORD_ENV;

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

/// The text of `path` (`-` = standard input), capped well above any real secret.
pub fn read_raw(field: &str, path: &Path) -> Result<String, CiamError> {
    let limit = crate::ciam::input::MAX_TOKEN_LEN as u64 * 4;
    let source = if path == Path::new("-") {
        msg!("input-standard-input")
    } else {
        Message::verbatim(path.display().to_string())
    };
    let mut text = String::new();
    // One byte past the limit tells a runaway input from one that just fits.
    let result = if path == Path::new("-") {
        std::io::stdin().take(limit + 1).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_string(&mut text))
    };
    result.map_err(|e| {
        let error = e.to_string();
        CiamError::invalid_input(
            field,
            msg!("input-unreadable", source = source.clone(), error = error),
        )
    })?;
    if text.len() as u64 > limit {
        return Err(CiamError::invalid_input(
            field,
            msg!("input-too-big", source = source, kib = limit / 1024),
        ));
    }
    Ok(text)
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
