#!/usr/bin/env bash
# Backup-and-restore drill: seeds a scratch database with the demo data set, dumps it with
# `pg_dump -Fc`, restores the dump into a second scratch database with `pg_restore --jobs 2`,
# and proves the copy is the same: every table's row count and content checksum, the budget
# ledger's per-project sums, the schema objects and the applied migrations, then the real service
# on both databases answering `/stats/overview` with the same body and `/readyz` with 200.
#
#   scripts/restore-drill.sh [--scale N | N]     N multiplies the demo projects (default 1)
#
# DRILL_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server and
# a database to connect to for creating and dropping the two scratch databases; the drill needs
# a role that may create databases. DRILL_WORKDIR is where the dump is written (default: a new
# directory under $TMPDIR or /tmp, removed afterwards). Both scratch databases (drill_src_<pid>,
# drill_dst_<pid>) are dropped and the services it started are stopped on exit, also on failure.
# Exit status: 0 when every figure matches, 1 on any difference or failed step, 2 on bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

scale=1
case $# in
  0) ;;
  1) [ "$1" = -h ] || [ "$1" = --help ] && usage; scale=$1 ;;
  2) [ "$1" = --scale ] || usage; scale=$2 ;;
  *) usage ;;
esac
case $scale in '' | *[!0-9]*) usage ;; esac
if [ "$scale" -lt 1 ] || [ "$scale" -gt 1000 ]; then usage; fi

