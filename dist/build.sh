#!/usr/bin/env bash
# Builds every package into dist/out/ and checks each one: a package nobody has run is not shipped.
#
#   dist/build.sh           the Linux .deb and .tar.gz and the Windows .zip, SHA256SUMS, all checked
#   dist/build.sh --linux   the Linux packages only (what CI runs)
#
# Installs what it needs (cargo-deb, dpkg-dev, file, zip; for Windows the rustup target,
# MinGW and wine) when they are missing. Run as root on Debian, like CI.
set -euo pipefail
cd "$(dirname "$0")/.."
linux_only=false
[ "${1:-}" = "--linux" ] && linux_only=true

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
need_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
out=dist/out
rm -rf "$out"
mkdir -p "$out"
need_apt dpkg-dev file zip
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb

say "Linux: release build"
cargo build --release --locked
bin=target/release/sso-diag

say "Linux: .deb"
deb=$out/sso-diag_${version}_amd64.deb
cargo deb --no-build --locked --output "$deb" >/dev/null
fields=$(dpkg-deb -f "$deb" Package Version Architecture Depends)
echo "$fields"
for want in "Package: sso-diag" "Version: $version" "Architecture: amd64" libgl1 libegl1 libxkbcommon-x11-0 libgl1-mesa-dri; do
  grep -q -- "$want" <<<"$fields" || fail ".deb fields lack $want"
done
contents=$(dpkg-deb -c "$deb")
for want in ./usr/bin/sso-diag ./usr/share/applications/sso-diag.desktop \
    ./usr/share/icons/hicolor/16x16/apps/sso-diag.png ./usr/share/icons/hicolor/512x512/apps/sso-diag.png \
    ./usr/share/icons/hicolor/scalable/apps/sso-diag.svg; do
  grep -q -- " $want\$" <<<"$contents" || fail ".deb lacks $want"
done
echo ".deb contents and fields: ok"
if [ "$(id -u)" = 0 ]; then
  # Really install it (pulling its Depends), run the installed binary, remove it again.
  apt-get install -y -qq "./$deb" >/dev/null || fail ".deb does not install"
  /usr/bin/sso-diag --version | grep -q "sso-diag $version" || fail "installed binary does not run"
  echo "installed: $(/usr/bin/sso-diag --version)"
  dpkg -r sso-diag >/dev/null
fi

say "Linux: .tar.gz"
name=sso-diag-$version-x86_64-linux
stage=$(mktemp -d)
mkdir "$stage/$name"
cp "$bin" README.md LICENSE assets/sso-diag.desktop "$stage/$name/"
cp assets/icons/sso-diag-256.png "$stage/$name/sso-diag.png"
cp assets/icon.svg "$stage/$name/sso-diag.svg"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
check=$(mktemp -d)
tar -C "$check" -xzf "$out/$name.tar.gz"
"$check/$name/sso-diag" --version | grep -q "sso-diag $version" || fail "unpacked Linux binary does not run"
echo "unpacked: $("$check/$name/sso-diag" --version)"
rm -rf "$stage" "$check"

if ! $linux_only; then
  say "Windows: cross-build"
  rustup target add x86_64-pc-windows-gnu >/dev/null
  need_apt gcc-mingw-w64-x86-64
  cargo build --release --locked --target x86_64-pc-windows-gnu
  exe=target/x86_64-pc-windows-gnu/release/sso-diag.exe
  kind=$(file -b "$exe")
  echo "$kind"
  grep -q "PE32+ executable (GUI) x86-64" <<<"$kind" || fail "the .exe is not a 64-bit GUI program"
  wname=sso-diag-$version-x86_64-windows
  wstage=$(mktemp -d)
  mkdir "$wstage/$wname"
  cp "$exe" README.md LICENSE "$wstage/$wname/"
  (cd "$wstage" && zip -qr - "$wname") > "$out/$wname.zip"
  rm -rf "$wstage"

  say "Windows: run the .exe under wine"
  wine=../shared/tools/wine-run.sh
  [ -x "$wine" ] || wine=$(dirname "$0")/../../shared/tools/wine-run.sh
  wine_version=$("$wine" "$exe" --version)
  echo "under wine: $wine_version"
  grep -q "sso-diag $version" <<<"$wine_version" || fail "the .exe does not print its version"
  mock_log=$(mktemp)
  "$bin" mock --addr 127.0.0.1:0 > "$mock_log" &
  mock=$!
  trap 'kill $mock 2>/dev/null || true' EXIT
  for _ in $(seq 50); do grep -q "^listening on" "$mock_log" && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$mock_log")
  fp=$(sed -n 's/.*bound to fingerprint \([0-9a-f]*\).*/\1/p' "$mock_log")
  # wine's machine id differs from this machine's, so the demo session's fingerprint is passed.
  SSO_DIAG_ACCESS_TOKEN=demo-access-token-7f3a9c41 SSO_DIAG_SESSION_TOKEN=demo-session-token-4b1e0d77 \
    "$wine" "$exe" exchange --domain "$url" --fingerprint "$fp" --json | tee "$out/wine-exchange.json"
  grep -q '"sso_ticket":"ssoTicket-' "$out/wine-exchange.json" || fail "the .exe's exchange did not get a ticket"
  rm -f "$out/wine-exchange.json"
  "$wine" --screenshot dist/wine-window.png --wait 6 "$exe" --demo >/dev/null 2>&1 || true
  [ -s dist/wine-window.png ] && echo "window screenshot under wine: dist/wine-window.png"
  kill $mock 2>/dev/null || true
fi

say "Checksums"
(cd "$out" && sha256sum -- * > SHA256SUMS && cat SHA256SUMS)
ls -la "$out"
