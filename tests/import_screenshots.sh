#!/usr/bin/env bash
# Walks the import wizard (source, columns, check with the cells marked, result), the export
# dialogs and the invoice import over sample data, under Xvfb, saving one PNG per step.
# Usage: tests/import_screenshots.sh [folder] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
folder="${1:-$build/screenshots/import}"
locale="${2:-es-ES}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-import-shots-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --import-shots "$folder"
