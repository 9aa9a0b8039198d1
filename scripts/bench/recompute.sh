#!/usr/bin/env bash
# Measures `POST /api/v1/rounds/{id}/recompute` at provincial scale: one open round with
# REPORTS reports (default 100,000) of 6 indicator rows each, generated directly in SQL, all
# evaluated with the default rules. Loopback only. Usage: scripts/bench/recompute.sh [REPORTS]
# BM_BIN=path measures that binary instead of building target/release/budget-monitor (to compare
# two builds on the same machine in one session).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/postgres.sh

reports=${1:-100000}
port=18098
db=bm_recompute
admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres "$admin_url"
if [ -z "${BM_BIN:-}" ]; then
  say "building the release binary"
  cargo build --release --locked -q
  BM_BIN=target/release/budget-monitor
fi
psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
export DATABASE_URL=${admin_url%/*}/$db
export JWT_SECRET=bench-secret-bench-secret-bench-secret-0123
export ADMIN_PASSWORD=Bench-admin-password-1
export RUST_LOG=warn BIND_ADDR=127.0.0.1:$port
"$BM_BIN" migrate >/dev/null
"$BM_BIN" create-admin --username bench.admin >/dev/null

say "generating 16 cities, 160 departments, $reports projects, reports and $((reports * 6)) report rows"
psql -q "$DATABASE_URL" -v ON_ERROR_STOP=1 -v n="$reports" <<'SQL'
INSERT INTO regions (id, code, name, level, parent_id, path)
VALUES (gen_random_uuid(), '370000', 'Shandong', 'province', NULL, '370000/');
INSERT INTO regions (id, code, name, level, parent_id, path)
SELECT gen_random_uuid(), c, 'City ' || c, 'city', (SELECT id FROM regions WHERE code = '370000'), '370000/' || c || '/'
FROM unnest(ARRAY['370100','370200','370300','370400','370500','370600','370700','370800','370900','371000','371100','371300','371400','371500','371600','371700']) c;
INSERT INTO departments (id, region_id, region_path, code, name, path)
SELECT gen_random_uuid(), r.id, r.path, 'D' || d, 'Department ' || d, 'D' || d || '/'
FROM regions r CROSS JOIN generate_series(1, 10) d WHERE r.level = 'city';
CREATE TEMP TABLE dept AS SELECT row_number() OVER (ORDER BY id) AS k, * FROM departments;
INSERT INTO projects (id, department_id, region_id, region_path, department_path, fiscal_year, code, name,
                      function_class, fund_municipal, initial_budget, adjusted_budget)
SELECT gen_random_uuid(), d.id, d.region_id, d.region_path, d.path, 2021, 'P' || i, 'Project ' || i,
       '20601', 1000000, 1000000, 1000000
FROM generate_series(1, :n) i JOIN dept d ON d.k = 1 + i % 160;
INSERT INTO rounds (id, region_id, region_path, fiscal_year, name, cutoff_date, open_date, due_date, status, opened_at)
SELECT gen_random_uuid(), id, path, 2021, 'Bench', '2021-06-30', '2021-07-01', '2031-12-31', 'open', now()
FROM regions WHERE code = '370000';
INSERT INTO reports (id, round_id, project_id, department_id, region_id, region_path, department_path,
                     adjusted_budget, executed_amount, execution_rate, time_progress)
SELECT gen_random_uuid(), (SELECT id FROM rounds), p.id, p.department_id, p.region_id, p.region_path,
       p.department_path, 1000000, (random() * 900000)::numeric(18, 2), 0, 50
FROM projects p;
UPDATE reports SET execution_rate = round(executed_amount * 100 / adjusted_budget, 2);
INSERT INTO report_indicators (id, report_id, level1, level2, name, comparator, target_value, unit,
                               weight, accrues, expected_value, actual_value, likelihood)
SELECT gen_random_uuid(), r.id, x.l1, x.l2, 'Indicator ' || x.k, '>=', 100, 'units', x.w, x.acc,
       CASE WHEN x.acc THEN 50 ELSE 100 END, round((random() * 120)::numeric, 2),
       (ARRAY['certain', 'possible', 'impossible'])[1 + (random() * 2.9)::int]
FROM reports r CROSS JOIN (VALUES
    (1, 'output', 'quantity', 20, true), (2, 'output', 'quality', 15, false),
    (3, 'output', 'timeliness', 15, false), (4, 'output', 'cost', 10, false),
    (5, 'effect', 'social', 20, true), (6, 'satisfaction', 'beneficiary_satisfaction', 10, true)
) AS x(k, l1, l2, w, acc);
ANALYZE;
SQL

"$BM_BIN" serve 2>/tmp/bm-recompute.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"bench.admin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
round=$(psql -Atq "$DATABASE_URL" -c "SELECT id FROM rounds")
if [ -n "${BENCH_PERF:-}" ]; then
  (sleep 1; perf record -a -g -F 199 -o "$BENCH_PERF" -- sleep 12 >/dev/null 2>&1) &
fi
for pass in first second; do
  say "recompute, $pass pass ($([ $pass = first ] && echo 'every light computed and stored' || echo 'nothing changed'))"
  /usr/bin/time -f "wall %e s, server-side figure above" curl -sf -X POST \
    -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rounds/$round/recompute"
  echo
done
say "server RSS: $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
