#!/usr/bin/env bash
# Measures the service against the performance budget of DESIGN.md on this machine:
# import speed, single-object GET rate against `pgbench -S`, list latency, server RSS.
# Everything runs on loopback; loops are bounded. Needs wrk and pgbench (apt-get install wrk
# postgresql-contrib). Usage: scripts/bench/run.sh [PROJECTS] (default 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/postgres.sh

projects=${1:-10000}
port=18099
db=bm_bench
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres "$admin_url"
command -v wrk >/dev/null || { say "wrk is missing: apt-get install wrk"; exit 1; }

say "building the release binary"
cargo build --release --locked -q
psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
export DATABASE_URL=${admin_url%/*}/$db
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123
export ADMIN_PASSWORD=Bench-admin-password-1
export LOG_FORMAT=json RUST_LOG=warn BIND_ADDR=127.0.0.1:$port
target/release/budget-monitor create-admin --username bench.admin >/dev/null
target/release/budget-monitor serve 2>/tmp/bm-bench.log &
server=$!
trap 'kill $server 2>/dev/null; rm -f bench-state.json' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

say "seeding 16 cities, 160 departments and $projects projects through the import"
python3 scripts/bench/seed.py "http://127.0.0.1:$port" bench.admin "$ADMIN_PASSWORD" "$projects"
token=$(python3 -c 'import json;print(json.load(open("bench-state.json"))["token"])')
project=$(python3 -c 'import json;print(json.load(open("bench-state.json"))["project_id"])')

say "pgbench -S (select-only), 32 clients, 10 s, on its own database"
pgbench_url=${admin_url%/*}/bm_pgbench
psql "$admin_url" -qc "DROP DATABASE IF EXISTS bm_pgbench WITH (FORCE)" -c "CREATE DATABASE bm_pgbench"
pgbench -i -q -s 10 "$pgbench_url" >/dev/null 2>&1
pgbench -S -c 32 -j 2 -T 10 "$pgbench_url" 2>/dev/null | grep -E "^tps"
psql "$admin_url" -qc "DROP DATABASE bm_pgbench WITH (FORCE)"

say "GET /api/v1/projects/{id} with auth and scope checks, 32 connections, 10 s"
wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/projects/$project" | grep -E "Requests/sec|99%|50%"

say "GET /api/v1/projects?fiscal_year=2021&within=370600&status=active&limit=50, 32 connections, 10 s"
wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/projects?fiscal_year=2021&within=370600&status=active&limit=50" | grep -E "Requests/sec|99%|50%"

say "server RSS after the load: $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
