# The Linux packages, part of dist/build.sh (sourced, not run): the .deb, the .rpm and the .tar.xz,
# all from the one binary ($bin) and the files staged under $share, each checked by its own tools.

notices_linux=$pkg/$linux/THIRD-PARTY-NOTICES.txt
zsh_completion=$pkg/cli/completions/_sso-diag
# has_all LIST WANT...: every WANT is a line of LIST (a package's file list).
has_all() {
  local list=$1 what=$2
  shift 2
  for want in "$@"; do grep -qxF -- "$want" <<<"$list" || fail "$what lacks $want"; done
}
# What every Linux package must hold, as installed under /usr.
linux_files=(/usr/bin/sso-diag /usr/share/applications/sso-diag.desktop "/usr/share/metainfo/$metainfo"
  /usr/share/man/man1/sso-diag.1.gz /usr/share/man/man1/sso-diag-exchange.1.gz
  /usr/share/bash-completion/completions/sso-diag /usr/share/fish/vendor_completions.d/sso-diag.fish
  /usr/share/icons/hicolor/512x512/apps/sso-diag.png /usr/share/icons/hicolor/scalable/apps/sso-diag.svg)

stage "Linux: .deb"
# Debian's machine-readable copyright format, with the whole licence text.
{
  cat <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: sso-diag
Upstream-Contact: $maintainer
Source: $homepage
Comment: /usr/bin/sso-diag also contains the Rust crates listed in
 /usr/share/doc/sso-diag/THIRD-PARTY-NOTICES.txt, each with its licence text.

Files: *
Copyright: $(sed -n 's/^Copyright (c) //p' LICENSE)
License: MIT

License: MIT
COPYRIGHT
  sed -n '/^Permission/,$p' LICENSE | sed 's/^$/./; s/^/ /'
} > "$pkg/linux/copyright"
deb_version=$(dpkg-parsechangelog -l dist/debian/changelog -S Version)
deb=$out/sso-diag_${deb_version}_amd64.deb
cargo deb --no-build --locked --target "$linux" --output "$deb" >/dev/null
fields=$(dpkg-deb -f "$deb" Package Version Architecture Depends Description)
echo "$fields"
for want in "Package: sso-diag" "Version: $deb_version" "Architecture: amd64" "Description: $summary"; do
  grep -qxF -- "$want" <<<"$fields" || fail ".deb fields lack $want"
done
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//')
for want in "libc6 (>= $glibc_floor)" libgl1 libegl1 libxkbcommon-x11-0 libgl1-mesa-dri; do
  grep -qxF -- "$want" <<<"$depends" || fail ".deb Depends lack $want"
