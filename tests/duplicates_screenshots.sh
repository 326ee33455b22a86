#!/usr/bin/env bash
# Starts Calc under Xvfb over the sample clients plus near-duplicates of three of them, and saves
# "Buscar duplicados…" (the groups with their reasons and the clients side by side) and its merge
# step as PNGs (throw-away profile and database).
# Usage: tests/duplicates_screenshots.sh [out-folder] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/duplicates}"
locale="${2:-es-ES}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-duplicates-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --duplicates-shots "$out"
