#!/usr/bin/env bash
# Measures `seed-demo --scale N` (default 54: about 100,000 projects, DESIGN.md's provincial
# scale) and `GET /api/v1/stats/overview?region=370000&year=2021` on the result, plus an export
# of every project as CSV and as XLSX with the server's RSS after each. Loopback only; needs wrk.
# Usage: scripts/bench/stats.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/postgres.sh

scale=${1:-54}
port=18097
db=bm_stats
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres "$admin_url"
command -v wrk >/dev/null || { say "wrk is missing: apt-get install wrk"; exit 1; }
say "building the release binary"
cargo build --release --locked -q
psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
export DATABASE_URL=${admin_url%/*}/$db
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123
export RUST_LOG=warn BIND_ADDR=127.0.0.1:$port
say "seed-demo --scale $scale"
/usr/bin/time -f "seed-demo: wall %e s, max RSS %M kB" target/release/budget-monitor seed-demo --scale "$scale" | grep -v "^  "

target/release/budget-monitor serve 2>/tmp/bm-stats.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"sd.finance","password":"Demo-Monitor-2021"}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
overview="http://127.0.0.1:$port/api/v1/stats/overview?region=370000&year=2021"
say "overview, one client for 10 s"
wrk -t1 -c1 -d10s --latency -H "Authorization: Bearer $token" "$overview" | grep -E "Latency|50%|99%|Requests/sec"
say "overview, 8 clients for 10 s"
wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $token" "$overview" | grep -E "Latency|50%|99%|Requests/sec"
for format in csv xlsx; do
  say "export of every project as $format"
  /usr/bin/time -f "wall %e s" curl -sf -o /tmp/bm-projects.$format -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/projects?format=$format"
  say "$(wc -c </tmp/bm-projects.$format) bytes; server RSS now $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
done
