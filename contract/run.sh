#!/usr/bin/env bash
# Contract tests: schemathesis (pinned in contract/requirements.txt, configured by
# contract/schemathesis.toml) against a running server with the demo data, once per role with
# that role's access token. Fails when any run reports a failure.
#
# Usage:
#   contract/run.sh [--with-server] [-- SCHEMATHESIS_RUN_OPTIONS...]
#
#   (no option)     against BASE_URL (default http://127.0.0.1:8080), a server with the demo data
#                   (`budget-monitor seed-demo`). The runs write to it (they create, change and
#                   delete records), so the roles run from the least to the most destructive:
#                   auditor, department_officer, finance_officer, admin.
#   --with-server   builds the debug binary (or uses BM_BIN), seeds a scratch database once and
#                   gives each role a fresh copy of it (CREATE DATABASE ... TEMPLATE) served on a
#                   free port, so no role sees another's writes; stops the servers and drops the
#                   databases at the end (for CI). Needs cargo (unless BM_BIN), psql and the
#                   PostgreSQL server of TEST_DATABASE_URL (as scripts/test.sh; started or
#                   installed when needed).
#   -- OPTIONS      passed to every `schemathesis run`, e.g. `-- --max-examples 5` or
#                   `-- --include-path-regex '^/api/v1/stats'` or `-- --seed 1`.
#
# Environment:
#   CONTRACT_ROLES        roles to run, in order (default: auditor department_officer
#                         finance_officer admin)
#   CONTRACT_USERS        role=username pairs (default: admin=demo.admin
#                         finance_officer=sd.finance department_officer=jn.kj.officer
#                         auditor=sd.auditor)
#   CONTRACT_PASSWORD     their password (default: the demo users' Demo-Monitor-2021)
#   CONTRACT_ROLE_TIMEOUT seconds one role's run may take before it is stopped and failed (600)
#   CONTRACT_REPORT_DIR   where the reports go (default: a new temporary directory, kept)
#   BM_BIN                with --with-server: use this budget-monitor binary instead of building
#
# Per role, in the report directory: ROLE.txt (schemathesis' own text report, every failure with
# a curl line), ROLE.junit.xml, ROLE.json (the verdict), ROLE.ndjson (every request and response),
# ROLE.failures.txt (the distinct failures: operation, check code, status, a curl reproduction)
# and, with --with-server, ROLE.server.log. The summary printed at the end gives per role the
# operations tested, the test cases generated and the failures by check code (ST1xx, ST2xx).
#
# Schemathesis is installed into .venv-contract/ (git-ignored) from contract/requirements.txt,
# again only when that file changes. Exit status: 0 when every role passed, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
contract="$root/contract"
venv="${CONTRACT_VENV:-$root/.venv-contract}"
source "$root/scripts/lib/postgres.sh"

with_server=0
st_args=()
while (($#)); do
    case "$1" in
    --with-server) with_server=1 ;;
    --)
        shift
        st_args=("$@")
        break
        ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "contract/run.sh: unknown argument $1 (try --help)" >&2
        exit 2
        ;;
    esac
    shift
done

read -r -a roles <<<"${CONTRACT_ROLES:-auditor department_officer finance_officer admin}"
users="${CONTRACT_USERS:-admin=demo.admin finance_officer=sd.finance department_officer=jn.kj.officer auditor=sd.auditor}"
password="${CONTRACT_PASSWORD:-Demo-Monitor-2021}"
role_timeout="${CONTRACT_ROLE_TIMEOUT:-600}"
PYTHON="${PYTHON:-python3}"

started=$(date +%s)
step() { printf '\n== [contract %3ss] %s\n' "$(($(date +%s) - started))" "$*" >&2; }

user_of() {
    local pair
    for pair in $users; do
        if [[ "${pair%%=*}" == "$1" ]]; then
            echo "${pair#*=}"
            return 0
        fi
    done
    echo "contract/run.sh: no user for role $1 in CONTRACT_USERS" >&2
    return 1
}

report_dir="${CONTRACT_REPORT_DIR:-$(mktemp -d -t contract-XXXXXX)}"
mkdir -p "$report_dir"
report_dir="$(cd "$report_dir" && pwd)"

# --- schemathesis, pinned ------------------------------------------------------------------------