server_url=${DRILL_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
demo_user=sd.finance # a provincial finance officer: sees Shandong's whole subtree
demo_password=Demo-Monitor-2021
# The API answers compared between the source and the restored database.
api_checks=(
  "/api/v1/stats/overview?region=370000&year=2021"
  "/api/v1/stats/regions?parent=370000&year=2021"
)

src_db=drill_src_$$
dst_db=drill_dst_$$
bin=target/release/budget-monitor
created_dbs=()
service_pids=()
workdir=
step="starting"
summary=
drill_started=$(date +%s.%N)

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
fail() {
  say "FAILED ($step): $*"
  exit 1
}

# The server URL with another database name, keeping credentials and options.
url_for() {
  local scheme rest authority path query=
  scheme=${server_url%%://*}
  rest=${server_url#*://}
  authority=${rest%%/*}
  if [[ $rest == */* ]]; then path=${rest#*/}; else path=; fi
  if [[ $path == *\?* ]]; then query="?${path#*\?}"; fi
  printf '%s://%s/%s%s' "$scheme" "$authority" "$1" "$query"
}

# psql with fixed output settings, so both databases print values the same way.
q() {
  local url=$1
  shift
  PGTZ=UTC PGDATESTYLE=ISO PGOPTIONS='-c extra_float_digits=1' \
    psql "$url" -X -q -v ON_ERROR_STOP=1 -At -F $'\t' "$@"
}

# The service binary with a clean, explicit environment for the drill.
run_bin() {
  local url=$1
  shift
  env -u JWT_KEYS -u BIND_ADDR APP_ENV=dev DATABASE_URL="$url" "$bin" "$@"
}

stop_services() {
  local pid i
  for pid in "${service_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || continue
    for i in $(seq 1 70); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  service_pids=()
}

cleanup() {
  local status=$?
  trap - EXIT
  trap '' INT TERM # finish cleaning up even when interrupted again
  exec 1>&7 2>&8   # the script's own output, even when a signal came inside a redirection
  set +e
  if [ "${#service_pids[@]}" -gt 0 ]; then
    say "stopping the services the drill started"
    stop_services
  fi
  local db
  for db in "${created_dbs[@]}"; do
    say "dropping database $db"
    q "$server_url" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >&2
  done
  if [ -n "$workdir" ] && [ -z "${DRILL_WORKDIR:-}" ]; then rm -rf "$workdir"; fi
  if [ "$status" -ne 0 ]; then
    say "restore drill FAILED (exit $status) during: $step"
    printf 'restore drill: FAILED during %s (exit %s)\n' "$step" "$status"
  else
    printf '%s\n' "$summary"
  fi
  exit "$status"
}
exec 7>&1 8>&2
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. PostgreSQL, client tools, binary --------------------------------------------------------
step="checking PostgreSQL"
ensure_build_deps
ensure_postgres "$server_url"
if ! command -v pg_dump >/dev/null 2>&1 || ! command -v pg_restore >/dev/null 2>&1; then
  say "pg_dump / pg_restore are missing"
  apt_install postgresql-client || fail "install the PostgreSQL client tools (apt-get install postgresql-client) and run this again"
fi
server_major=$(q "$server_url" -c 'SHOW server_version_num' | cut -c1-2)
dump_major=$(pg_dump --version | sed -n 's/^pg_dump (PostgreSQL) \([0-9]*\).*/\1/p')
if [ -z "$dump_major" ] || [ "$dump_major" -lt "$server_major" ]; then
  fail "pg_dump $dump_major is older than the server ($server_major); install postgresql-client-$server_major"
fi
say "PostgreSQL $server_major, pg_dump/pg_restore $dump_major"

step="building the service"
say "building the release binary (cargo build --release --locked)"
started=$(now)
cargo build --release --locked
build_seconds=$(seconds_since "$started")
say "built in $build_seconds s"

if [ -n "${DRILL_WORKDIR:-}" ]; then
  workdir=$DRILL_WORKDIR
  mkdir -p "$workdir"
else
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")
fi
dump_file=$workdir/$src_db.dump
src_url=$(url_for "$src_db")
dst_url=$(url_for "$dst_db")

create_db() {
  q "$server_url" -c "CREATE DATABASE \"$1\" TEMPLATE template0" >&2 || fail "cannot create database $1"
  created_dbs+=("$1")
}

# --- 2. Source database --------------------------------------------------------------------------
step="creating and seeding the source database"
say "creating $src_db, applying migrations, loading the demo data set at scale $scale"
create_db "$src_db"
RUST_LOG=warn run_bin "$src_url" migrate >&2 || fail "migrate failed on $src_db"
started=$(now)
run_bin "$src_url" seed-demo --scale "$scale" >"$workdir/seed.log" 2>&1 || {
  tail -n 20 "$workdir/seed.log" >&2
  fail "seed-demo failed on $src_db"
}
seed_seconds=$(seconds_since "$started")
say "$(grep -m1 '^Loaded in' "$workdir/seed.log" || echo "seeded in $seed_seconds s")"

# --- 3. The figures that must survive ------------------------------------------------------------
# One line per figure: kind, name, value. Every table of the public schema gets its row count and
# a checksum of its content (each row's text, hashed, in primary-key order); the budget ledger its
# per-project sums; the schema its indexes, constraints, triggers, functions, views and columns;
# and the applied migrations their versions.
figures() {
  local url=$1
  # Per-table statements are generated from the catalog, so tables added later are covered.
  q "$url" <<'SQL' | q "$url"
SELECT format(
         'SELECT %L, count(*), md5(coalesce(string_agg(md5(drill_row::text), %L ORDER BY %s), %L)) FROM %I.%I drill_row;',
         c.relname, '', coalesce(pk.cols, 'drill_row::text COLLATE "C"'), '', n.nspname, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN (
  SELECT i.indrelid, string_agg(format('drill_row.%I', a.attname), ', ' ORDER BY k.ord) AS cols
  FROM pg_index i
  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, ord)
  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  WHERE i.indisprimary
  GROUP BY i.indrelid
) pk ON pk.indrelid = c.oid
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY c.relname;
SQL
}

other_figures() {
  local url=$1
  q "$url" <<'SQL'
WITH sums AS (SELECT project_id, sum(amount) AS total FROM budget_ledger GROUP BY project_id)
SELECT 'ledger', 'projects with entries', count(*)::text FROM sums
UNION ALL SELECT 'ledger', 'sum of all entries', coalesce(sum(total), 0)::text FROM sums
UNION ALL SELECT 'ledger', 'per-project sums checksum',
       md5(coalesce(string_agg(project_id::text || '=' || total::text, ',' ORDER BY project_id), ''))
FROM sums
UNION ALL SELECT 'ledger', 'projects whose adjusted budget differs from their ledger', count(*)::text
FROM projects p LEFT JOIN sums s ON s.project_id = p.id
WHERE p.adjusted_budget <> coalesce(s.total, 0);
SELECT 'migrations', 'applied', count(*)::text || ': ' || string_agg(version, ',' ORDER BY version)
FROM __diesel_schema_migrations;
WITH objects (kind, def) AS (
  SELECT 'index', indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'trigger', pg_get_triggerdef(t.oid) FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'function', pg_get_functiondef(oid) FROM pg_proc
  WHERE pronamespace = 'public'::regnamespace AND prokind IN ('f', 'p')
  UNION ALL
  SELECT 'view', relname || ' ' || pg_get_viewdef(oid) FROM pg_class
  WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v', 'm')
  UNION ALL
  SELECT 'column', table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
         || coalesce(column_default, '')
  FROM information_schema.columns WHERE table_schema = 'public'
)
SELECT 'schema', kind || 's', count(*)::text || ' ' || md5(string_agg(def, E'\n' ORDER BY def COLLATE "C"))
FROM objects GROUP BY kind ORDER BY kind;
SQL
}

take_figures() {
  local url=$1 out=$2
  figures "$url" | awk -F '\t' '{ print "rows\t" $1 "\t" $2; print "checksum\t" $1 "\t" $3 }' >"$out"
  other_figures "$url" >>"$out"
  [ -s "$out" ] || fail "no figures read from $url"
}

# Recomputes the statistics rollups from the raw rows and compares them with the stored ones
# (`budget-monitor verify-rollups`, exit status 1 on any difference), on both databases. A build
# older than the rollups has no such command; the step then says it is skipped.
verify_rollups() {
  local url=$1 name=$2
  if ! "$bin" help 2>/dev/null | grep -q 'verify-rollups'; then
    say "verify-rollups on $name: skipped (the command does not exist yet)"
    return 0
  fi
  run_bin "$url" verify-rollups >&2 || fail "verify-rollups found differences on $name"
  say "verify-rollups on $name: ok"
}

step="reading the source figures"
say "reading the figures of $src_db"
take_figures "$src_url" "$workdir/source.figures"
table_count=$(awk -F '\t' '$1 == "rows"' "$workdir/source.figures" | wc -l)
row_count=$(awk -F '\t' '$1 == "rows" { n += $3 } END { print n + 0 }' "$workdir/source.figures")
projects=$(awk -F '\t' '$1 == "rows" && $2 == "projects" { print $3 }' "$workdir/source.figures")
[ "${projects:-0}" -gt 0 ] || fail "the source database has no projects; seed-demo loaded nothing"
off_ledger=$(awk -F '\t' '$1 == "ledger" && $2 ~ /differs/ { print $3 }' "$workdir/source.figures")
[ "$off_ledger" = 0 ] || fail "in the source, $off_ledger project(s) have an adjusted budget that is not the sum of their ledger"
verify_rollups "$src_url" "$src_db"

# --- 4. Dump and restore -------------------------------------------------------------------------
step="dumping the source database"
say "dumping $src_db (pg_dump -Fc)"
started=$(now)
pg_dump -Fc -d "$src_url" -f "$dump_file" || fail "pg_dump failed"
dump_seconds=$(seconds_since "$started")
dump_mib=$(awk -v b="$(stat -c %s "$dump_file")" 'BEGIN { printf "%.1f", b / 1048576 }')
say "dump: $dump_mib MiB in $dump_seconds s"

step="restoring into a new database"
say "restoring into $dst_db (pg_restore --jobs 2)"
create_db "$dst_db"
started=$(now)
pg_restore --jobs 2 --exit-on-error -d "$dst_url" "$dump_file" || fail "pg_restore failed"
restore_seconds=$(seconds_since "$started")
say "restore: $restore_seconds s"
# pg_restore (15) brings no planner statistics: analyse before serving traffic.
started=$(now)
q "$dst_url" -c 'ANALYZE' || fail "ANALYZE failed on $dst_db"
analyze_seconds=$(seconds_since "$started")
say "analyze: $analyze_seconds s"

# --- 5. Compare ----------------------------------------------------------------------------------
step="comparing the figures"
say "reading the figures of $dst_db and comparing"
take_figures "$dst_url" "$workdir/restored.figures"
if ! diff -u --label "source ($src_db)" --label "restored ($dst_db)" \
  "$workdir/source.figures" "$workdir/restored.figures" >&2; then
  fail "the restored database differs from the source (lines above: - source, + restored)"
fi
figure_count=$(wc -l <"$workdir/source.figures")
say "all $figure_count figures match"
verify_rollups "$dst_url" "$dst_db"

# --- 6. The service on both databases ------------------------------------------------------------
step="starting the service"
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port i
  for i in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  fail "no free port found"
}
jwt_secret=$(head -c 36 /dev/urandom | od -An -tx1 | tr -d ' \n')

# Starts `serve` against a database on a free port; sets service_addr.
start_service() {
  local url=$1 name=$2 port pid i code
  port=$(free_port)
  [ -n "$port" ] || fail "no free port found"
  env -u JWT_KEYS APP_ENV=dev DATABASE_URL="$url" BIND_ADDR="127.0.0.1:$port" \
    JWT_SECRET="$jwt_secret" RUST_LOG=warn "$bin" serve >"$workdir/$name.log" 2>&1 7>&- 8>&- &
  pid=$!
  service_pids+=("$pid")
  service_addr=http://127.0.0.1:$port
  for i in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$workdir/$name.log" >&2
      fail "the service on $name exited at start"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$service_addr/readyz" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.5
  done
  tail -n 20 "$workdir/$name.log" >&2
  fail "the service on $name did not become ready at $service_addr within 60 s"
}

login() {
  local addr=$1 body token
  body=$(curl -sS -H 'Content-Type: application/json' \
    -d "{\"username\":\"$demo_user\",\"password\":\"$demo_password\"}" \
    "$addr/api/v1/auth/login") || fail "login at $addr failed"
  token=$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || fail "login as $demo_user at $addr gave no token: $body"
  printf '%s' "$token"
}

say "starting the service on $src_db and on $dst_db"
start_service "$src_url" "$src_db"
src_addr=$service_addr
start_service "$dst_url" "$dst_db"
dst_addr=$service_addr

step="checking the API"
ready_code=$(curl -s -o "$workdir/readyz.json" -w '%{http_code}' "$dst_addr/readyz")
[ "$ready_code" = 200 ] || fail "/readyz on the restored database answered $ready_code"
grep -q '"ready"' "$workdir/readyz.json" || fail "/readyz body: $(cat "$workdir/readyz.json")"
health_code=$(curl -s -o /dev/null -w '%{http_code}' "$dst_addr/healthz")
[ "$health_code" = 200 ] || fail "/healthz on the restored database answered $health_code"
src_token=$(login "$src_addr")
dst_token=$(login "$dst_addr")
n=0
for path in "${api_checks[@]}"; do
  n=$((n + 1))
  for side in src dst; do
    if [ "$side" = src ]; then addr=$src_addr token=$src_token; else addr=$dst_addr token=$dst_token; fi
    code=$(curl -s -o "$workdir/api$n.$side.json" -w '%{http_code}' \
      -H "Authorization: Bearer $token" "$addr$path")
    [ "$code" = 200 ] || fail "GET $path on $side answered $code: $(head -c 400 "$workdir/api$n.$side.json")"
  done
  if ! cmp -s "$workdir/api$n.src.json" "$workdir/api$n.dst.json"; then
    if command -v jq >/dev/null 2>&1; then
      diff -u <(jq -S . "$workdir/api$n.src.json") <(jq -S . "$workdir/api$n.dst.json") >&2 || true
    fi
    fail "GET $path differs between the source and the restored database"
  fi
  say "GET $path: 200, identical on both ($(wc -c <"$workdir/api$n.src.json") bytes)"
done
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" "$workdir/api1.src.json"; }

step="stopping the services"
stop_services
step="done"

migrations=$(awk -F '\t' '$1 == "migrations" { print $3 }' "$workdir/source.figures")
summary=$(
  cat <<EOF
restore drill: demo data set at scale $scale ($projects projects)
  dump:            $dump_seconds s, $dump_mib MiB (pg_dump -Fc)
  restore:         $restore_seconds s (pg_restore --jobs 2), then ANALYZE $analyze_seconds s
  tables compared: $table_count (row count and content checksum each)
  rows compared:   $row_count
  other figures:   ledger per-project sums, schema objects, migrations ($migrations)
  API:             /readyz 200; ${#api_checks[@]} statistics answers identical (overview: $(field key_monitored_projects) key-monitored projects, $(field key_monitored_funds) yuan)
  total time:      $(seconds_since "$drill_started") s (build $build_seconds s, seed-demo $seed_seconds s)
  result:          PASS ($figure_count figures equal)
EOF
)
# The summary is printed on exit, after the databases are dropped.
