# The Windows packages, part of dist/build.sh (sourced, not run): the .exe cross-built with MinGW and
# signed, the .zip and the .msi, both carrying the licence, the notices and PowerShell's completion;
# the .exe run and the .msi installed, upgraded and removed under wine as Windows 10.

stage "Windows: cross-build"
rustup target add x86_64-pc-windows-gnu >/dev/null
need_apt gcc-mingw-w64-x86-64
# Optimised for size ("z", not the release profile's "s"): wixl's cabinet compresses the .exe in
# 32 KiB blocks, and the .msi came out at 6.04 MB with "s", over the 6 MB every package keeps to;
# "z" makes the .exe 290 KB smaller (11.79 -> 11.50 MB). The work is I/O and drawing: see
# Cargo.toml's measurements of "s" against 3, where optimisation bought nothing measurable.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z cargo build --release --locked --target x86_64-pc-windows-gnu
built=target/x86_64-pc-windows-gnu/release/sso-diag.exe
kind=$(file -b "$built")
echo "$kind"
grep -q "PE32+ executable (GUI) x86-64" <<<"$kind" || fail "the .exe is not a 64-bit GUI program"

stage "Windows: Authenticode signing, .zip"
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
notices_windows=$pkg/$windows/THIRD-PARTY-NOTICES.txt
# PowerShell loads it from $PROFILE (README.md says how); bash, zsh and fish are Linux's.
ps_completion=$pkg/cli/completions/_sso-diag.ps1
cp "$exe" README.md LICENSE "$notices_windows" "$wstage/$wname/"
cp "$ps_completion" "$wstage/$wname/sso-diag-completion.ps1"
(cd "$wstage" && zip -9 -qr - "$wname") > "$out/$wname.zip"
rm -rf "$wstage"
zip_files=$(unzip -Z1 "$out/$wname.zip")
for want in sso-diag.exe README.md LICENSE THIRD-PARTY-NOTICES.txt sso-diag-completion.ps1; do
  grep -qxF "$wname/$want" <<<"$zip_files" || fail "the .zip lacks $want"
done
echo ".zip: $(paste -sd ' ' <<<"$zip_files")"

stage "Windows: .msi (wixl)"
IFS=. read -r v_major v_minor v_patch <<<"${version%%-*}"
# make_msi PATCH OUT: the .msi of version major.minor.PATCH (the upgrade test makes a newer one).
make_msi() {
  local dir
  dir=$(mktemp -d)
  cp "$exe" README.md LICENSE "$notices_windows" dist/sso-diag.wxs assets/icon.ico "$dir/"
  cp "$ps_completion" "$dir/sso-diag-completion.ps1"
  # wixl takes source paths relative to where it runs (an absolute one is not found).
  (cd "$dir" && wixl -a x64 -D Version="$v_major.$v_minor.$1" -D NextPatch="$v_major.$v_minor.$(($1 + 1))" \
    -D Homepage="$homepage" -D SourceDir=. -o out.msi sso-diag.wxs) || fail "wixl"
  mv "$dir/out.msi" "$2"
  rm -rf "$dir"
}
msi=$out/sso-diag-$version-x86_64.msi
make_msi "$v_patch" "$pkg/unsigned.msi"
sign "$pkg/unsigned.msi" "$msi"
tables=$(msiinfo tables "$msi")
for want in File Component Directory Shortcut Upgrade Icon Property; do
  grep -qx "$want" <<<"$tables" || fail "the .msi has no $want table"
done
# The File table's FileName column: "SHORT~1.TXT|long name.txt", or the name alone when it is short.
msi_files=$(msiinfo export "$msi" File | tr -d '\r' | cut -f3 | sed 's/.*|//')
for want in sso-diag.exe README.md LICENSE.txt THIRD-PARTY-NOTICES.txt sso-diag-completion.ps1; do
  grep -qxF "$want" <<<"$msi_files" || fail "the .msi does not hold $want"
