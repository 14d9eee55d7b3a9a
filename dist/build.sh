#!/usr/bin/env bash
# Builds every package into dist/out/ and checks each one: a package nobody has run is not shipped.
#
#   dist/build.sh           Linux .deb, .rpm and .tar.xz; the Windows .zip and a signed .msi (both
#                           installed and run under wine as Windows 10); CycloneDX SBOMs; SHA256SUMS
#   dist/build.sh --linux   the Linux packages only
#
# One Linux binary, built once for glibc 2.28 and later (cargo-zigbuild links it against glibc 2.28's
# symbols), goes into the .deb, the .rpm and the .tar.xz. Every package carries LICENSE and the
# third-party notices of the crates compiled in (cargo-about, checked against the SBOM); the Linux
# ones also the man pages, the shell completions (examples/cli_docs.rs) and the AppStream file.
# Each format is checked by its ecosystem's own tool: lintian, rpmlint, desktop-file-validate,
# appstreamcli, objdump, a CycloneDX validator, msiinfo. Each stage prints how long it took.
#
# Signing: with SSO_DIAG_SIGN_PFX (a .pfx file) and SSO_DIAG_SIGN_PASSWORD set, the .exe and the .msi
# are signed with that certificate; otherwise with a throwaway one made for this build, so the
# signing is exercised (and verified) on every build. Never commit a certificate.
#
# Installs what it needs when missing: cargo-deb, cargo-cyclonedx, cargo-about; zig, cargo-zigbuild
# and the CycloneDX validator from PyPI (dist/tools-requirements.txt, in a venv under target/);
# dpkg-dev, rpm, lintian, rpmlint, desktop-file-utils, appstream, zsh, fish…; for Windows the rustup target,
# MinGW, wine, wixl/msitools, osslsigncode. Run as root on Debian, like CI.
set -euo pipefail
cd "$(dirname "$0")/.."
linux_only=false
[ "${1:-}" = "--linux" ] && linux_only=true
source dist/build-lib.sh

version=$(jq -r '.packages[0].version' <<<"$meta")
summary=$(jq -r '.packages[0].description' <<<"$meta")
homepage=$(jq -r '.packages[0].homepage' <<<"$meta")
maintainer=$(jq -r '.packages[0].metadata.deb.maintainer' <<<"$meta")
out=dist/out
pkg=target/packaging
rm -rf "$out" "$pkg"
mkdir -p "$out" "$pkg"
linux=x86_64-unknown-linux-gnu
windows=x86_64-pc-windows-gnu
glibc_floor=2.28

stage "Tools"
need_apt dpkg-dev file zip unzip rpm xz-utils binutils lintian rpmlint desktop-file-utils appstream python3-venv \
  zsh fish
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
command -v cargo-cyclonedx >/dev/null || cargo install --locked cargo-cyclonedx
# cargo-about's binary is behind its "cli" feature; 0.9's config and template format.
command -v cargo-about >/dev/null || cargo install --locked --features cli cargo-about --version '^0.9'
tools=target/dist-tools
if ! cmp -s dist/tools-requirements.txt "$tools/requirements.txt"; then
  rm -rf "$tools"
  python3 -m venv "$tools"
  "$tools/bin/pip" install -q -r dist/tools-requirements.txt
  cp dist/tools-requirements.txt "$tools/requirements.txt"
fi
# cargo-zigbuild finds zig as `python3 -m ziglang`: the venv's python3 comes first.
export PATH=$PWD/$tools/bin:$PATH
echo "zig $(python3 -m ziglang version), $(cargo-zigbuild --version), $(cargo-about --version)"

stage "Linux: release build for glibc $glibc_floor (cargo-zigbuild)"
cargo zigbuild --release --locked --target "$linux.$glibc_floor"
bin=target/$linux/release/sso-diag

stage "Linux: glibc floor (objdump -T)"
check_glibc_floor "$bin" "$glibc_floor"
echo "shared libraries it links: $(objdump -p "$bin" | awk '/NEEDED/ {print $2}' | paste -sd ' ')"
"$bin" --version | grep -q "sso-diag $version" || fail "the Linux binary does not run here"

