#!/usr/bin/env bash
# `make test`: every test — unit and CLI (CTest), then HTTP and browser tests when present.
set -euo pipefail
build=${1:-build}
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
