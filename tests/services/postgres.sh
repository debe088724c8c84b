#!/usr/bin/env bash
# Private throwaway PostgreSQL cluster for the integration tests: postgres.sh start|stop|status
#
#   127.0.0.1:5442 only, unix socket in $KPUTRIAGE_SERVICES_DIR/postgres/sock, superuser
#   "postgres" with trust authentication (any password, e.g. "postgres", is ignored),
#   durability switched off (fsync, synchronous_commit, full_page_writes) for speed.
#   Debian's own cluster(s) are never touched.
#
# start  is idempotent: a healthy cluster of ours is reused; otherwise any postmaster of
#        ours is stopped (stale postmaster.pid files included) and a fresh cluster is
#        initdb'd. Fails loudly if a foreign process holds port 5442.
# stop   fast shutdown; succeeds when nothing was running. Data stays until the next start.
# status exit 0 when our cluster runs and answers "select 1", else 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$here/env.sh"
P="$POSTGRES_TEST_DIR"
data="$P/data"
sock="$P/sock"
port="$POSTGRES_TEST_PORT"

log() { echo "[postgres] $*" >&2; }

bin="$(postgres_bin_dir || true)"
if [[ -z "$bin" ]]; then
  log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  exit 1
fi
psql_bin="$bin/psql"; [[ -x "$psql_bin" ]] || psql_bin="$(command -v psql)"

# initdb/pg_ctl refuse to run as root: use the postgres account when we are root.
if [[ $EUID -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || { log "user 'postgres' missing (apt-get install postgresql)"; exit 1; }
  owner=postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  owner="$(id -un)"
  as_pg() { "$@"; }
fi

lock() {
  mkdir -p "$SERVICES_DIR"
  chmod 755 "$SERVICES_DIR" 2>/dev/null || true   # postgres must traverse it
  exec 9>"$SERVICES_DIR/postgres.lock"
  flock -w 120 9 || log "warning: $SERVICES_DIR/postgres.lock still held after 120 s; continuing"
}

# PID of our postmaster if it is alive (first line of postmaster.pid, and the process
# really is a postgres serving our data directory).
our_postmaster() {
  local pid
  [[ -s "$data/postmaster.pid" ]] || return 1
  pid="$(head -n 1 "$data/postmaster.pid" | tr -dc '0-9')"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$data" || return 1
  echo "$pid"
}

healthy() {
  our_postmaster >/dev/null || return 1
  [[ "$("$psql_bin" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq -c 'select 1' 2>/dev/null)" == 1 ]]
}

kill_ours() {
  local pid i
  pid="$(our_postmaster)" || return 0
  log "stopping leftover postmaster $pid"
  as_pg "$bin/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1 9>&- || true
  for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

start() {
  lock
  if healthy; then log "reusing running cluster on 127.0.0.1:$port"; return 0; fi
  local t0=$SECONDS
  kill_ours
  if port_open "$port"; then
    log "port 127.0.0.1:$port is held by another process:"
    ss -ltnp "sport = :$port" >&2 2>/dev/null || true
    exit 1
  fi

  # A fresh cluster every time we start one (< 1 s): no state leaks between runs, and
  # stale postmaster.pid / socket lock files disappear with it.
  rm -rf "$P"
  install -d -o "$owner" -m 700 "$P" "$sock"
  as_pg "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$P/initdb.log" 2>&1 9>&- || { log "initdb failed:"; cat "$P/initdb.log" >&2; exit 1; }
  as_pg tee -a "$data/postgresql.conf" >/dev/null <<CONF

# --- kputriage test settings (tests/services/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF

  log "starting cluster $data on 127.0.0.1:$port"
  # setsid: a Ctrl-C in the terminal must not reach the postmaster; test.sh stops it.
  if ! as_pg setsid --wait "$bin/pg_ctl" -D "$data" -l "$P/server.log" -w -t 60 start >/dev/null 2>&1 9>&-; then
    log "pg_ctl start failed:"; tail -n 40 "$P/server.log" >&2 || true; kill_ours; exit 1
  fi
  local i
  for ((i = 0; i < 40; i++)); do healthy && break; sleep 0.25; done
  healthy || { log "cluster does not answer"; tail -n 40 "$P/server.log" >&2 || true; kill_ours; exit 1; }
  log "cluster ready in $((SECONDS - t0)) s (log: $P/server.log)"
}

stop() {
  lock
  local pid i
  if pid="$(our_postmaster)"; then
    log "stopping cluster (postmaster $pid)"
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 9>&- || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill_ours
  fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if healthy; then echo "postgres: running ($KPUTRIAGE_TEST_POSTGRES_CS)"; else echo "postgres: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
