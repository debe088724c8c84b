# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared settings for the private test services (sourced by test.sh and the scripts
# in tests/services/, and by tests/KpuTriage.Benchmarks/run.sh). Exports only
# KPUTRIAGE_SERVICES_DIR (so helpers called later from inside the tests, such as
# rabbitmqctl.sh, find the same node) and the KPUTRIAGE_TEST_* connection settings;
# the rest are plain shell variables. HOME is changed only by rabbitmq_test_env, which
# must never run in dotnet's environment (NuGet lives under the real HOME).
#
# Everything lives under $KPUTRIAGE_SERVICES_DIR (default /tmp/kputriage-test-services):
#   rabbitmq/  home/ (HOME + .erlang.cookie), mnesia/, log/, rabbitmq.conf, enabled_plugins
#   postgres/  data/ (the cluster), sock/ (unix socket), server.log

export KPUTRIAGE_SERVICES_DIR="${KPUTRIAGE_SERVICES_DIR:-/tmp/kputriage-test-services}"
SERVICES_DIR="$KPUTRIAGE_SERVICES_DIR"

# Loopback ports, all below 32768 (outside the ephemeral range) and off the defaults so
# a system RabbitMQ/PostgreSQL on 5672/5432 is never touched.
RABBITMQ_TEST_AMQP_PORT=5682
RABBITMQ_TEST_MGMT_PORT=15682
RABBITMQ_TEST_EPMD_PORT=4379
RABBITMQ_TEST_DIST_PORT=25682
RABBITMQ_TEST_NODE=kputriage-test@localhost
RABBITMQ_TEST_DIR="$SERVICES_DIR/rabbitmq"
RABBITMQ_TEST_BIN=/usr/lib/rabbitmq/bin   # the real scripts, not the /usr/sbin su-wrappers

POSTGRES_TEST_PORT=5442
POSTGRES_TEST_DIR="$SERVICES_DIR/postgres"

# Connection settings for the tests (and tests/KpuTriage.Benchmarks/run.sh), exported so
# that sourcing this file is enough to point a dotnet process at the private services.
KPUTRIAGE_TEST_RABBITMQ_URI="amqp://guest:guest@127.0.0.1:${RABBITMQ_TEST_AMQP_PORT}/"
KPUTRIAGE_TEST_RABBITMQ_MGMT_URI="http://127.0.0.1:${RABBITMQ_TEST_MGMT_PORT}/"
KPUTRIAGE_TEST_POSTGRES_CS="Host=127.0.0.1;Port=${POSTGRES_TEST_PORT};Username=postgres;Password=postgres;Database=postgres"
export KPUTRIAGE_TEST_RABBITMQ="$KPUTRIAGE_TEST_RABBITMQ_URI"
export KPUTRIAGE_TEST_RABBITMQ_MANAGEMENT="$KPUTRIAGE_TEST_RABBITMQ_MGMT_URI"
export KPUTRIAGE_TEST_POSTGRES="$KPUTRIAGE_TEST_POSTGRES_CS"
KPUTRIAGE_TEST_RABBITMQCTL="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/rabbitmqctl.sh"
export KPUTRIAGE_TEST_RABBITMQCTL

# Newest installed PostgreSQL server binaries (15 on this image); empty if none.
postgres_bin_dir() {
  local d best=""
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && best="$d"
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  [[ -n "$best" ]] && echo "$best"
}

# Export the environment RabbitMQ's own scripts need to address *our* node. Only the
# rabbitmq helpers call this: it changes HOME (where the Erlang cookie lives), which
# must never leak into dotnet's environment.
rabbitmq_test_env() {
  local d="$RABBITMQ_TEST_DIR"
  export HOME="$d/home"
  export RABBITMQ_NODENAME="$RABBITMQ_TEST_NODE"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_TEST_AMQP_PORT"
  export RABBITMQ_DIST_PORT="$RABBITMQ_TEST_DIST_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$RABBITMQ_TEST_EPMD_PORT"
  export RABBITMQ_MNESIA_BASE="$d/mnesia"
  export RABBITMQ_LOG_BASE="$d/log"
  export RABBITMQ_PID_FILE="$d/beam.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$d/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$d/advanced.config"
  export RABBITMQ_CONF_ENV_FILE="$d/rabbitmq-env.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_CRASH_DUMP="$d/erl_crash.dump"   # not the caller's working directory
  export PATH="$RABBITMQ_TEST_BIN:$PATH"
  # HOME and its Erlang cookie must exist before any CLI call: otherwise the CLI VM dies
  # ("Failed to create cookie file") and leaves a crash dump. Kept across runs.
  if [[ ! -s "$HOME/.erlang.cookie" ]]; then
    mkdir -p "$HOME"
    chmod 700 "$HOME"
    (umask 077; head -c 32 /dev/urandom | sha256sum | cut -c1-40 | tr 'a-f' 'A-F' >"$HOME/.erlang.cookie")
    chmod 400 "$HOME/.erlang.cookie"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
