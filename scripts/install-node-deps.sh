#!/usr/bin/env bash
# Installs the browser tests' npm packages (tests/e2e: playwright-core, axe-core), exactly as pinned
# in tests/e2e/package-lock.json — or, given another folder of the repository (bench/browser, by
# scripts/install-bench-deps.sh), that folder's. Idempotent: `npm ci` runs only when node_modules
# is missing or older than the lock file. No browser is downloaded: the tests drive Debian's Chromium.
set -euo pipefail
folder=${1:-tests/e2e}
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/$folder"
name=${INSTALL_NODE_DEPS_NAME:-install-node-deps}

if ! command -v npm >/dev/null 2>&1; then
  echo "$name: npm is missing (scripts/install-deps.sh installs Node.js and npm)" >&2
  exit 1
fi

# npm ci writes node_modules/.package-lock.json: its date is the date of the last install.
stamp="$dir/node_modules/.package-lock.json"
if [ -d "$dir/node_modules" ] && [ -f "$stamp" ] && ! [ "$dir/package-lock.json" -nt "$stamp" ]; then
  echo "$name: $folder/node_modules is up to date"
  exit 0
fi

echo "$name: npm ci in $folder"
# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing, but make sure of it.
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
