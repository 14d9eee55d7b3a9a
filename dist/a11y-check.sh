#!/usr/bin/env bash
# The window as a screen reader reads it: starts the release build (or the binary given) under
# Xvfb with the AT-SPI accessibility bus on and a screen reader announced, and walks the tree as
# Orca would (dist/a11y-walk.py) — failing on an unnamed window or control, a value without a
# range, a result that is not announced, or Exchange more than 8 Tab presses from the start.
#
#   dist/a11y-check.sh [BINARY]       default: target/release/sso-diag
#
# Installs what a fresh Debian lacks (xvfb, xdotool, at-spi2-core, python3-pyatspi, dbus-x11).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/sso-diag}
[ -x "$bin" ] || { echo "FAILED: no binary at $bin (build it first)" >&2; exit 1; }
missing=()
for p in xvfb xdotool at-spi2-core python3-pyatspi dbus-x11; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

display=:$(( 200 + RANDOM % 300 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
export DISPLAY=$display
unset WAYLAND_DISPLAY
export SSO_DIAG_DATA_DIR=$data SSO_DIAG_LANG=en

dbus-run-session -- bash -euo pipefail -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  for _ in $(seq 50); do
    busctl --user status org.a11y.Bus >/dev/null 2>&1 && break
    sleep 0.1
  done
  busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true
  busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status ScreenReaderEnabled b true
  "$1" --demo >"$2/window.log" 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 dist/a11y-walk.py || status=$?
  kill $app $launcher 2>/dev/null || true
  exit $status
' bash "$bin" "$data"
