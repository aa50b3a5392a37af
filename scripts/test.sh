#!/usr/bin/env bash
# `make test`: every test — unit, CLI, store and HTTP (CTest), then the browser tests (Playwright
# driving Debian's Chromium). Fails if any fails.
set -euo pipefail
build=${1:-build}
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" || status=$?
bash scripts/e2e.sh "$build" || status=$?
exit $status
