# Helpers for dist/build.sh (sourced, not run): stages and their times, apt installs, the SBOM and
# the third-party notices checked against it, the release notes compared across formats.

fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
need_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    # Waits for another apt (a colleague's build, unattended upgrades) instead of failing at once.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
command -v jq >/dev/null || need_apt jq
# Cargo.toml is the one place the name, version, summary, homepage and maintainer are written.
meta=$(cargo metadata --no-deps --format-version 1 --locked)

build_started=$(date +%s)
stage_started=$build_started
stage_name=""
stage_times=()
minsec() { printf '%d min %02d s' $(($1 / 60)) $(($1 % 60)); }
# stage NAME: ends the stage under way, printing how long it took, and starts NAME ("" to end).
stage() {
  local now
  now=$(date +%s)
  if [ -n "$stage_name" ]; then
    printf -- '-- %s: %s\n' "$stage_name" "$(minsec $((now - stage_started)))"
    stage_times+=("$(printf '%-64s %s' "$stage_name" "$(minsec $((now - stage_started)))")")
  fi
  stage_name=$1
  stage_started=$now
  [ -z "$1" ] || printf '\n== %s\n' "$1"
}
print_stage_times() {
  printf '\n== dist/build.sh stages\n'
  printf '%s\n' "${stage_times[@]}"
  printf '%-64s %s\n' "total" "$(minsec $(($(date +%s) - build_started)))"
}

# check_glibc_floor BINARY FLOOR: no symbol BINARY takes from glibc is newer than FLOOR (e.g. 2.28);
# else the symbols that are, and a failure.
check_glibc_floor() {
  local needs newest v
  # "VERSION SYMBOL" for every versioned glibc symbol (objdump -T writes "(GLIBC_2.2.5) memcpy").
  needs=$(objdump -T "$1" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /GLIBC_[0-9]/) {
    v = $i; gsub(/[()]|GLIBC_/, "", v); print v, $NF}}' | sort -u)
  [ -n "$needs" ] || fail "objdump -T finds no glibc symbol in $1"
  newer() { [ "$(printf '%s\n' "$1" "$2" | sort -V | tail -1)" != "$2" ]; }
  newest=$(cut -d' ' -f1 <<<"$needs" | sort -uV | tail -1)
  if newer "$newest" "$2"; then
    for v in $(cut -d' ' -f1 <<<"$needs" | sort -uV); do
      newer "$v" "$2" && awk -v v="$v" '$1 == v {print "  GLIBC_" $1 " " $2}' <<<"$needs" >&2
    done
    fail "$1 needs glibc $newest, newer than $2, for the symbols above"
  fi
  echo "glibc: $(wc -l <<<"$needs") versioned symbols, the newest GLIBC_$newest (floor GLIBC_$2): ok"
}

