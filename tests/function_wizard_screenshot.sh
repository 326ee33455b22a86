#!/usr/bin/env bash
# Starts Calc under Xvfb over a few sample clients (throw-away profile and database), puts the
# Clientes functions in a sheet and saves a screenshot of Insert ▸ Function on the CLIENTE
# cell: the function's name, description and arguments in the UI language.
# Usage: tests/function_wizard_screenshot.sh [out.png] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/function-wizard.png}"
locale="${2:-es-ES}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --function-wizard "$out"
