#!/usr/bin/env bash
# Quick start: installs what is missing, builds clientes.oxt, installs it into a LibreOffice
# profile and opens Calc with the Clientes deck. With no display, Calc runs under Xvfb and a
# screenshot is saved instead (its path is printed).
#
#   CLIENTES_PROFILE  profile to install into (default: a profile of its own, so that your
#                     everyday LibreOffice is not touched; see README for a normal install)
#   CLIENTES_DB       database file (default: clientes/clientes.db inside that profile)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
"$here/packaging/setup-debian.sh" "$build"

if [[ $(id -u) -eq 0 ]]; then
    # unopkg installs per user only as an ordinary user: the demo profile must be reachable
    # by 'nobody', which a folder under /root is not.
    default_profile=/var/tmp/clientes-demo/profile
else
    default_profile="${XDG_DATA_HOME:-$HOME/.local/share}/clientes-demo/profile"
fi
profile="${CLIENTES_PROFILE:-$default_profile}"
args=(--oxt "$build/clientes.oxt" --types "$build/clientes.rdb" --profile "$profile")
[[ -n "${CLIENTES_DB:-}" ]] && args+=(--database "$CLIENTES_DB")

if [[ -n "${DISPLAY:-}" ]]; then
    exec /usr/bin/python3 "$here/packaging/clientes_office.py" "${args[@]}"
fi
shot="$build/screenshots/clientes-deck.png"
xvfb-run -a -s "-screen 0 1280x860x24 -nolisten tcp" \
    /usr/bin/python3 "$here/packaging/clientes_office.py" "${args[@]}" --screenshot "$shot"
echo "No display: Calc ran under Xvfb. Screenshot: $shot"