# make_sbom TARGET OUT: a CycloneDX SBOM of the binary built for TARGET, validated against the schema.
make_sbom() {
  local t=$1 sbom=$2 made built extra
  cargo cyclonedx --format json --spec-version 1.5 --describe binaries --no-build-deps \
    --target "$t" --target-in-filename >/dev/null
  made=$(ls -t ./*"$t"*.cdx.json | head -1)
  # cargo-cyclonedx reads `cargo metadata`, whose features are those of every target and every
  # dependency kind together: it lists crates that only a dev-dependency's features pull in (wgpu
  # and naga through egui_kittest, though the window is drawn with glow). What is compiled into the
  # binary is what `cargo tree -e normal --target` resolves, as `cargo build` does: the rest goes.
  built=$(cargo tree --locked -e normal --target "$t" --prefix none -f '{p}' | awk '{print $1, substr($2, 2)}' \
    | grep -v '^sso-diag ' | sort -u)
  extra=$(comm -23 <(jq -r '.components[] | "\(.name) \(.version)"' "$made" | sort -u) <(echo "$built"))
  # It names the root crate by its path on the build machine (path+file:///…#sso-diag@…): an SBOM
  # handed out must not, and two builds of one commit should not differ by it. Its purl names it.
  jq --arg old "path+file://$PWD#sso-diag@$version" --arg new "pkg:cargo/sso-diag@$version" \
    --arg keep "$built" '
    ($keep | split("\n") | map({key: ., value: true}) | from_entries) as $k
    | ([.components[] | select($k["\(.name) \(.version)"] | not) | .["bom-ref"]]
       | map({key: ., value: true}) | from_entries) as $gone
    | .components |= map(select($gone[.["bom-ref"]] | not))
    | .dependencies |= map(select($gone[.ref] | not) | if .dependsOn then .dependsOn |= map(select($gone[.] | not)) else . end)
    | walk(if . == $old then $new else . end)' "$made" > "$sbom"
  rm -f "$made"
  if grep -qE "$PWD|path\+file:" "$sbom"; then fail "the $t SBOM names a path of the build machine"; fi
  [ "$(jq -r '.components[] | "\(.name) \(.version)"' "$sbom" | sort -u)" = "$built" ] \
    || fail "the $t SBOM and cargo tree disagree on what is compiled in"
  python3 - "$sbom" <<'PY' || fail "the $t SBOM is not valid CycloneDX 1.5"
import sys
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
with open(sys.argv[1]) as f:
    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(f.read())
if error:
    print(error, file=sys.stderr)
    sys.exit(1)
PY
  echo "SBOM for $t: $(jq '.components | length' "$sbom") components, valid CycloneDX 1.5," \
    "root $(jq -r '.metadata.component["bom-ref"]' "$sbom");" \
    "left out, not compiled in: $(grep -c . <<<"$extra") ($(paste -sd ' ' <<<"$extra" | cut -c1-120)…)"
}

# rust_std_notices OUT: the notices of the Rust standard library, compiled into every Rust program
# (no SBOM lists it), as the toolchain that builds sso-diag ships them, made plain text.
rust_std_notices() {
  python3 - "$(rustc --print sysroot)/share/doc/rust/COPYRIGHT-library.html" > "$1" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"(?is)<(script|style)\b.*?</\1>", "", text)))
out = []
for line in (l.rstrip() for l in text.splitlines()):
    if line or (out and out[-1]):
        out.append(line)
print("\n".join(out).strip())
PY
  grep -q "Copyright notices for The Rust Standard Library" "$1" || fail "the Rust toolchain's COPYRIGHT-library.html"
}

# make_notices SBOM ABOUT_JSON PROGRAM OUT STD: the notices of the crates SBOM lists, from cargo-about's
# licences (dist/notices.jq), then the standard library's (STD); checked complete: every crate of
# the SBOM listed, each covered by a licence text, none of unknown licence.
make_notices() {
  local sbom=$1 listed covered missing uncovered
  {
    jq -r --slurpfile sbom "$sbom" --arg program "$3" -f dist/notices.jq "$2"
    printf '\n\nThe Rust standard library\n-------------------------\n\n'
    cat "$5"
  } > "$4"
  listed=$(sed -n '/^Crates$/,/^Licence texts$/p' "$4" | grep -E '^[^ ]+ [^ ]+: ' | cut -d: -f1 | sort -u)
  covered=$(sed -n '/^Licence texts$/,/^The Rust standard library$/s/^Used by: //p' "$4" | tr ',' '\n' \
    | sed 's/^ *//' | sort -u)
  missing=$(comm -23 <(jq -r '.components[] | "\(.name) \(.version)"' "$sbom" | sort -u) <(echo "$listed"))
  [ -z "$missing" ] || { echo "$missing" >&2; fail "the notices of $3 lack these crates of its SBOM"; }
  uncovered=$(comm -23 <(echo "$listed") <(echo "$covered"))
  [ -z "$uncovered" ] || { echo "$uncovered" >&2; fail "the notices of $3 give no licence text for these crates"; }
  if grep -qE '^[^ ]+ [^ ]+: (Unknown|Ignore)$' "$4"; then fail "a crate's licence is unknown ($3)"; fi
  echo "notices of $3: all $(grep -c . <<<"$listed") crates of its SBOM, each with its licence text" \
    "($(grep -c '^==== ' "$4") texts), and the Rust standard library's; $(wc -c <"$4") bytes"
}

# check_release_notes METAINFO: the AppStream release and the Debian changelog's first entry are
# this version (the RPM's %changelog is made from the Debian one).
check_release_notes() {
  local deb_version as_version
  deb_version=$(dpkg-parsechangelog -l dist/debian/changelog -S Version)
  [ "${deb_version%-*}" = "$version" ] || fail "dist/debian/changelog is at $deb_version, Cargo.toml at $version"
  as_version=$(grep -o '<release version="[^"]*"' "$1" | head -1 | cut -d'"' -f2)
  [ "$as_version" = "$version" ] || fail "the AppStream file's newest release is $as_version, not $version"
  echo "release notes: Debian changelog $deb_version, AppStream release $as_version"
}

# The Debian changelog as an RPM %changelog: "* Sun Dec 06 2026 Name <mail> - 0.1.0-1", then "- " items.
rpm_changelog() {
  awk '
    /^[^ ]/ { match($0, /\([^)]*\)/); ver = substr($0, RSTART + 1, RLENGTH - 2); n = 0; next }
    /^  \* / { item[++n] = "- " substr($0, 5); next }
    /^    [^ ]/ { item[++n] = "  " substr($0, 5); next }
    /^ -- / {
      line = substr($0, 5); who = line; sub(/  .*/, "", who); when = line; sub(/.*>  /, "", when)
      split(when, d, /[ ,]+/)
      printf "* %s %s %s %s %s - %s\n", d[1], d[3], d[2], d[4], who, ver
      for (i = 1; i <= n; i++) print item[i]
      print ""
    }' dist/debian/changelog
}
