#!/usr/bin/env bash
# THE test command: ./test.sh [extra `dotnet test` args, e.g. --filter "FullyQualifiedName~Intake"]
#
# 1. installs missing system packages (rabbitmq-server, postgresql) with apt-get; when
#    everything is present apt is not touched at all;
# 2. starts (or reuses, if already running and healthy) a private RabbitMQ node and a
#    private PostgreSQL cluster on 127.0.0.1, all state under $KPUTRIAGE_SERVICES_DIR
#    (default /tmp/kputriage-test-services) -- see tests/services/;
# 3. runs `dotnet test KpuTriage.sln -c Release "$@"` with these variables set:
#      KPUTRIAGE_TEST_RABBITMQ             amqp://guest:guest@127.0.0.1:5682/
#      KPUTRIAGE_TEST_RABBITMQ_MANAGEMENT  http://127.0.0.1:15682/ (guest/guest)
#      KPUTRIAGE_TEST_RABBITMQCTL          <repo>/tests/services/rabbitmqctl.sh (stop_app/start_app)
#      KPUTRIAGE_TEST_POSTGRES             Host=127.0.0.1;Port=5442;Username=postgres;Password=postgres;Database=postgres
#      KPUTRIAGE_SERVICES_DIR              where the services keep their state
#      OMP_THREAD_LIMIT=1                  (Tesseract: one thread per process)
# 4. stops the services it started itself (not ones that were already running; set
#    KPUTRIAGE_KEEP_SERVICES=1 to leave them up for the next run), prints
#    "N passed, N failed, N skipped" as the last line and exits with dotnet test's code.
#
# CI runs this through .ci/run (as root, CI=true, fresh clone).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"
services="$root/tests/services"
# shellcheck source=tests/services/env.sh
source "$services/env.sh"

say() { echo "[test.sh] $*" >&2; }

# ---- 1. system packages ---------------------------------------------------------------
install_packages() {
  local need=()
  [[ -x "$RABBITMQ_TEST_BIN/rabbitmq-server" && -x "$RABBITMQ_TEST_BIN/rabbitmqctl" ]] || need+=(rabbitmq-server)
  postgres_bin_dir >/dev/null || need+=(postgresql)
  ((${#need[@]})) || return 0
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { say "missing packages ${need[*]} and not root"; exit 1; }
    sudo=(sudo)
  fi
  say "installing ${need[*]} with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

# ---- summary line from dotnet test's output --------------------------------------------
# Sums the per-assembly VSTest lines
#   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
# and falls back to the terminal logger's "Test summary: total: 12, failed: 0, succeeded: 12, skipped: 0".
summarize() {
  sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    function num(label,   s) {
      if (match($0, label ":[[:space:]]*[0-9]+")) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); return s + 0 }
      return 0
    }
    /(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:[[:space:]]*[0-9]/ {
      vs = 1; f += num("Failed"); p += num("Passed"); s += num("Skipped")
    }
    /Test summary: total:[[:space:]]*[0-9]/ { tl = 1; tf = num("failed"); tp = num("succeeded"); ts = num("skipped") }
    END {
      if (vs)      printf "%d passed, %d failed, %d skipped\n", p, f, s
      else if (tl) printf "%d passed, %d failed, %d skipped\n", tp, tf, ts
    }'
}

# ---- 2./4. services, with cleanup on every exit path ------------------------------------
started=()      # services this run started (stopped again on exit)
rabbit_job=""   # background "rabbitmq.sh start" while PostgreSQL starts
test_job=""     # background subshell running dotnet test | tee
summary=""
test_log="$SERVICES_DIR/dotnet-test.log"

# shellcheck disable=SC2317  # invoked from the EXIT trap
cleanup() {
  local rc=$? i
  set +e
  trap - INT TERM
  if [[ -n "$test_job" ]]; then   # interrupted while the tests run: stop dotnet test first
    say "interrupted: stopping dotnet test"
    pkill -TERM -x -P "$test_job" dotnet 2>/dev/null
    wait "$test_job" 2>/dev/null
    summary="$(summarize "$test_log")"
  fi
  [[ -n "$rabbit_job" ]] && wait "$rabbit_job" 2>/dev/null
  if [[ "${KPUTRIAGE_KEEP_SERVICES:-0}" == 1 ]]; then
    ((${#started[@]})) && say "leaving ${started[*]} running (KPUTRIAGE_KEEP_SERVICES=1)"
  else
    # Stop in parallel: RabbitMQ's orderly shutdown alone takes ~8 s.
    for ((i = 0; i < ${#started[@]}; i++)); do bash "$services/${started[i]}.sh" stop & done
    wait
  fi
  [[ -n "$summary" ]] && echo "$summary"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v dotnet >/dev/null || { say "dotnet SDK not found on PATH"; exit 1; }
install_packages
mkdir -p "$SERVICES_DIR"

t0=$SECONDS
if bash "$services/rabbitmq.sh" status >/dev/null 2>&1; then
  say "RabbitMQ already running: reusing it (left running afterwards)"
else
  started+=(rabbitmq)
  bash "$services/rabbitmq.sh" start &
  rabbit_job=$!
fi
if bash "$services/postgres.sh" status >/dev/null 2>&1; then
  say "PostgreSQL already running: reusing it (left running afterwards)"
else
  started+=(postgres)
  bash "$services/postgres.sh" start || { say "PostgreSQL failed to start"; exit 1; }
fi
if [[ -n "$rabbit_job" ]]; then
  job=$rabbit_job; rabbit_job=""
  wait "$job" || { say "RabbitMQ failed to start"; exit 1; }
fi
say "services ready in $((SECONDS - t0)) s"

# ---- 3. the tests ---------------------------------------------------------------------
export KPUTRIAGE_TEST_RABBITMQ="$KPUTRIAGE_TEST_RABBITMQ_URI"
export KPUTRIAGE_TEST_RABBITMQ_MANAGEMENT="$KPUTRIAGE_TEST_RABBITMQ_MGMT_URI"
export KPUTRIAGE_TEST_RABBITMQCTL="$services/rabbitmqctl.sh"
export KPUTRIAGE_TEST_POSTGRES="$KPUTRIAGE_TEST_POSTGRES_CS"
export OMP_THREAD_LIMIT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say "dotnet test KpuTriage.sln -c Release $*"
# In the background + `wait`, so a SIGTERM/SIGINT sent to this script alone is handled at
# once (cleanup forwards it to dotnet) instead of after the whole test run.
rc_file="$SERVICES_DIR/dotnet-test.rc"
rm -f "$rc_file"
(
  set +e
  dotnet test KpuTriage.sln -c Release "$@" 2>&1 | tee "$test_log"
  echo "${PIPESTATUS[0]}" >"$rc_file"
) &
test_job=$!
wait "$test_job" || true
test_job=""
rc="$(cat "$rc_file" 2>/dev/null || echo 1)"
summary="$(summarize "$test_log" || true)"
exit "$rc"
