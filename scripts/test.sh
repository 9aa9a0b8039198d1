#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL, starting or installing it when needed.
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test errors`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_build_deps
ensure_postgres "$TEST_DATABASE_URL"
say "running the test suite (cargo test); each test gets its own database cloned from a migrated template"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test --locked "$@" 2>&1 | tee "$log" || status=$?
# One closing line for the whole run (cargo prints one per test binary).
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1); if ($i ~ /^ignored;?$/) s += $(i-1) } }
     END { printf "summary: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
