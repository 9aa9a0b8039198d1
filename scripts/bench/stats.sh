#!/usr/bin/env bash
# What the statistics cost at provincial scale and what writes pay for keeping them, in one run
# on this machine (release build, server and load on loopback; needs wrk and python3):
# - for `seed-demo --scale SCALE` (default 54: about 100,000 projects, DESIGN.md's provincial
#   scale) and then for `--scale 1`: GET /api/v1/stats/overview for the province and
#   GET /api/v1/stats/regions (its cities) at 1 and at 8 clients, p50 and p99;
# - report updates per second from 1 department officer and from 16 officers of 16 different
#   departments at once (PUT /api/v1/reports/{id}, each on its own department's report);
# - the p50 ratio scale SCALE / scale 1 (the cost must not grow with the data: <= 2);
# - at scale SCALE, an export of every project as CSV and as XLSX, with the server's RSS after.
# BM_BIN=path measures another build (e.g. one from before a change) instead of building;
# BM_SEEDED=prefix copies the databases prefix_SCALE and prefix_1 instead of seeding, so two
# builds are measured on the same data.
# Usage: scripts/bench/stats.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/postgres.sh

scale=${1:-54}
port=18097
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres "$admin_url"
command -v wrk >/dev/null || { say "wrk is missing: apt-get install wrk"; exit 1; }
if [ -z "${BM_BIN:-}" ]; then
  say "building the release binary"
  cargo build --release --locked -q
  BM_BIN=target/release/budget-monitor
fi
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123
export RUST_LOG=warn BIND_ADDR=127.0.0.1:$port
password=Demo-Monitor-2021
base=http://127.0.0.1:$port
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -f /tmp/bm-writers-*.json' EXIT
declare -A p50 writes

token_of() {
  curl -sf -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])'
}

# wrk's p50 in ms, for the ratio at the end.
measure() { # name clients url token
  local out
  out=$(wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d10s --timeout 30s --latency -H "Authorization: Bearer $4" "$3")
  echo "$out" | grep -E "^ +(50|99)%|Requests/sec" | tr -s ' ' | paste -sd' ' | sed "s/^/  $1, $2 client(s):/"
  p50[$1-$2]=$(echo "$out" | awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }')
}

