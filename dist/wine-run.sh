#!/usr/bin/env bash
# Run a Windows build of the app under wine, here on Linux, to check that the .exe really works
# (dist/build.sh and CI use it; a copy of the team's shared/tools/wine-run.sh, kept in the repository
# so a fresh clone has it).
#
#   wine-run.sh PROGRAM.exe [ARGS...]                      run it; its output and exit code pass through
#   wine-run.sh --screenshot OUT.png [--wait S] PROGRAM.exe [ARGS...]   run it in a virtual display and take a picture
#
# Installs wine64 and the MinGW cross compiler with apt-get if missing. Debian 12's wine 8 lacks
# bcryptprimitives.dll (ProcessPrng), which Rust's standard library imports on Windows; for testing only,
# this script builds a small stand-in that forwards to RtlGenRandom and puts it in its own wine prefix.
# The prefix lives in $WINEPREFIX (default /tmp/sso-diag-wine) and is reused.
set -euo pipefail
shot=""; wait_s=5
while [ $# -gt 0 ]; do
  case $1 in
    --screenshot) shot=$2; shift 2 ;;
    --wait) wait_s=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: wine-run.sh [--screenshot OUT.png [--wait S]] PROGRAM.exe [ARGS...]" >&2; exit 2; }
if ! [ -x /usr/lib/wine/wine64 ] || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends wine64 gcc-mingw-w64-x86-64 >/dev/null
fi
export WINEPREFIX=${WINEPREFIX:-/tmp/sso-diag-wine} WINEDEBUG=${WINEDEBUG:--all}
sys32=$WINEPREFIX/drive_c/windows/system32
if [ ! -f "$sys32/bcryptprimitives.dll" ]; then
  DISPLAY= /usr/lib/wine/wine64 wineboot -i >/dev/null 2>&1 || true
  /usr/lib/wine/wineserver -w 2>/dev/null || true   # let the new prefix finish setting itself up
  tmp=$(mktemp -d)
  cat > "$tmp/stub.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" "$tmp/stub.c" -ladvapi32
  rm -rf "$tmp"
fi
if [ -z "$shot" ]; then
  exec /usr/lib/wine/wine64 "$@"
fi
command -v Xvfb >/dev/null && command -v import >/dev/null || apt-get install -y -qq --no-install-recommends xvfb imagemagick >/dev/null
disp=:$(( 500 + RANDOM % 400 ))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "${app:-}" "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$disp /usr/lib/wine/wine64 "$@" >"$shot.log" 2>&1 &
app=$!
sleep "$wait_s"
DISPLAY=$disp import -window root "$shot"
echo "$shot"
