#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of tests/fuzz/ with clang (CMake option CYB_FUZZ, in
# their own build directory), runs each for FUZZ_SECONDS (60 by default) from its seed corpus and
# its regressions, and copies every crasher (crash, leak, timeout, out-of-memory input) into
# tests/fuzz/regressions/<target>/, which `make test` replays. New interesting inputs stay in the
# build directory's work corpus; the seeds in the repository are not touched.
# FUZZ_TARGETS="condition_parser request_json" runs only some targets. Compiler: clang 16 from
# Debian (FUZZ_CC/FUZZ_CXX to change it; clang 14 cannot capture structured bindings in lambdas).
set -euo pipefail
build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=(${FUZZ_TARGETS:-condition_parser definition_loader extension_loader workbook_reader request_json request_form archive_reader})
declare -A max_len=([condition_parser]=8192 [definition_loader]=16384 [extension_loader]=16384 [workbook_reader]=65536
                    [request_json]=8192 [request_form]=8192 [archive_reader]=65536)

CC=${FUZZ_CC:-clang-16} CXX=${FUZZ_CXX:-clang++-16} cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCYB_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target "${targets[@]/%/_fuzz}"

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
# Symbolized stacks in the logs (Debian's llvm-symbolizer, from clang 14's llvm, reads clang 16's output).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for symbolizer in /usr/lib/llvm-16/bin/llvm-symbolizer /usr/bin/llvm-symbolizer; do
    if [ -x "$symbolizer" ]; then export ASAN_SYMBOLIZER_PATH=$symbolizer; break; fi
  done
fi
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
summary=()
found=0
for target in "${targets[@]}"; do
  work="$build/fuzz-work/$target"
  mkdir -p "$work/corpus" "$work/artifacts"
  log="$work/fuzz.log"
  echo "fuzz: $target for ${seconds}s (log: $log)"
  # Fork mode: a crash is recorded and the run goes on until the time is up.
  "$build/tests/fuzz/${target}_fuzz" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$target]:-8192}" \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" >"$log" 2>&1 || true
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
  rate=$(sed -nE 's/.*exec\/s:? ([0-9]+).*/\1/p' <<<"$last")
  crashers=0
  for artifact in "$work"/artifacts/*; do
    [ -f "$artifact" ] || continue
    mkdir -p "tests/fuzz/regressions/$target"
    cp -n "$artifact" "tests/fuzz/regressions/$target/"
    echo "fuzz: $target: crasher $(basename "$artifact") → tests/fuzz/regressions/$target/" >&2
    crashers=$((crashers + 1))
  done
  found=$((found + crashers))
  elapsed=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
  average=$(( ${execs:-0} / (${elapsed:-$seconds} > 0 ? ${elapsed:-$seconds} : 1) ))
  summary+=("$target: ${execs:-?} executions in ${elapsed:-?}s (${average}/s on average; libFuzzer's last exec/s: ${rate:-?}), $crashers crasher(s)")
done
echo "fuzz: ${seconds}s per target"
printf '  %s\n' "${summary[@]}"
if [ $found -gt 0 ]; then
  echo "fuzz: $found crasher(s) copied into tests/fuzz/regressions/: make test replays them until fixed" \
       "(move one to tests/fuzz/pending/<target>/ while its bug is open)" >&2
  exit 1
fi
