#!/usr/bin/env bash
# Builds the core's unit tests, the store's fault-injection tests and the team store's tests
# against a PostgreSQL server of their own (tests/server) with AddressSanitizer
# (leaks included) and UndefinedBehaviorSanitizer (any undefined behaviour fails the run; with
# float-to-int overflow, which gcc leaves out of "undefined", and the standard library's own
# bounds checks) and runs them. No office is needed: the UNO component is not built.
# Usage: tests/run-sanitized-unit-tests.sh [build-dir]    (default: build-sanitize)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build-sanitize}"
sanitizers="address,undefined,float-cast-overflow"
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=$sanitizers -fno-sanitize-recover=all"
flags+=" -D_GLIBCXX_ASSERTIONS"

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCLIENTES_BUILD_EXTENSION=OFF \
    -DCLIENTES_BUILD_FAULT_TESTS=ON -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=$sanitizers" >/dev/null
cmake --build "$build" -j"$(nproc)" --target unit_tests fault_tests server_tests

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Each binary in one process (ctest's one process per test costs minutes of sanitizer
# start-up); both print gtest's summary, and any sanitizer report ends the run with an error.
echo "== unit tests under ASan + UBSan"
"$build/unit_tests" --gtest_brief=1
# The fault tests with a third of their faults: ASan makes them four times slower.
echo "== fault-injection tests under ASan + UBSan"
CLIENTES_FAULT_BUDGET="${CLIENTES_FAULT_BUDGET:-20}" "$build/tests/fault/fault_tests" --gtest_brief=1
echo "== team store tests (a PostgreSQL server of their own) under ASan + UBSan"
"$build/tests/server/server_tests" --gtest_brief=1
