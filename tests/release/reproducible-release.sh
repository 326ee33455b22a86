#!/usr/bin/env bash
# The release is reproducible: the release target of BUILD (an existing build folder) and of a
# clean build of the same sources in other folders (sources copied elsewhere, a new build folder,
# same build type and release URL) give the same bytes, file by file.
# Usage: tests/release/reproducible-release.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$(cd "$1" && pwd)"
build="$(cd "$2" && pwd)"
work="$(mktemp -d /tmp/clientes-reproducible.XXXXXX)"
trap '[[ ${keep:-0} == 1 ]] || rm -rf "$work"' EXIT

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
build_type="$(cache_value CMAKE_BUILD_TYPE)"
release_url="$(cache_value CLIENTES_RELEASE_URL)"

cmake --build "$build" --target release -j"$(nproc)" >"$work/first.log" 2>&1 ||
    { cat "$work/first.log"; exit 1; }

# The same sources elsewhere: what git tracks plus new files it does not ignore.
mkdir -p "$work/src"
if git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$source_dir" && git ls-files -z --cached --others --exclude-standard |
        xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$work/src"
else
    (cd "$source_dir" && tar -cf - --exclude='./build*' .) | tar -xf - -C "$work/src"
fi
started=$SECONDS
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE="$build_type" \
    -DCLIENTES_RELEASE_URL="$release_url" -DCLIENTES_BUILD_FAULT_TESTS=OFF >"$work/second.log" 2>&1 &&
    cmake --build "$work/build" --target release -j"$(nproc)" >>"$work/second.log" 2>&1 ||
    { tail -50 "$work/second.log"; exit 1; }
echo "Clean build of the release in another folder: $((SECONDS - started)) s"

status=0
for file in "$build"/release/*; do
    name="$(basename "$file")"
    if cmp -s "$file" "$work/build/release/$name"; then
        echo "same bytes: $name ($(stat -c %s "$file") bytes, sha256 $(sha256sum "$file" | cut -c1-16)…)"
    else
        echo "DIFFERENT: $name (the second build is kept in $work/build)" >&2
        status=1
        keep=1
        if [[ "$name" == *.oxt ]]; then
            diff <(unzip -v "$file" | awk 'NR>3 {print $7, $8}') \
                <(unzip -v "$work/build/release/$name" | awk 'NR>3 {print $7, $8}') >&2 || true
        fi
    fi
done
count_first=$(ls "$build/release" | wc -l)
count_second=$(ls "$work/build/release" | wc -l)
if [[ $count_first -ne $count_second || $count_first -lt 5 ]]; then
    echo "The two releases hold $count_first and $count_second files (expected the same, ≥ 5)" >&2
    status=1
fi
exit $status
