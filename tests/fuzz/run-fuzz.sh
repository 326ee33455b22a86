#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer, UndefinedBehaviorSanitizer, leak
# checks) and runs each one for a bounded time, from its seed corpus (tests/fuzz/corpus/<target>)
# plus what earlier runs in the same build directory found. Fails on any crash, leak, broken
# invariant, timeout or memory blow-up; the input that did it is kept in <build>/artifacts/.
#
# Usage: tests/fuzz/run-fuzz.sh [seconds-per-target [target...]]   (default: 20 s, all targets)
#   CLIENTES_FUZZ_BUILD_DIR  build directory (default: build-fuzz)
#   Reproduce a failure:     <build>/tests/fuzz/fuzz_<name> <build>/artifacts/fuzz_<name>-crash-…
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CLIENTES_FUZZ_BUILD_DIR:-$here/build-fuzz}"
seconds="${1:-20}"
shift || true
targets=("$@")
((${#targets[@]})) ||
    targets=(fuzz_tax_id fuzz_text_fold fuzz_header_mapping fuzz_import_plan fuzz_money fuzz_dates)

cc="$(command -v clang-14 || command -v clang || true)"
cxx="$(command -v clang++-14 || command -v clang++ || true)"
if [[ -z "$cxx" ]]; then
    echo "run-fuzz: clang is missing (packaging/setup-debian.sh --with-test-tools installs it)" >&2
    exit 1
fi
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags+=" -fno-sanitize-recover=undefined"
cmake -S "$here" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DCLIENTES_BUILD_EXTENSION=OFF \
    -DCLIENTES_BUILD_FUZZERS=ON -DCLIENTES_BUILD_FAULT_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_all

symbolizer="$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer ||
    ls /usr/lib/llvm-14/bin/llvm-symbolizer 2>/dev/null || true)"
[[ -n "$symbolizer" ]] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

mkdir -p "$build/artifacts" "$build/logs"
passed=0
failed=0
summary=()
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    args=("-max_total_time=$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024
        -max_len=4096 -print_final_stats=1 "-artifact_prefix=$build/artifacts/$target-")
    [[ -f "$here/tests/fuzz/$target.dict" ]] && args+=("-dict=$here/tests/fuzz/$target.dict")
    seeds=()
    [[ -d "$here/tests/fuzz/corpus/$target" ]] && seeds+=("$here/tests/fuzz/corpus/$target")
    log="$build/logs/$target.log"
    set +e
    "$build/tests/fuzz/$target" "${args[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
    rc=$?
    set -e
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    if ((rc == 0)); then
        passed=$((passed + 1))
        summary+=("$(printf '  %-22s %10s runs %8s/s  ok' "$target" "${runs:-?}" "${speed:-?}")")
    else
        failed=$((failed + 1))
        summary+=("$(printf '  %-22s %10s runs %8s/s  FAILED (exit %d, log %s)' "$target" \
            "${runs:-?}" "${speed:-?}" "$rc" "$log")")
        echo "---- $target failed; the end of its log:" >&2
        grep -v '^#[0-9]' "$log" | tail -60 >&2
    fi
done
echo "Fuzzing, $seconds s per target:"
printf '%s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
