# shellcheck shell=bash
# Makes sure what budget-monitor needs is there: the libpq headers to build it, and a PostgreSQL
# that answers. Each step says what it is doing. Sourced by scripts/serve.sh and scripts/test.sh.

say() { printf '[budget-monitor] %s\n' "$*" >&2; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  say "installing $* with apt-get"
  if [ -z "${BM_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    BM_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# The PostgreSQL client library and headers, which the diesel driver links against.
ensure_build_deps() {
  if command -v pg_config >/dev/null 2>&1 || [ -e /usr/include/postgresql/libpq-fe.h ]; then
    return 0
  fi
  say "the PostgreSQL client library (libpq-dev) is missing; it is needed to build the service"
  if apt_install libpq-dev pkg-config; then
    return 0
  fi
  say "cannot install it here: run 'sudo apt-get install libpq-dev pkg-config' and try again"
  exit 1
}

# Splits a postgres:// URL into PG_HOST and PG_PORT.
parse_pg_url() {
  local rest authority hostport
  rest=${1#*://}
  authority=${rest%%/*}
  hostport=${authority##*@}
  PG_HOST=${hostport%%:*}
  if [ "$hostport" = "$PG_HOST" ]; then PG_PORT=5432; else PG_PORT=${hostport##*:}; fi
  [ -n "$PG_HOST" ] || PG_HOST=127.0.0.1
}

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

wait_for_pg() {
  local i
  for i in $(seq 1 30); do
    if pg_answers; then return 0; fi
    sleep 1
  done
  return 1
}

is_local_host() {
  case "$PG_HOST" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac
}

local_cluster_version() {
  [ -d /etc/postgresql ] && ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1
}

start_local_cluster() {
  local version
  version=$(local_cluster_version)
  [ -n "$version" ] && command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  say "starting the local PostgreSQL $version cluster (pg_ctlcluster $version main start)"
  if is_root; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  else
    return 1
  fi
  wait_for_pg
}

# A freshly installed Debian cluster asks for a password on TCP, and its postgres role has none:
# give it one and record it in ~/.pgpass, which libpq (and so the service) reads.
ensure_tcp_login() {
  local url=$1
  command -v psql >/dev/null 2>&1 || return 0
  if psql "$url" -Atqc 'SELECT 1' >/dev/null 2>&1; then return 0; fi
  if ! is_root || ! is_local_host; then
    say "PostgreSQL answers at $PG_HOST:$PG_PORT but refuses the login in $url;"
    say "set DATABASE_URL / TEST_DATABASE_URL to a role that may log in and create databases"
    exit 1
  fi
  say "PostgreSQL refuses a password-less TCP login: setting the postgres role's password and adding it to ~/.pgpass"
  su postgres -c "psql -qc \"ALTER ROLE postgres PASSWORD 'postgres'\"" >&2
  touch ~/.pgpass && chmod 600 ~/.pgpass
  grep -q '^127.0.0.1:\*:\*:postgres:' ~/.pgpass || echo '127.0.0.1:*:*:postgres:postgres' >>~/.pgpass
  grep -q '^localhost:\*:\*:postgres:' ~/.pgpass || echo 'localhost:*:*:postgres:postgres' >>~/.pgpass
  psql "$url" -Atqc 'SELECT 1' >/dev/null 2>&1 || {
    say "still cannot log in with $url"
    exit 1
  }
}

# Makes PostgreSQL at the URL's host and port answer: use it if it does; else start the local
# cluster; else install PostgreSQL with apt-get (as root) and start it; else say what to do.
ensure_postgres() {
  local url=$1
  parse_pg_url "$url"
  say "checking PostgreSQL at $PG_HOST:$PG_PORT"
  if pg_answers; then
    say "PostgreSQL answers at $PG_HOST:$PG_PORT"
    ensure_tcp_login "$url"
    return 0
  fi
  if ! is_local_host; then
    say "PostgreSQL at $PG_HOST:$PG_PORT does not answer, and it is not on this machine: start it there, or point the URL at a running server"
    exit 1
  fi
  if start_local_cluster; then
    say "PostgreSQL is up"
    ensure_tcp_login "$url"
    return 0
  fi
  if [ -z "$(local_cluster_version)" ]; then
    say "PostgreSQL is not installed"
    if apt_install postgresql postgresql-contrib && start_local_cluster; then
      say "PostgreSQL is installed and up"
      ensure_tcp_login "$url"
      return 0
    fi
  fi
  say "PostgreSQL does not answer at $PG_HOST:$PG_PORT and could not be started from here."
  say "Install and start it (as root: apt-get install postgresql && pg_ctlcluster \$(ls /etc/postgresql) main start),"
  say "or set DATABASE_URL / TEST_DATABASE_URL to a running server, then run this again."
  exit 1
}

# --- A streaming replica of the local primary, for the replica pass of scripts/test.sh ---
#
# ensure_replica URL PORT makes a hot standby of the PostgreSQL server in URL (which must run on
# this machine) answer on 127.0.0.1:PORT, streaming from it:
# - reuses one that answers there, is in recovery, streams, and is a copy of this primary
#   (same system identifier);
# - else starts the one left in its data directory and waits for it to stream;
# - else (missing or broken) makes it afresh: checks that the primary can send WAL
#   (wal_level replica or logical, max_wal_senders > 0; changing those needs a restart, which it
#   does only with BM_ALLOW_PRIMARY_RESTART=1), lets 127.0.0.1 replicate without a password
#   (inserts "host replication all 127.0.0.1/32 trust" at the top of the primary's pg_hba.conf
#   and reloads it; test machines only), copies the primary with
#   `pg_basebackup -R -X stream` (standby.signal and primary_conninfo), writes its own
#   postgresql.conf and pg_hba.conf (trust on 127.0.0.1 and the socket), and starts it.
# No replication slot: a standby left stopped for long falls behind the recycled WAL, is found
# broken by the next run and is made again (a copy of the primary takes seconds), instead of
# making the primary keep WAL for it without bound.
# The standby runs as the postgres user from BM_REPLICA_DIR (default
# /var/lib/postgresql/bm-test-replica-PORT), logging to replica.log there. Returns non-zero,
# after saying why, when it cannot be made; nothing about the primary is changed then except
# what is listed above.

as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif is_root && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  elif is_root; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n -u postgres -- "$@"
  else
    say "cannot run commands as the postgres user (not root, no password-less sudo)"
    return 1
  fi
}

# psql -Atq against a URL; prints the single value or nothing.
pg_value() {
  psql "$1" -Atqc "$2" 2>/dev/null
}

# The URL's credentials and database, with another port (the replica's).
url_with_port() {
  local url=$1 port=$2 scheme rest authority path userinfo=""
  scheme=${url%%://*}
  rest=${url#*://}
  authority=${rest%%/*}
  path=${rest#"$authority"}
  case "$authority" in *@*) userinfo="${authority%@*}@" ;; esac
  parse_pg_url "$url"
  printf '%s://%s%s:%s%s' "$scheme" "$userinfo" "$PG_HOST" "$port" "$path"
}

replica_streams() {
  local replica_url=$1 primary_id=$2 state
  state=$(pg_value "$replica_url" "SELECT pg_is_in_recovery()::text || ' ' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none') || ' ' || (SELECT system_identifier FROM pg_control_system())")
  [ "$state" = "true streaming $primary_id" ]
}

wait_replica_streams() {
  local replica_url=$1 primary_id=$2 i
  for i in $(seq 1 "${3:-30}"); do
    if replica_streams "$replica_url" "$primary_id"; then return 0; fi
    sleep 1
  done
  return 1
}

# Lets 127.0.0.1 open replication connections to the primary without a password.
allow_local_replication() {
  local url=$1 hba
  parse_pg_url "$url"
  if psql "host=$PG_HOST port=$PG_PORT user=postgres dbname=postgres replication=true" -Atqc "IDENTIFY_SYSTEM" >/dev/null 2>&1; then
    return 0
  fi
  hba=$(pg_value "$url" "SHOW hba_file")
  if [ -z "$hba" ] || [ ! -f "$hba" ]; then
    say "the primary refuses replication from 127.0.0.1 and its pg_hba.conf is not on this machine"
    return 1
  fi
  say "the primary refuses replication connections from 127.0.0.1: adding 'host replication all 127.0.0.1/32 trust' at the top of $hba and reloading (test machines only)"
  # Rewritten in place (cat >), so the file keeps its owner and mode.
  local edit='f=$1; { printf "%s\n%s\n" "# budget-monitor test replica (scripts/lib/postgres.sh): replication from this machine" "host replication all 127.0.0.1/32 trust"; cat "$f"; } >"$f.bm-new" && cat "$f.bm-new" >"$f" && rm -f "$f.bm-new"'
  if is_root; then
    sh -c "$edit" sh "$hba" || return 1
  else
    as_postgres sh -c "$edit" sh "$hba" || return 1
  fi
  pg_value "$url" "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  psql "host=$PG_HOST port=$PG_PORT user=postgres dbname=postgres replication=true" -Atqc "IDENTIFY_SYSTEM" >/dev/null 2>&1 || {
    say "the primary still refuses replication from 127.0.0.1 after editing $hba"
    return 1
  }
}

# wal_level and max_wal_senders allow a streaming standby (they need a restart to change).
primary_sends_wal() {
  local url=$1 level senders version
  level=$(pg_value "$url" "SHOW wal_level")
  senders=$(pg_value "$url" "SHOW max_wal_senders")
  if [ "$level" != minimal ] && [ "${senders:-0}" -gt 0 ]; then
    return 0
  fi
  say "the primary has wal_level=$level and max_wal_senders=$senders: a standby needs wal_level=replica and max_wal_senders of at least 1, which take a restart"
  version=$(local_cluster_version)
  if [ "${BM_ALLOW_PRIMARY_RESTART:-0}" = 1 ] && [ -n "$version" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    say "BM_ALLOW_PRIMARY_RESTART=1: setting them with ALTER SYSTEM and restarting the $version/main cluster"
    pg_value "$url" "ALTER SYSTEM SET wal_level = 'replica'" >/dev/null
    [ "${senders:-0}" -gt 0 ] || pg_value "$url" "ALTER SYSTEM SET max_wal_senders = 10" >/dev/null
    if is_root; then
      pg_ctlcluster --skip-systemctl-redirect "$version" main restart >&2 || return 1
    else
      sudo -n pg_ctlcluster --skip-systemctl-redirect "$version" main restart >&2 || return 1
    fi
    wait_for_pg || return 1
    return 0
  fi
  say "set them on the primary (ALTER SYSTEM SET wal_level = 'replica'; ALTER SYSTEM SET max_wal_senders = 10) and restart it, or run again with BM_ALLOW_PRIMARY_RESTART=1"
  return 1
}

ensure_replica() {
  local url=$1 port=$2 replica_url primary_id major bindir dir running_dir setting
  parse_pg_url "$url"
  if ! is_local_host; then
    say "the primary at $PG_HOST:$PG_PORT is not on this machine: cannot make a replica of it here"
    return 1
  fi
  replica_url=$(url_with_port "$url" "$port")
  primary_id=$(pg_value "$url" "SELECT system_identifier FROM pg_control_system()")
  if [ -z "$primary_id" ]; then
    say "cannot read the primary's system identifier through $url"
    return 1
  fi
  if replica_streams "$replica_url" "$primary_id"; then
    say "reusing the streaming replica on 127.0.0.1:$port"
    return 0
  fi
  major=$(( $(pg_value "$url" "SHOW server_version_num") / 10000 ))
  bindir=/usr/lib/postgresql/$major/bin
  [ -x "$bindir/pg_ctl" ] || bindir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")
  if [ ! -x "$bindir/pg_ctl" ] || [ ! -x "$bindir/pg_basebackup" ]; then
    say "pg_ctl and pg_basebackup of PostgreSQL $major are not installed (looked in /usr/lib/postgresql/$major/bin and PATH)"
    return 1
  fi
  dir=${BM_REPLICA_DIR:-/var/lib/postgresql/bm-test-replica-$port}

  # Something answers on the port: ours (broken) is stopped and remade; anything else is in the way.
  if pg_answers_at 127.0.0.1 "$port"; then
    running_dir=$(pg_value "$replica_url" "SHOW data_directory")
    if [ "$running_dir" != "$dir" ]; then
      say "127.0.0.1:$port is taken by another server (${running_dir:-unknown data directory}); free it or set BM_REPLICA_DIR"
      return 1
    fi
  elif [ -f "$dir/standby.signal" ]; then
    say "starting the replica left in $dir"
    if as_postgres "$bindir/pg_ctl" -D "$dir" -l "$dir/replica.log" -w -t 60 -o "-p $port" start >/dev/null 2>&1 &&
      wait_replica_streams "$replica_url" "$primary_id" 20; then
      say "the replica on 127.0.0.1:$port streams again"
      return 0
    fi
  fi

  say "making a streaming replica of $PG_HOST:$PG_PORT on 127.0.0.1:$port in $dir"
  primary_sends_wal "$url" || return 1
  allow_local_replication "$url" || return 1
  if [ -f "$dir/PG_VERSION" ]; then
    as_postgres "$bindir/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if is_root; then
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres:postgres "$dir" && chmod 700 "$dir" || return 1
  else
    as_postgres rm -rf "$dir" && as_postgres mkdir -m 700 -p "$dir" || return 1
  fi
  say "copying the primary: pg_basebackup -R -X stream -c fast"
  as_postgres "$bindir/pg_basebackup" -h "$PG_HOST" -p "$PG_PORT" -U postgres -D "$dir" -R -X stream -c fast -N >&2 || {
    say "pg_basebackup failed"
    return 1
  }
  # Hot standby needs these at least as high as on the primary.
  {
    echo "# budget-monitor test replica of $PG_HOST:$PG_PORT (scripts/lib/postgres.sh)"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    if [ -d /var/run/postgresql ]; then
      echo "unix_socket_directories = '/var/run/postgresql'"
    else
      echo "unix_socket_directories = '$dir'"
    fi
    echo "hot_standby = on"
    # Queries on the standby hold back cleanup on the primary instead of being cancelled.
    echo "hot_standby_feedback = on"
    echo "fsync = off"
    echo "logging_collector = off"
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
      echo "$setting = $(pg_value "$url" "SHOW $setting")"
    done
  } | as_postgres sh -c "cat >'$dir/postgresql.conf'" || return 1
  printf '%s\n' "local all all trust" "host all all 127.0.0.1/32 trust" |
    as_postgres sh -c "cat >'$dir/pg_hba.conf'" || return 1
  as_postgres sh -c ": >'$dir/pg_ident.conf'" || return 1
  if ! as_postgres "$bindir/pg_ctl" -D "$dir" -l "$dir/replica.log" -w -t 60 -o "-p $port" start >/dev/null; then
    say "the replica did not start; its log ($dir/replica.log) ends with:"
    tail -n 20 "$dir/replica.log" >&2 || true
    return 1
  fi
  if ! wait_replica_streams "$replica_url" "$primary_id" 30; then
    say "the replica started but does not stream; its log ($dir/replica.log) ends with:"
    tail -n 20 "$dir/replica.log" >&2 || true
    return 1
  fi
  say "the replica on 127.0.0.1:$port streams from $PG_HOST:$PG_PORT"
}

pg_answers_at() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 3
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}
