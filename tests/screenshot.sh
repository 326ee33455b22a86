#!/usr/bin/env bash
# Starts Calc under Xvfb with the Clientes deck open over a few sample clients (throw-away
# profile and database) and saves a screenshot.
# The ui-locale is the office's locale setting too (figures and dates follow it).
# Usage: tests/screenshot.sh [out.png] [ui-locale] [add|add-invalid|edit|export]
# (also show that dialog; edit: the client dialog of a client with a full profile)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/deck-sample.png}"
locale="${2:-es-ES}"
dialog=()
[[ -n "${3:-}" ]] && dialog=(--dialog "$3")
[[ "${3:-}" == edit ]] && dialog+=(--profile-samples)
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
work="$(mktemp -d /tmp/clientes-shot-XXXXXX)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
    --types "$build/clientes.rdb" --profile "$work/profile" --database "$work/clientes.db" \
    --ui-locale "$locale" --samples --screenshot "$out" "${dialog[@]}"
