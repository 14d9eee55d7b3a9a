#!/usr/bin/env bash
# Builds every package into dist/out/ and checks each one: a package nobody has run is not shipped.
#
#   dist/build.sh           Linux .deb, .rpm and .tar.gz; the Windows .zip and a signed .msi (both
#                           installed and run under wine as Windows 10); CycloneDX SBOMs; SHA256SUMS
#   dist/build.sh --linux   the Linux packages only
#
# Signing: with SSO_DIAG_SIGN_PFX (a .pfx file) and SSO_DIAG_SIGN_PASSWORD set, the .exe and the .msi
# are signed with that certificate; otherwise with a throwaway one made for this build, so the
# signing is exercised (and verified) on every build. Never commit a certificate.
#
# Installs what it needs (cargo-deb, cargo-cyclonedx, dpkg-dev, rpm, file, zip, imagemagick; for
# Windows the rustup target, MinGW, wine, wixl/msitools, osslsigncode) when missing. Run as root on
# Debian, like CI.
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
need_apt dpkg-dev file zip rpm
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
command -v cargo-cyclonedx >/dev/null || cargo install --locked cargo-cyclonedx

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

say "Linux: .rpm (Fedora, RHEL, openSUSE)"
# rpmbuild from Debian's rpm package, from a spec made here: the same files as the .deb and the same
# run-time libraries, named as RPM distributions provide them (libc's own are found by rpmbuild).
rpmtop=$(mktemp -d)
mkdir -p "$rpmtop/SOURCES"
cp "$bin" README.md LICENSE assets/sso-diag.desktop assets/icon.svg "$rpmtop/SOURCES/"
cp -r assets/icons "$rpmtop/SOURCES/icons"
sizes="16 24 32 48 64 128 256 512"
cat > "$rpmtop/sso-diag.spec" <<SPEC
Name: sso-diag
Version: ${version//-/_}
Release: 1
Summary: Troubleshoot CIAM logins: SSO ticket diagnostics
License: MIT
BuildArch: x86_64
# eframe loads GL/EGL, X11, Wayland and xkbcommon with dlopen: listed by hand, as for the .deb.
Requires: libGL.so.1()(64bit), libEGL.so.1()(64bit), mesa-dri-drivers, libX11.so.6()(64bit), libXcursor.so.1()(64bit), libXrandr.so.2()(64bit), libXi.so.6()(64bit), libxkbcommon.so.0()(64bit), libxkbcommon-x11.so.0()(64bit), libwayland-client.so.0()(64bit), libwayland-egl.so.1()(64bit), libwayland-cursor.so.0()(64bit), fontconfig
Recommends: (google-noto-sans-cjk-fonts or wqy-microhei-fonts)
%global debug_package %{nil}
%global __strip /bin/true
%global _build_id_links none
%description
A desktop app for support staff: exchanges a user's session token for a one-time SSO ticket
against a CIAM tenant, counts the ticket down, and explains failures with the tenant's own
error code, the likely cause and what to try.
%install
install -D -m 755 %{_sourcedir}/sso-diag %{buildroot}/usr/bin/sso-diag
install -D -m 644 %{_sourcedir}/sso-diag.desktop %{buildroot}/usr/share/applications/sso-diag.desktop
install -D -m 644 %{_sourcedir}/icon.svg %{buildroot}/usr/share/icons/hicolor/scalable/apps/sso-diag.svg
for s in $sizes; do install -D -m 644 %{_sourcedir}/icons/sso-diag-\$s.png %{buildroot}/usr/share/icons/hicolor/\${s}x\${s}/apps/sso-diag.png; done
install -D -m 644 %{_sourcedir}/README.md %{buildroot}/usr/share/doc/sso-diag/README.md
install -D -m 644 %{_sourcedir}/LICENSE %{buildroot}/usr/share/doc/sso-diag/copyright
%files
/usr/bin/sso-diag
/usr/share/applications/sso-diag.desktop
/usr/share/icons/hicolor/*/apps/sso-diag.*
/usr/share/doc/sso-diag/README.md
/usr/share/doc/sso-diag/copyright
SPEC
rpmbuild -bb --quiet --define "_topdir $rpmtop" --define "_sourcedir $rpmtop/SOURCES" \
  "$rpmtop/sso-diag.spec" >/dev/null 2>"$rpmtop/build.log" || { cat "$rpmtop/build.log"; fail "rpmbuild"; }
rpm_file=$(find "$rpmtop/RPMS" -name '*.rpm' | head -1)
cp "$rpm_file" "$out/"
rpm_file=$out/$(basename "$rpm_file")
rpm_files=$(rpm -qpl "$rpm_file" 2>/dev/null | sort)
deb_files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}' | sort)
[ "$rpm_files" = "$deb_files" ] || { diff <(echo "$deb_files") <(echo "$rpm_files"); fail ".rpm and .deb ship different files"; }
echo ".rpm ships the .deb's $(wc -l <<<"$rpm_files") files"
rpm_requires=$(rpm -qpR "$rpm_file" 2>/dev/null)
for want in 'libGL.so.1()(64bit)' 'libxkbcommon-x11.so.0()(64bit)' mesa-dri-drivers 'libc.so.6(GLIBC_'; do
  grep -qF -- "$want" <<<"$rpm_requires" || fail ".rpm Requires lack $want"
done
echo ".rpm requires: $(grep -c . <<<"$rpm_requires") capabilities, the .deb's libraries among them"
rm -rf "$rpmtop"

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
  built=target/x86_64-pc-windows-gnu/release/sso-diag.exe
  kind=$(file -b "$built")
  echo "$kind"
  grep -q "PE32+ executable (GUI) x86-64" <<<"$kind" || fail "the .exe is not a 64-bit GUI program"

  say "Windows: Authenticode signing"
  need_apt osslsigncode openssl wixl msitools imagemagick
  sign_dir=$(mktemp -d)
  if [ -n "${SSO_DIAG_SIGN_PFX:-}" ] && [ -n "${SSO_DIAG_SIGN_PASSWORD:-}" ]; then
    pfx=$SSO_DIAG_SIGN_PFX
    printf %s "$SSO_DIAG_SIGN_PASSWORD" > "$sign_dir/pass"
    trust=/etc/ssl/certs/ca-certificates.crt
    echo "signing with $pfx"
  else
    # A throwaway code-signing certificate, valid for this build only: the pipeline is exercised.
    openssl req -x509 -newkey rsa:3072 -sha256 -days 2 -nodes -keyout "$sign_dir/key.pem" \
      -out "$sign_dir/cert.pem" -subj "/CN=sso-diag throwaway test signing/O=sso-diag developers" \
      -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" \
      -addext "basicConstraints=critical,CA:FALSE" 2>/dev/null
    head -c 24 /dev/urandom | base64 > "$sign_dir/pass"
    openssl pkcs12 -export -out "$sign_dir/sign.pfx" -inkey "$sign_dir/key.pem" -in "$sign_dir/cert.pem" \
      -passout "file:$sign_dir/pass" -name sso-diag
    pfx=$sign_dir/sign.pfx
    trust=$sign_dir/cert.pem
    echo "signing with a throwaway certificate (set SSO_DIAG_SIGN_PFX and SSO_DIAG_SIGN_PASSWORD for a real one)"
  fi
  sign() { # IN OUT
    osslsigncode sign -pkcs12 "$pfx" -readpass "$sign_dir/pass" -n sso-diag -h sha256 \
      ${SSO_DIAG_SIGN_TIMESTAMP:+-ts "$SSO_DIAG_SIGN_TIMESTAMP"} -in "$1" -out "$2" >/dev/null \
      || fail "signing $1"
    osslsigncode verify -CAfile "$trust" -in "$2" >/dev/null || fail "the signature of $2 does not verify"
    echo "signed and verified: $(basename "$2")"
  }
  mkdir -p target/signed
  exe=target/signed/sso-diag.exe
  rm -f "$exe"
  sign "$built" "$exe"
  wname=sso-diag-$version-x86_64-windows
  wstage=$(mktemp -d)
  mkdir "$wstage/$wname"
  cp "$exe" README.md LICENSE "$wstage/$wname/"
  (cd "$wstage" && zip -qr - "$wname") > "$out/$wname.zip"
  rm -rf "$wstage"

  say "Windows: .msi (wixl)"
  IFS=. read -r v_major v_minor v_patch <<<"${version%%-*}"
  mstage=$(mktemp -d)
  cp "$exe" README.md LICENSE dist/sso-diag.wxs assets/icon.ico "$mstage/"
  msi=$out/sso-diag-$version-x86_64.msi
  # wixl takes source paths relative to where it runs (an absolute one is not found).
  (cd "$mstage" && wixl -a x64 -D Version="$v_major.$v_minor.$v_patch" \
    -D NextPatch="$v_major.$v_minor.$((v_patch + 1))" -D SourceDir=. -o unsigned.msi sso-diag.wxs) \
    || fail "wixl"
  sign "$mstage/unsigned.msi" "$msi"
  rm -rf "$mstage"
  tables=$(msiinfo tables "$msi")
  for want in File Component Directory Shortcut Upgrade Icon Property; do
    grep -qx "$want" <<<"$tables" || fail "the .msi has no $want table"
  done
  msiinfo export "$msi" File | grep -q "sso-diag.exe" || fail "the .msi does not hold sso-diag.exe"
  msiinfo export "$msi" Shortcut | grep -q "sso-diag" || fail "the .msi has no Start-menu shortcut"
  upgrade=$(msiinfo export "$msi" Property | tr -d '\r' | awk -F'\t' '$1=="UpgradeCode"{print $2}')
  [ "$upgrade" = "{B74E4A68-C5B1-41EB-8DFB-497A7E54C958}" ] || fail "the .msi's UpgradeCode is $upgrade"
  msiinfo export "$msi" Property | grep -q "ALLUSERS.1" || fail "the .msi is not per-machine"
  msiinfo streams "$msi" | grep -q DigitalSignature || fail "the .msi carries no signature"
  echo ".msi tables, files, shortcut, UpgradeCode $upgrade, signature: ok"

  say "Windows: run the .exe under wine, as Windows 10"
  wine=dist/wine-run.sh
  export WINEDLLOVERRIDES="winemenubuilder.exe=d"
  "$wine" winecfg /v win10 >/dev/null 2>&1 || fail "winecfg /v win10"
  wine_version=$("$wine" "$exe" --version)
  echo "under wine: $wine_version"
  grep -q "sso-diag $version" <<<"$wine_version" || fail "the .exe does not print its version"
  wine_device=$("$wine" "$exe" device --json)
  echo "$wine_device" | grep -o '"os_version":"[^"]*"'
  grep -q '"os_version":"windows10\.0\.' <<<"$wine_device" || fail "device --json under wine is not windows10.0.…"
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
  shot=$out/wine-window.png
  "$wine" --screenshot "$shot" --wait 8 "$exe" --demo >/dev/null 2>&1 || true
  [ -s "$shot" ] || fail "no screenshot of the window under wine"
  colours=$(convert "$shot" -format %k info:)
  # A blank or black screen has a handful of colours; the window, with text, has hundreds.
  [ "$colours" -gt 100 ] || fail "the window under wine looks blank ($colours colours)"
  echo "window under wine: $colours colours in the screenshot"
  mv "$shot" target/wine-window.png
  rm -f "$shot.log"
  kill $mock 2>/dev/null || true

  say "Windows: install the .msi under wine, run it, upgrade it, remove it"
  wineserver=/usr/lib/wine/wineserver
  uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
  # Installed sso-diag products, as "Add or remove programs" lists them.
  listed() { "$wine" reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r' | grep -cE 'DisplayName +REG_SZ +sso-diag$' || true; }
  "$wine" msiexec /i "$msi" /qn || fail "msiexec /i"
  $wineserver -w 2>/dev/null || true
  installed=${WINEPREFIX:-/tmp/sso-diag-wine}/drive_c/Program\ Files/sso-diag/sso-diag.exe
  [ -f "$installed" ] || fail "the .msi did not install into Program Files"
  "$wine" "$installed" --version | grep -q "sso-diag $version" || fail "the installed .exe does not run"
  echo "installed under wine: $("$wine" "$installed" --version)"
  # Wine puts even a per-machine shortcut in the user's Start menu (Windows: ProgramData's).
  find "${WINEPREFIX:-/tmp/sso-diag-wine}/drive_c" -path '*Start Menu/Programs/sso-diag.lnk' | grep -q . \
    || fail "no Start-menu shortcut"
  [ "$(listed)" = 1 ] || fail "the .msi is listed $(listed) times"
  # The same UpgradeCode, a newer version: it replaces this one; this one then cannot downgrade it.
  next_version=$v_major.$v_minor.$((v_patch + 1))
  next=$(mktemp -d)
  cp "$exe" README.md LICENSE dist/sso-diag.wxs assets/icon.ico "$next/"
  (cd "$next" && wixl -a x64 -D Version="$next_version" -D NextPatch="$v_major.$v_minor.$((v_patch + 2))" \
    -D SourceDir=. -o next.msi sso-diag.wxs) || fail "wixl (the newer version)"
  "$wine" msiexec /i "$next/next.msi" /qn || fail "msiexec /i of a newer version"
  $wineserver -w 2>/dev/null || true
  [ "$(listed)" = 1 ] || fail "the newer .msi installed beside the older one ($(listed) listed)"
  "$wine" reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r' | grep -qE "DisplayVersion +REG_SZ +$next_version" \
    || fail "the upgrade did not leave $next_version installed"
  if "$wine" msiexec /i "$msi" /qn 2>/dev/null; then fail "the older .msi went over the newer one"; fi
  $wineserver -w 2>/dev/null || true
  echo "upgraded to $next_version in place (listed once); $version refused over it"
  "$wine" msiexec /x "$next/next.msi" /qn || fail "msiexec /x"
  $wineserver -w 2>/dev/null || true
  rm -rf "$next"
  [ ! -e "$installed" ] || fail "the uninstall left the .exe behind"
  [ "$(listed)" = 0 ] || fail "the uninstall left sso-diag listed"
  echo "uninstalled: Program Files\\sso-diag is gone, nothing listed"
  rm -rf "$sign_dir"
fi

say "SBOM (CycloneDX)"
targets=(x86_64-unknown-linux-gnu)
$linux_only || targets+=(x86_64-pc-windows-gnu)
for t in "${targets[@]}"; do
  cargo cyclonedx --format json --spec-version 1.5 --describe binaries --no-build-deps \
    --target "$t" --target-in-filename >/dev/null
  sbom=$(ls -t ./*"$t"*.cdx.json | head -1)
  mv "$sbom" "$out/sso-diag-$version-$t.cdx.json"
  grep -q '"bomFormat": *"CycloneDX"' "$out/sso-diag-$version-$t.cdx.json" || fail "SBOM for $t"
  echo "SBOM for $t: $(grep -o '"purl"' "$out/sso-diag-$version-$t.cdx.json" | wc -l) components"
done

say "Checksums"
(cd "$out" && sha256sum -- * > SHA256SUMS && cat SHA256SUMS)
ls -la "$out"
