#!/usr/bin/env bash
# Creates (or reuses) the Python virtual environments for the local Airflow / Dagster test instances, and for
# schemathesis, which `npm run test:api` runs against Gatehouse's OpenAPI document, and for datacontract-cli, which
# `npm run test:contracts` runs against the ODCS contracts Gatehouse exports.
#
#   scripts/orchestrators/venv.sh airflow     -> prints the Airflow venv path
#   scripts/orchestrators/venv.sh dagster     -> prints the Dagster venv path
#   scripts/orchestrators/venv.sh schemathesis -> prints the schemathesis venv path
#   scripts/orchestrators/venv.sh datacontract -> prints the datacontract-cli venv path
#   scripts/orchestrators/venv.sh [all]       -> prints "airflow=<path>" and "dagster=<path>"
#
# Venvs live OUTSIDE the checkout:
#   ${GATEHOUSE_CACHE_DIR:-$HOME/.cache/gatehouse}/venv-<kind>-<first 12 hex of sha256(<kind>.lock)>
# and are installed with `pip install --no-deps` from the lock, then `pip check`. A venv is valid only once the
# marker file .gatehouse-ready is written at the very end; a half-built one is wiped and rebuilt. The wheels are
# kept in a wheelhouse next to it (wheels-<kind>-<hash>), so a venv can be rebuilt offline once it was built once.
# Concurrent callers are serialised with flock. Only progress goes to stderr; stdout carries just the path(s).
#
# Environment:
#   GATEHOUSE_CACHE_DIR   cache root (default $HOME/.cache/gatehouse)
#   GATEHOUSE_PYTHON      interpreter to build the venvs with (default: python3.11, else python3); must be 3.11
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${GATEHOUSE_CACHE_DIR:-${HOME:?HOME is not set}/.cache/gatehouse}"
want_py="3.11"

log() { printf '[venv.sh] %s\n' "$*" >&2; }
die() { printf '[venv.sh] ERROR: %s\n' "$*" >&2; exit 1; }

pick_python() {
  local candidates=()
  if [[ -n "${GATEHOUSE_PYTHON:-}" ]]; then candidates=("$GATEHOUSE_PYTHON"); else candidates=(python3.11 python3); fi
  local c v
  for c in "${candidates[@]}"; do
    command -v "$c" >/dev/null 2>&1 || continue
    v="$("$c" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
    if [[ "$v" == "$want_py" ]]; then printf '%s\n' "$(command -v "$c")"; return 0; fi
  done
  die "need Python $want_py (the locks pin cp311 wheels); tried: ${candidates[*]}. Set GATEHOUSE_PYTHON."
}

# ensure_venv KIND -> prints the venv path on stdout
ensure_venv() {
  local kind="$1"
  local lock="$here/$kind.lock"
  [[ -f "$lock" ]] || die "no lock file $lock"
  local hash
  hash="$(sha256sum "$lock" | cut -c1-12)"
  local venv="$cache/venv-$kind-$hash"
  local wheels="$cache/wheels-$kind-$hash"
  local marker="$venv/.gatehouse-ready"
  mkdir -p "$cache"

  # Fast path without taking the lock.
  if [[ -f "$marker" && -x "$venv/bin/python" ]]; then printf '%s\n' "$venv"; return 0; fi

  exec 9>"$cache/.venv-$kind-$hash.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -n 9 || { log "another process is building the $kind venv; waiting"; flock 9; }
  fi
  if [[ -f "$marker" && -x "$venv/bin/python" ]]; then exec 9>&-; printf '%s\n' "$venv"; return 0; fi

  local py; py="$(pick_python)"
  local t0=$SECONDS
  log "building $kind venv at $venv (python: $py)"
  rm -rf "$venv"
  "$py" -m venv "$venv"
  local pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)

  # 1) try the wheelhouse (offline); 2) otherwise fill it from the index and install from it.
  if [[ -f "$wheels/.complete" ]] && \
     "${pip[@]}" install -q --no-deps --no-index --find-links "$wheels" -r "$lock" >&2; then
    log "installed $kind from the wheelhouse $wheels (offline)"
  else
    log "downloading $kind wheels into $wheels"
    rm -f "$wheels/.complete"
    mkdir -p "$wheels"
    "${pip[@]}" download -q --no-deps --only-binary=:all: -d "$wheels" -r "$lock" >&2
    touch "$wheels/.complete"
    "${pip[@]}" install -q --no-deps --no-index --find-links "$wheels" -r "$lock" >&2
  fi
  "${pip[@]}" check >&2 || die "pip check failed for $kind venv $venv"
  {
    printf 'lock=%s\nlock_sha256=%s\n' "$lock" "$(sha256sum "$lock" | cut -d' ' -f1)"
    printf 'python=%s\nbuilt=%s\nseconds=%s\n' "$("$venv/bin/python" -V 2>&1)" "$(date -u +%FT%TZ)" "$((SECONDS - t0))"
  } > "$marker.tmp"
  mv "$marker.tmp" "$marker"
  log "$kind venv ready in $((SECONDS - t0)) s"
  exec 9>&-
  printf '%s\n' "$venv"
}

what="${1:-all}"
case "$what" in
  airflow|dagster|schemathesis|datacontract) ensure_venv "$what" ;;
  all)
    a="$(ensure_venv airflow)"; d="$(ensure_venv dagster)"
    printf 'airflow=%s\ndagster=%s\n' "$a" "$d" ;;
  -h|--help) sed -n '2,20p' "$0" ;;
  *) die "unknown kind '$what' (airflow|dagster|schemathesis|datacontract|all)" ;;
esac
