#!/usr/bin/env bash
# `make soak`: the crash-durability test (tests/http/crash_durability_test.cpp) with many more
# kill/restart cycles than `make test` runs: CYB_SOAK_CYCLES (50 by default), CYB_SOAK_SEED to
# replay a given run. Prints the figures: cycles, acknowledged answers and documents, writes checked.
# It runs the SQLite variant, which checks the acknowledged writes and the file's integrity_check.
set -euo pipefail
build=${1:-build}
export CYB_SOAK_CYCLES=${CYB_SOAK_CYCLES:-50}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target http_tests
started=$(date +%s)
"$build"/tests/http_tests --gtest_filter='SqliteCrashDurability.*' --gtest_color=no
echo "soak: ${CYB_SOAK_CYCLES} cycles in $(( $(date +%s) - started )) s"
