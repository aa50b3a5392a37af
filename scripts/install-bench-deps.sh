#!/usr/bin/env bash
# Installs the browser benchmark's npm packages (bench/browser: survey-core and survey-js-ui, the
# SurveyJS library it compares against), exactly as pinned in bench/browser/package-lock.json.
# Idempotent: `npm ci` runs only when node_modules is missing or older than the lock file
# (scripts/install-node-deps.sh does the work). The Debian packages the benchmarks use (chromium,
# nginx-light, wrk) come with scripts/install-deps.sh, which `make bench` runs first through
# `make build`. No browser is downloaded: the benchmark drives Debian's Chromium.
set -euo pipefail
INSTALL_NODE_DEPS_NAME=install-bench-deps exec bash "$(dirname "${BASH_SOURCE[0]}")/install-node-deps.sh" bench/browser