done
properties=$(msiinfo export "$msi" Property | tr -d '\r')
property() { awk -F'\t' -v p="$1" '$1 == p {print $2}' <<<"$properties"; }
[ "$(property ARPURLINFOABOUT)" = "$homepage" ] || fail "the .msi's ARPURLINFOABOUT is '$(property ARPURLINFOABOUT)'"
[ "$(property ARPNOMODIFY)" = 1 ] || fail "the .msi lets Add or remove programs offer a Modify it has not"
echo ".msi: ARPURLINFOABOUT $(property ARPURLINFOABOUT), ARPNOMODIFY $(property ARPNOMODIFY)"
# Read whole, then searched: `msiinfo … | grep -q` fails under pipefail once grep stops reading early.
grep -q "sso-diag" <<<"$(msiinfo export "$msi" Shortcut)" || fail "the .msi has no Start-menu shortcut"
upgrade=$(property UpgradeCode)
[ "$upgrade" = "{B74E4A68-C5B1-41EB-8DFB-497A7E54C958}" ] || fail "the .msi's UpgradeCode is $upgrade"
[ "$(property ALLUSERS)" = 1 ] || fail "the .msi is not per-machine"
grep -q DigitalSignature <<<"$(msiinfo streams "$msi")" || fail "the .msi carries no signature"
echo ".msi tables, files, shortcut, UpgradeCode $upgrade, signature: ok"

stage "Windows: run the .exe under wine, as Windows 10"
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

stage "Windows: the .msi under wine: install, run, upgrade, remove"
wineserver=/usr/lib/wine/wineserver
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
# Installed sso-diag products, as "Add or remove programs" lists them.
listed() { "$wine" reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r' | grep -cE 'DisplayName +REG_SZ +sso-diag$' || true; }
"$wine" msiexec /i "$msi" /qn || fail "msiexec /i"
$wineserver -w 2>/dev/null || true
installed=${WINEPREFIX:-/tmp/sso-diag-wine}/drive_c/Program\ Files/sso-diag/sso-diag.exe
[ -f "$installed" ] || fail "the .msi did not install into Program Files"
for f in THIRD-PARTY-NOTICES.txt LICENSE.txt sso-diag-completion.ps1; do
  [ -f "$(dirname "$installed")/$f" ] || fail "the .msi did not install $f"
done
"$wine" "$installed" --version | grep -q "sso-diag $version" || fail "the installed .exe does not run"
echo "installed under wine: $("$wine" "$installed" --version)"
# Wine puts even a per-machine shortcut in the user's Start menu (Windows: ProgramData's).
find "${WINEPREFIX:-/tmp/sso-diag-wine}/drive_c" -path '*Start Menu/Programs/sso-diag.lnk' | grep -q . \
  || fail "no Start-menu shortcut"
[ "$(listed)" = 1 ] || fail "the .msi is listed $(listed) times"
# The same UpgradeCode, a newer version: it replaces this one; this one then cannot downgrade it.
next_version=$v_major.$v_minor.$((v_patch + 1))
next=$pkg/next.msi
make_msi $((v_patch + 1)) "$next"
"$wine" msiexec /i "$next" /qn || fail "msiexec /i of a newer version"
$wineserver -w 2>/dev/null || true
[ "$(listed)" = 1 ] || fail "the newer .msi installed beside the older one ($(listed) listed)"
grep -qE "DisplayVersion +REG_SZ +$next_version" <<<"$("$wine" reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r')" \
  || fail "the upgrade did not leave $next_version installed"
if "$wine" msiexec /i "$msi" /qn 2>/dev/null; then fail "the older .msi went over the newer one"; fi
$wineserver -w 2>/dev/null || true
echo "upgraded to $next_version in place (listed once); $version refused over it"
"$wine" msiexec /x "$next" /qn || fail "msiexec /x"
$wineserver -w 2>/dev/null || true
rm -f "$next" "$pkg/unsigned.msi"
[ ! -e "$installed" ] || fail "the uninstall left the .exe behind"
[ "$(listed)" = 0 ] || fail "the uninstall left sso-diag listed"
echo "uninstalled: Program Files\\sso-diag is gone, nothing listed"
rm -rf "$sign_dir"
