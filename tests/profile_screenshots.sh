#!/usr/bin/env bash
# Starts Calc under Xvfb over sample clients, one of them with a full profile (projects, hours,
# tasks, orders, invoices in EUR and USD, deals, files, notes), and saves the deck with that
# client selected and one PNG per tab of its profile dialog (throw-away profile and database).
# Usage: tests/profile_screenshots.sh [out-folder] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/profile}"
locale="${2:-es-ES}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-profile-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --profile-shots "$out"
