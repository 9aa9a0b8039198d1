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
