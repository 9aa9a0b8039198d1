#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL, starting or installing it when needed.
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test errors`).
#
# Beside the whole suite it runs the replica pass: the statistics, list and export tests once
# more (and tests/replica.rs, which needs it), with TEST_READ_REPLICA_PORT so that every test
# app reads through DATABASE_READ_URL from a streaming replica of the test server. The replica
# is made (or reused) on 127.0.0.1:${TEST_REPLICA_PORT:-5433} by `ensure_replica` in
# scripts/lib/postgres.sh. TEST_REPLICA=0 skips the pass, TEST_REPLICA=1 runs it also when
# arguments are given. When the replica cannot be made the rest of the suite still runs, and the
# run fails saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
replica_port=${TEST_REPLICA_PORT:-5433}
replica_tests=(--test stats --test projects --test query_language --test exports --test replica)
replica=${TEST_REPLICA:-auto}
if [ "$replica" = auto ]; then
  if [ $# -eq 0 ]; then replica=1; else replica=0; fi
fi
ensure_build_deps
ensure_postgres "$TEST_DATABASE_URL"

replica_ready=0
if [ "$replica" = 1 ]; then
  say "making sure a streaming replica of the test server answers on 127.0.0.1:$replica_port (for the replica pass)"
  if ensure_replica "$TEST_DATABASE_URL" "$replica_port"; then
    replica_ready=1
  else
    say "!!! NO STREAMING REPLICA: the replica pass cannot run, so this run will FAIL; the rest of the suite runs as usual !!!"
  fi
fi

log=$(mktemp)
replica_log=$(mktemp)
trap 'rm -f "$log" "$replica_log"' EXIT

# One closing line for a run (cargo prints one per test binary).
summarize() {
  awk -v what="$2" '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1); if ($i ~ /^ignored;?$/) s += $(i-1) } }
       END { printf "%s: %d passed, %d failed, %d skipped\n", what, p, f, s }' "$1"
}

# Build once, so that the two runs below only run test binaries.
say "building the tests"
cargo test --locked --no-run "$@"
if [ "$replica_ready" = 1 ] && [ $# -gt 0 ]; then
  cargo test --locked --no-run "${replica_tests[@]}"
fi

replica_pid=
if [ "$replica_ready" = 1 ]; then
  say "replica pass (${replica_tests[*]}, reading from 127.0.0.1:$replica_port) runs beside the main run; its output follows"
  (
    started=$SECONDS
    rc=0
    # At a lower CPU priority, so that the main run's timing (a shutdown grace, pool timeouts)
    # is not what gives.
    TEST_READ_REPLICA_PORT=$replica_port nice -n 10 cargo test --locked "${replica_tests[@]}" >"$replica_log" 2>&1 || rc=$?
    echo "replica pass took $((SECONDS - started)) s" >>"$replica_log"
    exit "$rc"
  ) &
  replica_pid=$!
fi

say "running the test suite (cargo test); each test gets its own database cloned from a migrated template"
status=0
cargo test --locked "$@" 2>&1 | tee "$log" || status=$?
summarize "$log" summary

replica_status=0
if [ -n "$replica_pid" ]; then
  wait "$replica_pid" || replica_status=$?
  say "replica pass output:"
  cat "$replica_log"
  summarize "$replica_log" "replica pass summary"
elif [ "$replica" = 1 ]; then
  replica_status=1
  say "replica pass: FAILED, no streaming replica could be made (see the messages at the start)"
fi
if [ "$replica_status" != 0 ] && [ "$status" = 0 ]; then
  status=$replica_status
fi
exit "$status"
