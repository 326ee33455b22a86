#!/usr/bin/env bash
# The upgrade an admin does: the previous release (the second section of CHANGELOG.md; built
# here from its git tag, or from the commit its section names when the tag is not in this
# clone) installed, its register filled, this build's .oxt installed over it, and everything
# found again (tests/integration/upgrade_test.cpp).
# Usage: tests/release/upgrade-test.sh SOURCE_DIR BUILD_DIR
#   CLIENTES_PREVIOUS_OXT=path  use that .oxt as the previous release instead of building it
#   CLIENTES_KEEP_PREVIOUS=dir  keep the previous release's .oxt in dir (to run again quickly)
set -euo pipefail
source_dir="$(cd "$1" && pwd)"
build="$(cd "$2" && pwd)"
work="$(mktemp -d /tmp/clientes-upgrade.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${CLIENTES_PREVIOUS_OXT:-}" ]]; then
    exec "$build/tests/integration/integration_tests" --gtest_filter='Upgrade.*'
fi
previous="$(grep -oP '^## \K[0-9]+\.[0-9]+\.[0-9]+(?= — )' "$source_dir/CHANGELOG.md" | sed -n 2p)"
[[ -n "$previous" ]] || { echo "CHANGELOG.md names no previous release" >&2; exit 1; }
if git -C "$source_dir" rev-parse -q --verify "refs/tags/v$previous^{commit}" >/dev/null; then
    revision="v$previous"
else
    revision="$(awk -v v="$previous" '$0 ~ "^## "v" " {on=1; next} /^## / {on=0}
        on && match($0, /commit [0-9a-f]+/) {print substr($0, RSTART+7, RLENGTH-7); exit}' \
        "$source_dir/CHANGELOG.md")"
fi
[[ -n "$revision" ]] && git -C "$source_dir" cat-file -e "$revision^{commit}" 2>/dev/null || {
    echo "The previous release $previous (tag v$previous, or the commit CHANGELOG.md names) is" \
         "not in this clone's history: fetch its tags (git fetch --tags)" >&2
    exit 1
}
echo "Previous release: $previous ($revision)"

mkdir -p "$work/src"
git -C "$source_dir" archive "$revision" | tar -xf - -C "$work/src"
started=$SECONDS
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCLIENTES_BUILD_FAULT_TESTS=OFF >"$work/build.log" 2>&1 &&
    cmake --build "$work/build" --target oxt -j"$(nproc)" >>"$work/build.log" 2>&1 ||
    { tail -50 "$work/build.log"; exit 1; }
echo "Built $previous's .oxt in $((SECONDS - started)) s"
if [[ -n "${CLIENTES_KEEP_PREVIOUS:-}" ]]; then
    mkdir -p "$CLIENTES_KEEP_PREVIOUS"
    cp "$work/build/clientes.oxt" "$CLIENTES_KEEP_PREVIOUS/clientes-$previous.oxt"
fi

CLIENTES_PREVIOUS_OXT="$work/build/clientes.oxt" \
    "$build/tests/integration/integration_tests" --gtest_filter='Upgrade.*'