# 16 department officers in 16 departments (of as many cities as possible), each with an
# editable report of the open round; created through the API by the demo admin.
writers() { # database
  local admin specs
  admin=$(token_of demo.admin)
  specs=$(psql "${admin_url%/*}/$1" -Atc "
    SELECT json_agg(x) FROM (
      SELECT DISTINCT ON (d.id) d.id AS department_id, r.id AS report_id, d.region_path
        FROM reports r JOIN departments d ON d.id = r.department_id
        JOIN rounds ro ON ro.id = r.round_id JOIN projects p ON p.id = r.project_id
       WHERE r.status IN ('draft', 'returned') AND ro.status = 'open'
         AND NOT d.classified AND NOT p.classified
       ORDER BY d.id, r.id) x")
  BM_ADMIN=$admin python3 - "$base" "$password" "$specs" <<'PY'
import json, os, sys, urllib.request
base, password, candidates = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
# One department per region first, so the writers are spread over the province.
specs, seen = [], set()
for c in candidates:
    if c["region_path"] not in seen:
        seen.add(c["region_path"]); specs.append(c)
specs += [c for c in candidates if c not in specs]
specs = specs[:16]
assert len(specs) == 16, "only %d departments with an editable report" % len(specs)
out = []
for i, s in enumerate(specs):
    name = "bench.writer%02d" % i
    req = urllib.request.Request(base + "/api/v1/users", method="POST", data=json.dumps({
        "username": name, "password": password, "role": "department_officer",
        "department_id": s["department_id"], "display_name": name}).encode(),
        headers={"content-type": "application/json", "authorization": "Bearer " + os.environ["BM_ADMIN"]})
    urllib.request.urlopen(req).read()
    out.append({"username": name, "report_id": s["report_id"]})
json.dump(out[:1], open("/tmp/bm-writers-1.json", "w"))
json.dump(out, open("/tmp/bm-writers-16.json", "w"))
PY
}

for s in "$scale" 1; do
  db=bm_stats_$s
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  export DATABASE_URL=${admin_url%/*}/$db
  if [ -n "${BM_SEEDED:-}" ]; then
    # The same data for two builds: a copy of a database seeded once (e.g. by the older build).
    say "copying ${BM_SEEDED}_$s (seeded before)"
    psql "$admin_url" -qc "CREATE DATABASE $db TEMPLATE ${BM_SEEDED}_$s STRATEGY FILE_COPY"
    /usr/bin/time -f "  migrations (the rollups of existing data included): wall %e s" "$BM_BIN" migrate
  else
    say "seed-demo --scale $s"
    /usr/bin/time -f "  seed-demo: wall %e s, max RSS %M kB" "$BM_BIN" seed-demo --scale "$s" | grep -E "planned|^Loaded|projects" | head -3 || true
  fi
  psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
  "$BM_BIN" serve 2>"/tmp/bm-stats-$s.log" &
  server=$!
  for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
  token=$(token_of sd.finance)
  say "scale $s: statistics for 10 s each"
  for clients in 1 8; do
    measure "overview-$s" "$clients" "$base/api/v1/stats/overview?region=370000&year=2021" "$token"
    measure "regions-$s" "$clients" "$base/api/v1/stats/regions?parent=370000&year=2021" "$token"
  done
  say "scale $s: report updates for 10 s each"
  writers "$db"
  one=$(python3 scripts/bench/writers.py "$base" "$password" 10 /tmp/bm-writers-1.json); echo "$one"
  many=$(python3 scripts/bench/writers.py "$base" "$password" 10 /tmp/bm-writers-16.json); echo "$many"
  writes[$s-1]=$(echo "$one" | awk '{print $3}')
  writes[$s-16]=$(echo "$many" | awk '{print $3}')
  say "  server RSS after the writers: $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
  if [ "$s" = "$scale" ]; then
    for format in csv xlsx; do
      say "scale $s: export of every project as $format"
      /usr/bin/time -f "  wall %e s" curl -sf -o /tmp/bm-projects.$format -H "Authorization: Bearer $token" \
        "$base/api/v1/projects?format=$format"
      say "  $(wc -c </tmp/bm-projects.$format) bytes; server RSS now $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
    done
    rm -f /tmp/bm-projects.csv /tmp/bm-projects.xlsx
  fi
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
  psql "$admin_url" -qc "DROP DATABASE $db WITH (FORCE)"
done

say "p50 at scale $scale / p50 at scale 1 (goal <= 2)"
for name in overview regions; do
  for clients in 1 8; do
    awk -v a="${p50[$name-$scale-$clients]}" -v b="${p50[$name-1-$clients]}" -v n="$name" -v c="$clients" \
      'BEGIN { printf "  %s, %s client(s): %.2f ms / %.2f ms = %.2f\n", n, c, a, b, a / b }'
  done
done

say "pgbench -S (select-only), 8 clients, 10 s, on its own database, for scale"
pgbench_url=${admin_url%/*}/bm_pgbench
psql "$admin_url" -qc "DROP DATABASE IF EXISTS bm_pgbench WITH (FORCE)" -c "CREATE DATABASE bm_pgbench"
pgbench -i -q -s 10 "$pgbench_url" >/dev/null 2>&1
pgbench -S -c 8 -j 2 -T 10 "$pgbench_url" 2>/dev/null | grep -E "^tps|latency average"
psql "$admin_url" -qc "DROP DATABASE bm_pgbench WITH (FORCE)"

verdict() { if awk "BEGIN { exit !($2) }"; then echo "PASS $1"; else echo "FAIL $1"; fi; }
say "goals (DESIGN.md, issue 16)"
verdict "province overview p50 < 30 ms at scale $scale, 1 client (${p50[overview-$scale-1]} ms)" "${p50[overview-$scale-1]} < 30"
for name in overview regions; do
  for clients in 1 8; do
    verdict "$name p50 scale $scale / scale 1 <= 2 at $clients client(s) (${p50[$name-$scale-$clients]} / ${p50[$name-1-$clients]} ms)" \
      "${p50[$name-$scale-$clients]} <= 2 * ${p50[$name-1-$clients]}"
  done
done
verdict "16 writers >= 1.5 x 1 writer at scale $scale (${writes[$scale-16]} vs ${writes[$scale-1]} updates/s)" \
  "${writes[$scale-16]} >= 1.5 * ${writes[$scale-1]}"
