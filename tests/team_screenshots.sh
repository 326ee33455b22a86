#!/usr/bin/env bash
# Team mode under Xvfb: a PostgreSQL 15 server of the script's own (a throw-away cluster on a
# free loopback port, as "nobody" when run as root), sample clients saved by one user (marta,
# the owner), changed by another (beto, of the clientes_edit role), and three screenshots: the
# deck connected to the server, the profile's Actividad saying who did what, the deck while
# the server is away; and the options page in both modes (the server one set up as a user
# would, with "Probar conexión" pressed when xdotool is there). Needs postgresql-15 (packaging/setup-debian.sh --with-test-tools).
# Usage: tests/team_screenshots.sh [out-folder] [ui-locale]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CLIENTES_BUILD_DIR:-$here/build}"
out="${1:-$build/screenshots/team}"
locale="${2:-es-ES}"
bin="${CLIENTES_PG_BIN:-/usr/lib/postgresql/15/bin}"
[[ -f "$build/clientes.oxt" ]] || "$here/packaging/setup-debian.sh" "$build"
mkdir -p "$out"
work="$(mktemp -d /tmp/clientes-team-shot-XXXXXX)"
as_owner=()
if [[ $EUID -eq 0 ]]; then
    chown nobody "$work"
    as_owner=(runuser -u nobody --)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pg_ctl() { (cd "$work" && "${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" "$@"); }
stop_server() { pg_ctl -m immediate -w stop > /dev/null 2>&1 || true; }
trap 'stop_server; [[ -n "${CLIENTES_KEEP_TEST_DIRS:-}" ]] || rm -rf "$work"' EXIT
(cd "$work" && "${as_owner[@]}" "$bin/initdb" -D "$work/data" -U marta --auth=trust -E UTF8 \
    --locale=C.UTF-8 > "$work/initdb.log")
pg_ctl -l "$work/server.log" -w -o "-p $port -c listen_addresses=127.0.0.1 -k $work -c log_min_error_statement=error" start \
    > /dev/null
psql="psql -q -h 127.0.0.1 -p $port -U marta"
$psql -d postgres -c "CREATE DATABASE clientes"
conninfo="host=127.0.0.1 port=$port dbname=clientes"

office() {
    local name="$1"
    shift
    rm -rf "$work/$name"
    mkdir -p "$work/$name"
    xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
        /usr/bin/python3 "$here/packaging/clientes_office.py" --oxt "$build/clientes.oxt" \
        --types "$build/clientes.rdb" --profile "$work/$name/profile" --ui-locale "$locale" "$@"
}

# marta (the owner) creates the register and the samples; then the roles and beto's login.
office marta --server "$conninfo user=marta" --profile-samples --samples-only
$psql -d clientes -v ON_ERROR_STOP=1 --single-transaction -f "$here/packaging/server/clientes-roles.sql"
$psql -d clientes -c "CREATE ROLE beto LOGIN IN ROLE clientes_edit"
# beto changes a client and adds a note: the Actividad tab shows both users.
office beto --server "$conninfo user=beto" --touch --screenshot "$out/team-activity.png" \
    --profile-tab Activity
office beto-deck --server "$conninfo user=beto" --screenshot "$out/team-deck.png"
office beto-away --server "$conninfo user=beto" --screenshot "$out/team-server-away.png" \
    --outage "cd '$work' && ${as_owner[*]} '$bin/pg_ctl' -D '$work/data' -m immediate -w stop"
office options-file --options-page "$out/options-file.png"
office options-server --settings "host=127.0.0.1 port=$port dbname=clientes user=beto sslmode=disable" \
    --options-page "$out/options-server.png"
