#!/usr/bin/env bash
# `make sanitize`: builds the server and the unit, CLI, store, view, web and HTTP tests (and the fuzz
# corpus replays) under AddressSanitizer + UndefinedBehaviorSanitizer in their own build directory
# (CMake option CYB_SANITIZE), then runs them with CTest. Fails on a failing test, and on any
# sanitizer report, including those of the servers and CLI processes the tests start: every
# process writes its reports under one directory (log_path), checked at the end.
set -euo pipefail
build=${1:-build-asan}
jobs=${JOBS:-$(nproc)}
cmake -S . -B "$build" -G Ninja -DCYB_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" >/dev/null
targets=(cyberachat unit_tests cli_tests store_tests view_tests web_tests http_tests
         condition_parser_replay definition_loader_replay workbook_reader_replay request_json_replay request_form_replay
         archive_reader_replay)
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

reports=$(mktemp -d /tmp/cyb-sanitize-XXXXXX)
# Leaks of third-party libraries' own caches, never freed by design (not ours to fix):
# fontconfig's font set and patterns, loaded once by pango (PDF) and Graphviz (flowcharts).
suppressions=$(mktemp /tmp/cyb-lsan-XXXXXX.supp)
cat >"$suppressions" <<'SUPP'
leak:libfontconfig.so
SUPP
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
status=0
ctest --test-dir "$build" --output-on-failure -j "$jobs" || status=$?
if compgen -G "$reports/*" >/dev/null; then
  echo "sanitize: sanitizer reports (one file per process):" >&2
  for report in "$reports"/*; do echo "---- $report" >&2; cat "$report" >&2; done
  status=1
else
  rmdir "$reports"
fi
rm -f "$suppressions"
[ $status -eq 0 ] && echo "sanitize: every test passed under ASan + UBSan, no sanitizer report"
exit $status
