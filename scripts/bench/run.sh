#!/usr/bin/env bash
# Measures the request path against the performance budget of DESIGN.md on this machine and
# prints one PASS/FAIL line per budget: import speed, single-object GET rate against
# `pgbench -S` (measured right before and right after the GET load, so a busy machine shows up as
# two different figures), list latency at 32 clients, server RSS after the load.
# Everything runs on loopback; loops are bounded. Needs wrk and pgbench (apt-get install wrk
# postgresql-contrib).
#
# Usage: scripts/bench/run.sh [PROJECTS] (default 10000)
#   BM_BIN=path      measure that binary instead of building target/release/budget-monitor
#   BM_SEEDED=db     start from a copy of an already seeded database (e.g. one made with
#                    `seed-demo --scale 54`, the provincial-scale data) instead of an empty one;
#                    the import then adds its projects to that data
#   BM_POOL=N BM_WORKERS=N   the server's DB_POOL_SIZE and HTTP_WORKERS (defaults: the service's)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/postgres.sh

projects=${1:-10000}
port=18099
db=bm_bench
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres "$admin_url"
for tool in wrk:wrk pgbench:postgresql-contrib; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    say "installing ${tool##*:} (for ${tool%%:*})"
    apt-get install -y -q "${tool##*:}" >/dev/null || { say "cannot install ${tool##*:}"; exit 1; }
  fi
done

if [ -z "${BM_BIN:-}" ]; then
  say "building the release binary"
  cargo build --release --locked -q
  BM_BIN=target/release/budget-monitor
fi
psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
export DATABASE_URL=${admin_url%/*}/$db
if [ -n "${BM_SEEDED:-}" ]; then
  say "copying $BM_SEEDED (seeded before)"
  psql "$admin_url" -qc "CREATE DATABASE $db TEMPLATE $BM_SEEDED STRATEGY FILE_COPY"
fi
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123
export ADMIN_PASSWORD=Bench-admin-password-1
export LOG_FORMAT=json RUST_LOG=warn BIND_ADDR=127.0.0.1:$port
[ -n "${BM_POOL:-}" ] && export DB_POOL_SIZE=$BM_POOL
[ -n "${BM_WORKERS:-}" ] && export HTTP_WORKERS=$BM_WORKERS
"$BM_BIN" migrate >/dev/null
"$BM_BIN" create-admin --username bench.admin >/dev/null 2>&1 || true
"$BM_BIN" serve 2>/tmp/bm-bench.log &
server=$!
trap 'kill $server 2>/dev/null; rm -f bench-state.json' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

say "seeding 16 cities, 160 departments and $projects projects through the import"
import_line=$(python3 scripts/bench/seed.py "http://127.0.0.1:$port" bench.admin "$ADMIN_PASSWORD" "$projects" | tee /dev/stderr | grep "^import:")
import_s=$(echo "$import_line" | awk '{print $(NF-1)}')
token=$(python3 -c 'import json;print(json.load(open("bench-state.json"))["token"])')
project=$(python3 -c 'import json;print(json.load(open("bench-state.json"))["project_id"])')
psql "$DATABASE_URL" -qc "VACUUM ANALYZE"

pgbench_url=${admin_url%/*}/bm_pgbench
psql "$admin_url" -qc "DROP DATABASE IF EXISTS bm_pgbench WITH (FORCE)" -c "CREATE DATABASE bm_pgbench"
pgbench -i -q -s 10 "$pgbench_url" >/dev/null 2>&1
pgbench_tps() {
  pgbench -S -c 32 -j 2 -T 10 "$pgbench_url" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3}'
}

# wrk's latency figure in ms ("812.00us", "1.23ms", "1.02s").
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }
load() { # name url -> sets rps, p50, p99
  local out
  # A load of error answers would measure nothing.
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$2" || { say "$2 does not answer 2xx"; exit 1; }
  out=$(wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $token" "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  say "  $1: $rps req/s, p50 $p50 ms, p99 $p99 ms"
}

say "pgbench -S (select-only), 32 clients, 10 s, on its own database, before the GET load"
before=$(pgbench_tps); say "  $before tps"
say "GET /api/v1/projects/{id} with auth and scope checks, 32 connections, 10 s"
load get "http://127.0.0.1:$port/api/v1/projects/$project"; get_rps=$rps
say "pgbench -S again, after the GET load"
after=$(pgbench_tps); say "  $after tps"
psql "$admin_url" -qc "DROP DATABASE bm_pgbench WITH (FORCE)"

list_url="http://127.0.0.1:$port/api/v1/projects?fiscal_year=2021&region=370600&status=active&limit=50"
say "GET /api/v1/projects?fiscal_year=2021&region=370600&status=active&limit=50, 32 connections, 10 s"
load list "$list_url"; list_p50=$p50; list_p99=$p99

rss=$(ps -o rss= -p $server | awk '{printf "%.0f", $1/1024}')
say "server RSS after the load: $rss MB"

verdict() { if awk "BEGIN { exit !($2) }"; then echo "PASS $1"; else echo "FAIL $1"; fi; }
say "budgets (DESIGN.md, issue 17)"
verdict "single GET $get_rps req/s vs pgbench -S $before / $after tps: $(awk -v g="$get_rps" -v a="$before" -v b="$after" 'BEGIN {printf "%.2f", 2 * g / (a + b)}')x (goal >= 0.5x of their mean)" \
  "2 * $get_rps >= 0.5 * ($before + $after)"
verdict "project list at 32 clients: p50 $list_p50 ms, p99 $list_p99 ms (goal p99 < 20 ms)" "$list_p99 < 20"
verdict "import of $projects projects with $((projects * 6)) indicators: $import_s s (goal < 15 s for 10,000)" \
  "$import_s * 10000 < 15 * $projects"
verdict "server RSS after the load: $rss MB (goal < 150 MB)" "$rss < 150"
