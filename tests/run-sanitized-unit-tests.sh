#!/usr/bin/env bash
# Builds the core's unit tests and the store's fault-injection tests with AddressSanitizer
# (leaks included) and UndefinedBehaviorSanitizer (any undefined behaviour fails the test) and
# runs them. No office is needed: the UNO component is not built.
# Usage: tests/run-sanitized-unit-tests.sh [build-dir]    (default: build-sanitize)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build-sanitize}"
flags="-O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCLIENTES_BUILD_EXTENSION=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    >/dev/null
cmake --build "$build" -j"$(nproc)" --target unit_tests fault_tests

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
# One process for all the unit tests (one per test, as ctest does it, costs minutes of
# sanitizer start-up); the fault tests as ctest knows them.
./unit_tests --gtest_brief=1
ctest -R '^fault\.' --output-on-failure
