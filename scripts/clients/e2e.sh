#!/usr/bin/env bash
# Runs the clients' end-to-end examples against a real server with the demo data, and fails when
# either fails:
#   clients/typescript/examples/workflow.ts   (type-checked with tsc, then run with tsx)
#   clients/python/examples/workflow.py       (with the committed budget_monitor_client package)
# Each example logs in as jn.kj.officer, fills in and submits a draft report of the 2021 round,
# approves it as jn.finance and checks the overview statistics of Jinan.
#
# Usage:
#   scripts/clients/e2e.sh                 against BASE_URL (default http://127.0.0.1:8080), a
#                                          server with the demo data (`budget-monitor seed-demo`)
#   scripts/clients/e2e.sh --with-server   builds the debug binary, seeds a scratch database, serves
#                                          it on a free port, runs the examples against it, then
#                                          stops the server and drops the database (for CI)
#
# Each run turns two of the six JN-KJ drafts of a freshly seeded database into approved reports,
# so a server seeded once allows three runs; --with-server starts from a fresh database every time.
# --with-server uses the PostgreSQL server of TEST_DATABASE_URL (as scripts/test.sh does; default
# postgres://postgres@127.0.0.1:5432/postgres), starting or installing it when needed, and needs
# cargo and psql. The pinned Node and Python tools are installed by scripts/clients/tools.sh.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
source "$root/scripts/lib/postgres.sh"

with_server=0
for arg in "$@"; do
    case "$arg" in
    --with-server) with_server=1 ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "e2e.sh: unknown argument $arg (try --help)" >&2
        exit 2
        ;;
    esac
done

e2e_started=$(date +%s)
step() { printf '\n== [e2e %3ss] %s\n' "$(($(date +%s) - e2e_started))" "$*" >&2; }

# 200 from BASE_URL/readyz within $1 seconds; while waiting, stops early when the process $2 (if
# given) has exited.
wait_ready() {
    local seconds=$1 pid=${2:-} i
    for ((i = 0; i < seconds * 4; i++)); do
        if "${PYTHON:-python3}" - "$BASE_URL/readyz" <<'EOF' 2>/dev/null; then
import sys, urllib.request
sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
EOF
            return 0
        fi
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        sleep 0.25
    done
    return 1
}

# --- --with-server: a scratch database and a server of our own ----------------------------------

work=""
server_pid=""
scratch_db=""
maintenance_url=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        step "stopping the server (pid $server_pid)"
        kill -TERM "$server_pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 140; i++)); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.25
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "the server did not stop within 35 s: killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ -n "$scratch_db" ]]; then
        step "dropping the scratch database $scratch_db"
        psql "$maintenance_url" -qAt -v ON_ERROR_STOP=1 \
            -c "DROP DATABASE IF EXISTS \"$scratch_db\" WITH (FORCE)" >&2 ||
            echo "e2e.sh: could not drop $scratch_db; drop it by hand" >&2
    fi
    [[ -n "$work" ]] && rm -rf "$work"
    exit "$status"
}

start_server() {
    maintenance_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
    work="$(mktemp -d)"
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    step "checking the build dependencies and PostgreSQL (scripts/lib/postgres.sh)"
    ensure_build_deps
    ensure_postgres "$maintenance_url"
    if ! command -v psql >/dev/null 2>&1; then
        apt_install postgresql-client || {
            echo "e2e.sh: --with-server needs psql (apt-get install postgresql-client)" >&2
            exit 1
        }
    fi

    step "building the service (cargo build --locked, debug)"
    (cd "$root" && cargo build --locked --bin budget-monitor)
    # A copy, so a rebuild by someone else while this runs cannot swap the binary between the
    # seeding and the serving.
    cp "${CARGO_TARGET_DIR:-$root/target}/debug/budget-monitor" "$work/budget-monitor"

    local port base query
    port=$("${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    scratch_db="bm_e2e_$(date +%s)_$$"
    base=${maintenance_url%%\?*}
    query=${maintenance_url#"$base"}
    export DATABASE_URL="${base%/*}/$scratch_db$query"
    export BIND_ADDR="127.0.0.1:$port"
    export JWT_SECRET
    JWT_SECRET="e2e-$("${PYTHON:-python3}" -c 'import secrets; print(secrets.token_hex(24))')"
    export APP_ENV=dev LOG_FORMAT=pretty
    BASE_URL="http://$BIND_ADDR"

    step "loading the demo data into the scratch database $scratch_db (budget-monitor seed-demo, about a minute)"
    # Its progress lines are printed directly; RUST_LOG=warn hides the per-migration log lines.
    RUST_LOG=warn "$work/budget-monitor" seed-demo >&2

    step "starting the server on $BASE_URL (log: $work/server.log)"
    "$work/budget-monitor" serve >"$work/server.log" 2>&1 &
    server_pid=$!
    if ! wait_ready 60 "$server_pid"; then
        echo "e2e.sh: the server did not become ready on $BASE_URL within 60 s; its log:" >&2
        tail -n 40 "$work/server.log" >&2
        exit 1
    fi
    echo "ready: GET $BASE_URL/readyz answers 200 (pid $server_pid)" >&2
}

# --- the examples --------------------------------------------------------------------------------

BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
BASE_URL="${BASE_URL%/}"

if ((with_server)); then
    start_server
else
    step "checking the server at $BASE_URL"
    if ! wait_ready 5; then
        echo "e2e.sh: $BASE_URL/readyz does not answer 200; start a server with the demo data" >&2
        echo "        (scripts/serve.sh) or run scripts/clients/e2e.sh --with-server" >&2
        exit 1
    fi
    echo "ready: GET $BASE_URL/readyz answers 200" >&2
fi

step "installing the pinned client tools if needed (scripts/clients/tools.sh)"
ensure_node_tools
ensure_python_tools

step "type-checking the TypeScript example (tsc --noEmit -p clients/typescript/examples)"
(cd "$root/clients/typescript" && "$root/node_modules/.bin/tsc" --noEmit -p examples/tsconfig.json)

failed=()
timings=()
run_example() {
    local name=$1 started status=0
    shift
    step "running the $name example against $BASE_URL"
    started=$(date +%s%N)
    (cd "$root" && BASE_URL="$BASE_URL" "$@") || status=$?
    timings+=("$name: $((($(date +%s%N) - started) / 1000000)) ms, exit status $status")
    ((status == 0)) || failed+=("$name")
}

run_example TypeScript "$root/node_modules/.bin/tsx" clients/typescript/examples/workflow.ts
run_example Python env PYTHONPATH="$root/clients/python" PYTHONDONTWRITEBYTECODE=1 \
    "$venv/bin/python" clients/python/examples/workflow.py

step "summary"
printf '  %s\n' "${timings[@]}" >&2
if ((${#failed[@]})); then
    if ((with_server)); then
        echo "server log (last 40 lines):" >&2
        tail -n 40 "$work/server.log" >&2
    fi
    echo "e2e.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "e2e.sh: both client examples passed against $BASE_URL ($(($(date +%s) - e2e_started)) s in all)" >&2