stage "Man pages and shell completions (from the clap definition)"
cargo run --locked --quiet --example cli_docs -- "$pkg/cli" >/dev/null
gzip -9n "$pkg"/cli/man/*.1
echo "$(ls "$pkg/cli/man" | wc -l) man pages: $(ls "$pkg/cli/man" | paste -sd ' ')"
echo "completions: $(ls "$pkg/cli/completions" | paste -sd ' ')"
# What Tab offers, asked of bash and fish themselves; zsh's file parsed.
bash dist/test-completion.sh bash "$pkg/cli/completions/sso-diag.bash"
bash dist/test-completion.sh fish "$pkg/cli/completions/sso-diag.fish"
bash dist/test-completion.sh zsh "$pkg/cli/completions/_sso-diag"

stage "SBOMs (CycloneDX) and third-party notices (cargo-about)"
targets=("$linux")
$linux_only || targets+=("$windows")
cargo fetch --locked >/dev/null
# One licence scan for every target (it reads each crate's whole source: minutes), then one notice
# file per binary with exactly the crates its SBOM lists.
target_args=()
for t in "${targets[@]}"; do target_args+=(--target "$t"); done
cargo about generate --frozen --fail "${target_args[@]}" -c dist/about.toml --format json \
  -o "$pkg/about.json" 2>"$pkg/about.log" || { cat "$pkg/about.log"; fail "cargo about"; }
rust_std_notices "$pkg/rust-std-notices.txt"
for t in "${targets[@]}"; do
  sbom=$out/sso-diag-$version-$t.cdx.json
  make_sbom "$t" "$sbom"
  mkdir -p "$pkg/$t"
  case $t in
    "$linux") program="sso-diag $version for Linux (x86_64)" ;;
    *) program="sso-diag $version for Windows (x86_64)" ;;
  esac
  make_notices "$sbom" "$pkg/about.json" "$program" "$pkg/$t/THIRD-PARTY-NOTICES.txt" "$pkg/rust-std-notices.txt"
done

stage "Linux: the files every Linux package ships"
share=$pkg/linux/share
install -D -m 644 assets/sso-diag.desktop "$share/applications/sso-diag.desktop"
metainfo=$(basename assets/*.metainfo.xml)
install -D -m 644 "assets/$metainfo" "$share/metainfo/$metainfo"
install -D -m 644 assets/icon.svg "$share/icons/hicolor/scalable/apps/sso-diag.svg"
for s in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "assets/icons/sso-diag-$s.png" "$share/icons/hicolor/${s}x$s/apps/sso-diag.png"
done
install -d "$share/man/man1"
install -m 644 "$pkg"/cli/man/* "$share/man/man1/"
install -D -m 644 "$pkg/cli/completions/sso-diag.bash" "$share/bash-completion/completions/sso-diag"
install -D -m 644 "$pkg/cli/completions/sso-diag.fish" "$share/fish/vendor_completions.d/sso-diag.fish"
desktop-file-validate "$share/applications/sso-diag.desktop" || fail "desktop-file-validate"
echo "desktop-file-validate: clean"
check_release_notes "$share/metainfo/$metainfo"
# The metainfo and the .desktop file it launches, as a software centre finds them installed.
appstream_tree=$(mktemp -d)
mkdir -p "$appstream_tree/usr"
cp -r "$share" "$appstream_tree/usr/"
appstreamcli validate-tree --no-net --explain "$appstream_tree" || fail "appstreamcli validate-tree"
rm -rf "$appstream_tree"

source dist/build-linux.sh
$linux_only || source dist/build-windows.sh

stage "Sizes (every package at most 6 MB)"
for f in "$out"/*.deb "$out"/*.rpm "$out"/*.tar.xz "$out"/*.zip "$out"/*.msi; do
  [ -e "$f" ] || continue
  size=$(stat -c %s "$f")
  printf '%-44s %9d bytes  %5.2f MB\n' "$(basename "$f")" "$size" "$(awk -v s="$size" 'BEGIN {print s / 1e6}')"
  [ "$size" -le 6000000 ] || fail "$(basename "$f") is over 6 MB"
done

stage "Checksums"
(cd "$out" && sha256sum -- * > SHA256SUMS && cat SHA256SUMS)
ls -la "$out"
stage ""
print_stage_times
