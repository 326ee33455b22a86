#!/usr/bin/env bash
# Starts Calc under Xvfb over sample clients, one of them with a full profile (projects, hours,
# tasks, orders, invoices in EUR and USD, deals, files, notes), and saves the deck with that
# client selected and one PNG per tab of its profile dialog (throw-away profile and database).
# The ui-locale is the office's locale setting too (figures and dates follow it); the sample
# client's currency is EUR unless a third argument names another (MXN, BRL…).
# Usage: tests/profile_screenshots.sh [out-folder] [ui-locale] [currency]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/profile}"
locale="${2:-es-ES}"
currency="${3:-EUR}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-profile-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --profile-shots "$out" --sample-currency "$currency"
