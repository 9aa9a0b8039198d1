#!/usr/bin/env bash
# Runs the service on BIND_ADDR (default 127.0.0.1:8080) against DATABASE_URL with the Shandong
# 2021 demo data set, starting or installing PostgreSQL when needed; the database is created and
# migrated on start. SEED_DEMO=0 skips the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/budget_monitor}
ensure_build_deps
maintenance_url=${DATABASE_URL%/*}/postgres
ensure_postgres "$maintenance_url"
say "building the service (cargo build --release)"
cargo build --release --locked
if [ "${SEED_DEMO:-1}" != 0 ]; then
  say "loading the demo data set (budget-monitor seed-demo; skipped when already there)"
  target/release/budget-monitor seed-demo || say "demo data not loaded (see above); serving the database as it is"
fi
say "starting the service on http://${BIND_ADDR:-127.0.0.1:8080} (API docs at /docs/, stop with Ctrl-C)"
exec target/release/budget-monitor serve