done
[ "$(grep -c '^libc6' <<<"$depends")" = 1 ] || fail ".deb Depends ask for libc6 more than once: $depends"
[ ${#summary} -le 79 ] || fail "the summary is ${#summary} characters: Debian cuts it at 79"
deb_files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}' | sort)
has_all "$deb_files" .deb "${linux_files[@]}" /usr/share/doc/sso-diag/copyright \
  /usr/share/doc/sso-diag/THIRD-PARTY-NOTICES.txt /usr/share/doc/sso-diag/changelog.Debian.gz \
  /usr/share/zsh/vendor-completions/_sso-diag
echo ".deb: $(wc -l <<<"$deb_files") files, man pages, completions, AppStream file, notices among them"
# lintian speaks for Debian: no error may stand; its warnings and notes are shown.
lintian_out=$(lintian --fail-on error --display-info "$deb" 2>&1 | grep -v "^running with root privileges") \
  || { echo "$lintian_out"; fail "lintian found errors in the .deb"; }
echo "${lintian_out:-lintian: no errors, warnings or notes}"
if [ "$(id -u)" = 0 ]; then
  # Really install it (pulling its Depends), run the installed binary, remove it again.
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "./$deb" >/dev/null || fail ".deb does not install"
  /usr/bin/sso-diag --version | grep -q "sso-diag $version" || fail "installed binary does not run"
  echo "installed: $(/usr/bin/sso-diag --version)"
  dpkg -r sso-diag >/dev/null
fi

stage "Linux: .rpm (Fedora, RHEL, openSUSE)"
# rpmbuild from Debian's rpm package, from a spec made here: the .deb's files (each distribution's
# own place for the licences and zsh's completions) and the same run-time libraries, named as RPM
# distributions provide them (libc's own are found by rpmbuild).
rpmtop=$(mktemp -d)
mkdir -p "$rpmtop/SOURCES"
cp -r "$share" "$rpmtop/SOURCES/share"
cp "$bin" README.md LICENSE "$notices_linux" "$zsh_completion" "$rpmtop/SOURCES/"
# Cargo.toml's long description, folded for rpmlint (79 columns at most).
description=$(jq -r '.packages[0].metadata.deb["extended-description"]' <<<"$meta" | fold -s -w 79 | sed 's/ *$//')
cat > "$rpmtop/sso-diag.spec" <<SPEC
Name: sso-diag
Version: ${version//-/_}
Release: ${deb_version##*-}
Summary: $summary
License: MIT
URL: $homepage
Group: Applications/Internet
Packager: $maintainer
BuildArch: x86_64
# eframe loads GL/EGL, X11, Wayland and xkbcommon with dlopen: listed by hand, as for the .deb.
# Mesa's drivers (llvmpipe where there is no GPU) are mesa-dri-drivers on Fedora/RHEL, Mesa-dri on openSUSE.
Requires: libGL.so.1()(64bit), libEGL.so.1()(64bit), (mesa-dri-drivers or Mesa-dri), libX11.so.6()(64bit), libXcursor.so.1()(64bit), libXrandr.so.2()(64bit), libXi.so.6()(64bit), libxkbcommon.so.0()(64bit), libxkbcommon-x11.so.0()(64bit), libwayland-client.so.0()(64bit), libwayland-egl.so.1()(64bit), libwayland-cursor.so.0()(64bit), fontconfig
Recommends: (google-noto-sans-cjk-fonts or wqy-microhei-fonts)
%global debug_package %{nil}
%global __strip /bin/true
%global _build_id_links none
# /usr/share/doc/sso-diag, as Fedora, RHEL and openSUSE name it (Debian's rpm adds the version).
%global _docdir_fmt %{NAME}
# xz like the .deb (gzip made the .rpm 7.4 MB); every RPM distribution with glibc 2.28 reads it.
%global _binary_payload w9.xzdio
%description
$description
%install
install -D -m 755 %{_sourcedir}/sso-diag %{buildroot}%{_bindir}/sso-diag
mkdir -p %{buildroot}%{_datadir}
cp -r %{_sourcedir}/share/. %{buildroot}%{_datadir}/
install -D -m 644 %{_sourcedir}/_sso-diag %{buildroot}%{_datadir}/zsh/site-functions/_sso-diag
cp -p %{_sourcedir}/README.md %{_sourcedir}/LICENSE %{_sourcedir}/THIRD-PARTY-NOTICES.txt .
%files
%license LICENSE THIRD-PARTY-NOTICES.txt
%doc README.md
%{_bindir}/sso-diag
%{_datadir}/applications/sso-diag.desktop
%{_datadir}/metainfo/$metainfo
%{_datadir}/icons/hicolor/*/apps/sso-diag.*
%{_mandir}/man1/sso-diag*.1*
%{_datadir}/bash-completion/completions/sso-diag
%{_datadir}/zsh/site-functions/_sso-diag
%{_datadir}/fish/vendor_completions.d/sso-diag.fish
%changelog
$(rpm_changelog)
SPEC
rpmbuild -bb --quiet --define "_topdir $rpmtop" --define "_sourcedir $rpmtop/SOURCES" \
  "$rpmtop/sso-diag.spec" >/dev/null 2>"$rpmtop/build.log" || { cat "$rpmtop/build.log"; fail "rpmbuild"; }
rpm_file=$(find "$rpmtop/RPMS" -name '*.rpm' | head -1)
cp "$rpm_file" "$out/"
rpm_file=$out/$(basename "$rpm_file")
rm -rf "$rpmtop"
rpm_files=$(rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm_file" | awk '$1 !~ /^d/ {print $2}' | sort)
# The same files as the .deb, but where each distribution keeps licences, changelogs and zsh's completions.
as_deb=$(sed 's|^/usr/share/licenses/sso-diag/LICENSE$|/usr/share/doc/sso-diag/copyright|
  s|^/usr/share/licenses/sso-diag/|/usr/share/doc/sso-diag/|
  s|^/usr/share/zsh/site-functions/|/usr/share/zsh/vendor-completions/|' <<<"$rpm_files" | sort)
# Debian's own: its changelog (the .rpm's is in its header) and lintian's overrides.
deb_shared=$(grep -vxF -e /usr/share/doc/sso-diag/changelog.Debian.gz -e /usr/share/lintian/overrides/sso-diag \
  <<<"$deb_files")
[ "$as_deb" = "$deb_shared" ] || { diff <(echo "$deb_shared") <(echo "$as_deb"); fail ".rpm and .deb ship different files"; }
echo ".rpm ships the .deb's $(wc -l <<<"$rpm_files") files (the licences in /usr/share/licenses, zsh's in site-functions)"
rpm_requires=$(rpm -qpR "$rpm_file" 2>/dev/null)
for want in 'libGL.so.1()(64bit)' 'libxkbcommon-x11.so.0()(64bit)' mesa-dri-drivers 'libc.so.6(GLIBC_'; do
  grep -qF -- "$want" <<<"$rpm_requires" || fail ".rpm Requires lack $want"
done
rpm_glibc=$(grep -o 'GLIBC_[0-9.]*' <<<"$rpm_requires" | sort -uV | tail -1)
[ "$rpm_glibc" = "GLIBC_$glibc_floor" ] || fail ".rpm Requires $rpm_glibc, not GLIBC_$glibc_floor"
echo ".rpm requires: $(grep -c . <<<"$rpm_requires") capabilities, the .deb's libraries among them; glibc up to $rpm_glibc"
rpm -qp --qf 'Packager: %{PACKAGER}\nGroup: %{GROUP}\nURL: %{URL}\npayload: %{PAYLOADCOMPRESSOR} %{PAYLOADFLAGS}\n' "$rpm_file"
rpm -qp --changelog "$rpm_file" | head -3
rpmlint_out=$(rpmlint -c dist/rpmlint.toml "$rpm_file" 2>&1) || true
echo "$rpmlint_out"
# An unsigned package is the one error that stands: the signing key is the distributor's. (rpmlint
# 2.4's "no-manual-page-for-binary" is a false warning: it records man pages by section, not name.)
rpmlint_errors=$(grep -E ': E: ' <<<"$rpmlint_out" | grep -v ': E: no-signature' || true)
[ -z "$rpmlint_errors" ] || fail "rpmlint found errors in the .rpm"
echo "rpmlint: no errors but the signature's"
# Installed into a throwaway root, as rpm itself installs it, and run from there (--force-debian:
# Debian's rpm otherwise warns that dpkg, not rpm, manages this machine).
rpmroot=$(mktemp -d)
rpm --root "$rpmroot" --initdb
rpm --force-debian --root "$rpmroot" -i --nodeps "$rpm_file" || fail "rpm -i into a throwaway root"
"$rpmroot/usr/bin/sso-diag" --version | grep -q "sso-diag $version" || fail "the binary installed by the .rpm does not run"
echo "installed by rpm --root into $rpmroot: $("$rpmroot/usr/bin/sso-diag" --version)"
bash dist/test-completion.sh bash "$rpmroot/usr/share/bash-completion/completions/sso-diag"
rm -rf "$rpmroot"

stage "Linux: .tar.xz"
# A prefix to unpack anywhere: `tar -xJf … --strip-components=1 -C ~/.local` installs it for one user.
name=sso-diag-$version-x86_64-linux
tstage=$(mktemp -d)
install -D -m 755 "$bin" "$tstage/$name/bin/sso-diag"
cp -r "$share" "$tstage/$name/share"
install -D -m 644 "$zsh_completion" "$tstage/$name/share/zsh/site-functions/_sso-diag"
install -d "$tstage/$name/share/doc/sso-diag"
install -m 644 README.md LICENSE "$notices_linux" "$tstage/$name/share/doc/sso-diag/"
tar -C "$tstage" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$name" | xz -9 > "$out/$name.tar.xz"
rm -rf "$tstage"
check=$(mktemp -d)
tar -C "$check" -xJf "$out/$name.tar.xz"
tar_files=$(cd "$check/$name" && find . -type f | sed 's|^\./|/usr/|' | sort)
has_all "$tar_files" .tar.xz "${linux_files[@]}" /usr/share/doc/sso-diag/LICENSE \
  /usr/share/doc/sso-diag/THIRD-PARTY-NOTICES.txt /usr/share/doc/sso-diag/README.md /usr/share/zsh/site-functions/_sso-diag
"$check/$name/bin/sso-diag" --version | grep -q "sso-diag $version" || fail "unpacked Linux binary does not run"
echo "unpacked: $("$check/$name/bin/sso-diag" --version); $(wc -l <<<"$tar_files") files"
rm -rf "$check"
