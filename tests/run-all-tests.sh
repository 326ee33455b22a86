#!/usr/bin/env bash
# Sets everything up (packages, build) and runs every test: unit tests of the core, the store's
# fault-injection tests and integration tests against a real headless LibreOffice (ctest), the
# unit and fault tests again under AddressSanitizer + UndefinedBehaviorSanitizer, and a short
# fuzzing run of every parser of outside input. Usage: tests/run-all-tests.sh
#   CLIENTES_FUZZ_SECONDS  seconds per fuzz target (default 15)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
"$here/packaging/setup-debian.sh" --with-test-tools "$build"

failed=()
started=$SECONDS
"$here/tests/run-sanitized-unit-tests.sh" "$here/build-sanitize" || failed+=("sanitizer unit tests")
echo "Sanitizer unit and fault tests: $((SECONDS - started)) s"
started=$SECONDS
CLIENTES_FUZZ_BUILD_DIR="$here/build-fuzz" "$here/tests/fuzz/run-fuzz.sh" \
    "${CLIENTES_FUZZ_SECONDS:-15}" || failed+=("fuzzing")
echo "Fuzzing: $((SECONDS - started)) s"

cd "$build"
ctest --output-on-failure -j"$(nproc)" || failed+=("ctest")
if ((${#failed[@]})); then
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
