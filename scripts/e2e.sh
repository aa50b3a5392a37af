#!/usr/bin/env bash
# Browser end-to-end tests: `scripts/e2e.sh [BUILD_DIR]` (default: build).
# Installs the npm packages if needed, then runs every tests/e2e/*.test.js with Node's test runner;
# each test file starts its own `cyberachat serve` (temporary data directory, free port) and drives
# Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with playwright-core.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
bin="$build/cyberachat"

if [ ! -x "$bin" ]; then
  echo "e2e: $bin not found: build Cyberachat first (make build)" >&2
  exit 1
fi
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "e2e: Chromium not found at $chromium (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 1
fi

bash "$root/scripts/install-node-deps.sh"
cd "$root"
# A hard cap on the whole run (E2E_TIMEOUT seconds, default 20 minutes): a test file whose set-up
# fails can leave its browser and server running, and Node 18's test runner then waits forever.
CYBERACHAT_BIN="$bin" CHROMIUM_PATH="$chromium" exec timeout --kill-after=30 "${E2E_TIMEOUT:-1200}" node --test tests/e2e/
