#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests and benchmarks (never a downloaded browser build).
# Idempotent and quiet: does nothing when /usr/bin/chromium already exists; prints apt's log only on failure.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
    exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
    SUDO="sudo"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-browser.sh: could not install chromium with apt-get" >&2
    exit 1
fi
echo "installed $(/usr/bin/chromium --version 2>/dev/null)"
