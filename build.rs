//! Build-time facts: the commit the binary is built from (for `--version`), and on Windows the
//! icon and version information embedded in the .exe.

use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .ok()
        .is_some_and(|o| o.status.success() && !o.stdout.is_empty());
    let commit = if dirty {
        format!("{commit}+changes")
    } else {
        commit
    };
    println!("cargo:rustc-env=SSO_DIAG_COMMIT={commit}");
    // Where git keeps them: `.git/` in a clone, elsewhere in a worktree (where `.git` is a file, and
    // a missing `.git/HEAD` made every build rebuild the crate).
    let git_paths = Command::new("git")
        .args(["rev-parse", "--git-path", "HEAD", "--git-path", "index"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .unwrap_or_default();
    for path in git_paths.lines().filter(|p| !p.is_empty()) {
        println!("cargo:rerun-if-changed={path}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    // Any source change re-reads `git status`, so "+changes" is not stale.
    println!("cargo:rerun-if-changed=src");

    // Cross-building on Linux for Windows too: the target, not the host, decides.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icon.ico");
        res.set("ProductName", "sso-diag");
        res.set("FileDescription", "sso-diag: SSO ticket diagnostics");
        res.set("LegalCopyright", "MIT licence");
        if let Err(e) = res.compile() {
            println!("cargo:warning=could not embed the Windows icon and version information: {e}");
            std::process::exit(1);
        }
    }
}