ensure_schemathesis() {
    local want stamp="$venv/.requirements.sha256"
    want="$(sha256sum "$contract/requirements.txt" | cut -d' ' -f1)"
    if [[ ! -x "$venv/bin/schemathesis" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        step "creating $venv from contract/requirements.txt"
        rm -rf "$venv"
        "$PYTHON" -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$contract/requirements.txt" >&2
        echo "$want" >"$stamp"
    fi
    echo "$("$venv/bin/schemathesis" --version)" >&2
}

# --- servers -------------------------------------------------------------------------------------

work=""
server_pid=""
template_db=""
role_db=""
maintenance_url=""

# 200 from $1/readyz within $2 seconds; stops early when the process $3 (if given) has exited.
wait_ready() {
    local url=$1 seconds=$2 pid=${3:-} i
    for ((i = 0; i < seconds * 4; i++)); do
        if "$PYTHON" - "$url/readyz" <<'EOF' 2>/dev/null; then
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

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
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
    server_pid=""
}

drop_db() {
    [[ -n "$1" ]] || return 0
    psql "$maintenance_url" -qAt -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >&2 ||
        echo "contract/run.sh: could not drop $1; drop it by hand" >&2
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    if ((with_server)); then
        drop_db "$role_db"
        drop_db "$template_db"
    fi
    [[ -n "$work" ]] && rm -rf "$work"
    exit "$status"
}

db_url() { # the URL of database $1 on the server of $maintenance_url
    local base query
    base=${maintenance_url%%\?*}
    query=${maintenance_url#"$base"}
    echo "${base%/*}/$1$query"
}

prepare_server() {
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
            echo "contract/run.sh: --with-server needs psql (apt-get install postgresql-client)" >&2
            exit 1
        }
    fi

    # A copy, so a rebuild by someone else while this runs cannot swap the binary; named
    # bm-contract so that stopping other budget-monitor processes by name does not stop it.
    if [[ -n "${BM_BIN:-}" ]]; then
        step "using the binary $BM_BIN"
        cp "$BM_BIN" "$work/bm-contract"
    else
        step "building the service (cargo build --locked, debug)"
        (cd "$root" && cargo build --locked --bin budget-monitor)
        cp "${CARGO_TARGET_DIR:-$root/target}/debug/budget-monitor" "$work/bm-contract"
    fi

    export APP_ENV=dev LOG_FORMAT=pretty
    export JWT_SECRET
    JWT_SECRET="contract-$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')"
    # Tokens outlive the longest role run, so a failure is never an expired token.
    export ACCESS_TOKEN_TTL=7200

    template_db="bm_contract_$(date +%s)_$$"
    step "loading the demo data into the scratch database $template_db (budget-monitor seed-demo)"
    DATABASE_URL="$(db_url "$template_db")" RUST_LOG=warn "$work/bm-contract" seed-demo >&2
}

# A fresh copy of the seeded database for role $1, served on a free port; sets BASE_URL.
start_role_server() {
    local role=$1 port
    role_db="${template_db}_$role"
    psql "$maintenance_url" -qAt -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE \"$role_db\" TEMPLATE \"$template_db\"" >&2
    port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    BASE_URL="http://127.0.0.1:$port"
    DATABASE_URL="$(db_url "$role_db")" BIND_ADDR="127.0.0.1:$port" \
        "$work/bm-contract" serve >"$report_dir/$role.server.log" 2>&1 &
    server_pid=$!
    if ! wait_ready "$BASE_URL" 60 "$server_pid"; then
        echo "contract/run.sh: the server did not become ready on $BASE_URL within 60 s; its log:" >&2
        tail -n 40 "$report_dir/$role.server.log" >&2
        exit 1
    fi
    echo "ready: $BASE_URL on a copy of the demo data ($role_db, pid $server_pid)" >&2
}

stop_role_server() {
    stop_server
    drop_db "$role_db"
    role_db=""
}

# --- the runs ------------------------------------------------------------------------------------

login() { # prints the access token of user $1
    "$PYTHON" - "$BASE_URL/api/v1/auth/login" "$1" "$password" <<'EOF'
import json, sys, urllib.error, urllib.request
url, username, password = sys.argv[1:4]
req = urllib.request.Request(url, data=json.dumps({"username": username, "password": password}).encode(),
                             headers={"Content-Type": "application/json"}, method="POST")
try:
    with urllib.request.urlopen(req, timeout=30) as resp:
        print(json.load(resp)["access_token"])
except urllib.error.HTTPError as e:
    sys.exit(f"login as {username} failed: {e.code} {e.read().decode(errors='replace')}")
EOF
}

token_works() { # GET /auth/me with token $1 answers 200
    "$PYTHON" - "$BASE_URL/api/v1/auth/me" "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"Authorization": f"Bearer {sys.argv[2]}"})
sys.exit(0 if urllib.request.urlopen(req, timeout=30).status == 200 else 1)
EOF
}

failed_roles=()
run_role() {
    local role=$1 user token status=0
    user="$(user_of "$role")"
    step "role $role: logging in as $user"
    token="$(login "$user")" || {
        failed_roles+=("$role (login)")
        return 0
    }
    step "role $role: schemathesis against $BASE_URL (report: $report_dir/$role.txt)"
    (cd "$report_dir" &&
        BASE_URL="$BASE_URL" BM_TOKEN="$token" timeout --signal=INT --kill-after=30 "$role_timeout" \
            "$venv/bin/schemathesis" --config-file "$contract/schemathesis.toml" --no-color \
            run "$BASE_URL/openapi.json" \
            --report junit,json,ndjson \
            --report-junit-path "$report_dir/$role.junit.xml" \
            --report-json-path "$report_dir/$role.json" \
            --report-ndjson-path "$report_dir/$role.ndjson" \
            "${st_args[@]}" >"$report_dir/$role.txt" 2>&1) || status=$?
    # The summary block of schemathesis' report.
    sed -n '/^=* SUMMARY =*$/,$p' "$report_dir/$role.txt" | sed 's/^/    /' >&2
    if ((status == 124 || status == 130)); then
        echo "role $role: stopped after CONTRACT_ROLE_TIMEOUT=${role_timeout}s" >&2
        failed_roles+=("$role (timeout)")
    elif ((status != 0)); then
        failed_roles+=("$role")
    fi
    # A server of ours that went away mid-run makes the rest of the run meaningless.
    if [[ -n "$server_pid" ]] && ! kill -0 "$server_pid" 2>/dev/null; then
        echo "role $role: the server (pid $server_pid) stopped during the run; its last lines:" >&2
        tail -n 5 "$report_dir/$role.server.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
        failed_roles+=("$role (server stopped)")
        return 0
    fi
    # A run that lost its token would pass on 401s alone: make sure it did not.
    if ! token_works "$token"; then
        echo "role $role: the token no longer works after the run; its results are not valid" >&2
        failed_roles+=("$role (token lost)")
    fi
    if [[ -n "$server_pid" ]]; then
        grep -a "internal error" "$report_dir/$role.server.log" | sed 's/\x1b\[[0-9;]*m//g' |
            sed -E 's/.*cause=/    server: /' | sort | uniq -c >&2 || true
    fi
}

step "installing schemathesis if needed (contract/requirements.txt)"
ensure_schemathesis

if ((with_server)); then
    prepare_server
    for role in "${roles[@]}"; do
        start_role_server "$role"
        run_role "$role"
        stop_role_server
    done
else
    BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
    BASE_URL="${BASE_URL%/}"
    step "checking the server at $BASE_URL"
    if ! wait_ready "$BASE_URL" 5; then
        echo "contract/run.sh: $BASE_URL/readyz does not answer 200; start a server with the demo" >&2
        echo "        data (scripts/serve.sh) or run contract/run.sh --with-server" >&2
        exit 1
    fi
    for role in "${roles[@]}"; do
        run_role "$role"
    done
fi

step "summary (reports in $report_dir)"
for role in "${roles[@]}"; do
    "$PYTHON" "$contract/summarize.py" role "$role" "$report_dir" >&2 || true
done
echo >&2
"$PYTHON" "$contract/summarize.py" table "$report_dir" "${roles[@]}" >&2
echo >&2
if ((${#failed_roles[@]})); then
    echo "contract/run.sh: FAILED: ${failed_roles[*]} ($(($(date +%s) - started)) s in all; reports in $report_dir)" >&2
    exit 1
fi
echo "contract/run.sh: every role passed ($(($(date +%s) - started)) s in all; reports in $report_dir)" >&2
