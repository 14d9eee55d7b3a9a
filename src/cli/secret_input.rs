//! Where the command line gets its secrets: an environment variable, a file, or standard input.

use std::io::Read;
use std::path::Path;

use secrecy::SecretString;

use crate::ciam::CiamError;
use crate::ciam::input::normalize_token;

/// A secret from `file` (`-` = standard input) if given, else from the environment variable `env`.
pub fn read_secret(
    field: &str,
    env: &str,
    file: Option<&Path>,
    flag: &str,
) -> Result<SecretString, CiamError> {
    let raw = match file {
        Some(path) if path == Path::new("-") => {
            let mut text = String::new();
            std::io::stdin()
                .take(crate::ciam::input::MAX_TOKEN_LEN as u64 * 4)
                .read_to_string(&mut text)
                .map_err(|e| {
                    CiamError::invalid_input(field, format!("could not read standard input: {e}"))
                })?;
            text
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            CiamError::invalid_input(field, format!("could not read {}: {e}", path.display()))
        })?,
        None => match std::env::var(env) {
            Ok(v) => v,
            Err(std::env::VarError::NotPresent) => {
                return Err(CiamError::invalid_input(
                    field,
                    format!("not given; set ${env} or use {flag} PATH"),
                ));
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(CiamError::invalid_input(
                    field,
                    format!("${env} is not valid UTF-8"),
                ));
            }
        },
    };
    normalize_token(field, &raw)
}
