#!/usr/bin/env bash
# Starts Calc under Xvfb over a few sample clients (throw-away profile and database), binds them
# to a sheet ("Editar en Calc"), edits it and saves screenshots: the deck's publish bar with the
# edited cells highlighted, a publish whose wrong e-mail is marked, and a conflict with another
# user's save shown on its cell.
# Usage: tests/edit_in_calc_screenshots.sh [folder] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots}"
locale="${2:-es-ES}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --edit-shots "$out"
