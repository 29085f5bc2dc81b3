#!/usr/bin/env bash
# Prints the path of the Chromium the browser suite drives (playwright-core never downloads one),
# installing Debian's package first where it is missing, as on a fresh CI machine.
#
#   scripts/browser/chromium.sh      -> /usr/bin/chromium
#
# GATEHOUSE_CHROMIUM names another binary. Installing needs root (or passwordless sudo) and apt;
# elsewhere the script says what to install. Only progress goes to stderr; stdout carries the path.
set -euo pipefail

log() { printf '[chromium.sh] %s\n' "$*" >&2; }

if [[ -n "${GATEHOUSE_CHROMIUM:-}" ]]; then
  [[ -x "$GATEHOUSE_CHROMIUM" ]] || { log "GATEHOUSE_CHROMIUM=$GATEHOUSE_CHROMIUM is not an executable"; exit 1; }
  printf '%s\n' "$GATEHOUSE_CHROMIUM"
  exit 0
fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -x "$candidate" ]]; then printf '%s\n' "$candidate"; exit 0; fi
done

command -v apt-get >/dev/null 2>&1 || { log "no Chromium found and no apt-get to install it; install Chromium and set GATEHOUSE_CHROMIUM"; exit 1; }
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || { log "Chromium is missing; run: sudo apt-get install -y chromium"; exit 1; }
  sudo=(sudo -n)
fi

# Serialised: two suites starting at once must not run apt twice.
exec 9>"${TMPDIR:-/tmp}/gatehouse-chromium.lock"
flock 9
if [[ ! -x /usr/bin/chromium ]]; then
  log "installing Debian's chromium (first use on this machine; about a minute)"
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >&2
fi
printf '%s\n' /usr/bin/chromium
