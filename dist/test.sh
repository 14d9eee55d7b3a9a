#!/usr/bin/env bash
# README.md's test command: the whole suite, inside a private D-Bus session with a throwaway GNOME
# Keyring unlocked in it, so the keychain tests store and read secrets through a real Secret
# Service (tests/keychain_secret_service.rs) — never the user's own keyring. Installs what a fresh
# Debian machine lacks for that (as root, or through sudo). Arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# - curl: a test pastes the "Copy as curl" command into sh and checks it reproduces the request;
# - dbus, gnome-keyring: the Secret Service the keychain tests talk to;
# - libsecret-tools: secret-tool, which checks from outside that the secret really is in it.
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v dbus-run-session >/dev/null || missing+=(dbus)
command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
command -v secret-tool >/dev/null || missing+=(libsecret-tools)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} for the tests" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A keyring of its own each run: one left from a run with another password would stay locked.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
# No display: a keyring prompt on one would wait for an answer forever; without, it fails at once.
XDG_DATA_HOME="$keyring_home" SSO_DIAG_TEST_KEYRING=1 env -u DISPLAY -u WAYLAND_DISPLAY \
  dbus-run-session -- bash -euo pipefail -c '
    printf %s "sso-diag-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 50); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q "boolean true" && break
      sleep 0.1
    done
    exec cargo test --locked "$@"
  ' bash "$@"
