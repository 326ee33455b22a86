#!/usr/bin/env bash
# Sets everything up (packages, build) and runs every test: unit tests of the core and
# integration tests against a real headless LibreOffice. Usage: tests/run-all-tests.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
"$here/packaging/setup-debian.sh" "$build"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
