//! The man pages and shell completions the packages ship, generated from the very clap definition
//! `sso-diag --help` prints, so they cannot describe another command line. An example rather than
//! a subcommand: the generators stay out of the shipped binary, and `src/` is not touched.
//!
//!   cargo run --locked --example cli_docs -- OUT_DIR
//!
//! Writes `OUT_DIR/man/sso-diag.1` and a page per subcommand (`sso-diag-exchange.1`,
//! `sso-diag-profile-new.1` …), and `OUT_DIR/completions/`: `sso-diag.bash`, `_sso-diag` (zsh),
//! `sso-diag.fish`, `_sso-diag.ps1` (PowerShell). `dist/build.sh` runs it and packs the results.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use clap::Command;
use clap_complete::Shell;
use clap_mangen::Man;
use sso_diag::cli::help;
use sso_diag::i18n::Lang;

const BIN: &str = "sso-diag";

fn main() -> Result<(), Box<dyn Error>> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        return Err("usage: cli_docs OUT_DIR".into());
    };
    // Packages speak English; --help follows the user's language at run time.
    let cmd = help::command(Lang::En);

    let man_dir = out.join("man");
    fs::create_dir_all(&man_dir)?;
    // clap's `help` subcommand would get a page that only says "print help".
    let mut man_cmd = cmd.clone().disable_help_subcommand(true);
    man_cmd.build();
    write_man_pages(&man_cmd, &man_dir)?;

    let completions = out.join("completions");
    fs::create_dir_all(&completions)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let path = clap_complete::generate_to(shell, &mut cmd.clone(), BIN, &completions)?;
        if shell == Shell::Bash {
            fix_bash_subcommand_states(&path)?;
        }
        println!("{}", path.display());
    }
    Ok(())
}

/// clap_complete 4.6.12 spells a subcommand's state two ways when the program's name has a hyphen
/// (clap-rs/clap#6421): the loop reading the words reaches `sso__diag__subcmd__exchange`, the case
/// arms wait for `sso__subcmd__diag__subcmd__exchange`, so no option of any subcommand completes.
/// The arms are given the loop's spelling; once clap_complete does so itself, this changes nothing.
fn fix_bash_subcommand_states(path: &Path) -> Result<(), Box<dyn Error>> {
    let script = fs::read_to_string(path)?;
    fs::write(path, script.replace("sso__subcmd__diag", "sso__diag"))?;
    Ok(())
}

/// One page per command, subcommands included, as `git` does (`man sso-diag-exchange`).
fn write_man_pages(cmd: &Command, dir: &Path) -> Result<(), Box<dyn Error>> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man_pages(sub, dir)?;
    }
    // The footer names the release, not the commit `--version` adds: the page is the same for
    // every build of one version.
    let page = Man::new(cmd.clone())
        .source(format!("{BIN} {}", env!("CARGO_PKG_VERSION")))
        .manual("sso-diag manual");
    let path = page.generate_to(dir)?;
    println!("{}", path.display());
    Ok(())
}
