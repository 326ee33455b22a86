#!/usr/bin/env bash
# Installs what Clientes needs on Debian 12 (when missing), then configures and builds it.
# Usage: packaging/setup-debian.sh [--with-test-tools] [build-dir]    (default: build)
#   --with-test-tools  also the tools of the hardening tests (tests/run-all-tests.sh): clang
#                      with libFuzzer and the sanitizer runtimes, llvm-symbolizer; and
#                      PostgreSQL 15's server programs, which the server tests run on their own
#                      loopback port (no service of the machine's is used)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
test_tools=0
if [[ "${1:-}" == --with-test-tools ]]; then
    test_tools=1
    shift
fi
build="${1:-$here/build}"

packages=(
    cmake g++ make pkg-config binutils unzip util-linux
    libreoffice-calc libreoffice-dev python3-uno
    libreoffice-l10n-es libreoffice-l10n-pt
    libsqlite3-dev libpq-dev libboost-dev libgtest-dev
    xvfb xauth xdotool imagemagick fonts-dejavu-core
)
# libclang-rt-14-dev holds libFuzzer (libclang_rt.fuzzer) and the ASan/UBSan runtimes.
((test_tools)) && packages+=(clang-14 libclang-rt-14-dev llvm-14 postgresql-15)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
fi

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$build" -j"$(nproc)"
echo "Built $build/clientes.oxt"
