#!/usr/bin/env bash
# THE test command: ./test.sh [extra `dotnet test` args, e.g. --filter "FullyQualifiedName~Intake"]
#
# 1. installs missing system packages (rabbitmq-server, postgresql, tesseract-ocr with
#    tesseract-ocr-ind, poppler-utils, imagemagick, chromium, strace) with apt-get; when
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
#    and with a hang bound: a test running longer than KPUTRIAGE_TEST_HANG_TIMEOUT (default 10m)
#    aborts the run, and the summary names it ("hung: <test>"), so a hang never eats CI's limit;
# 4. stops the services test.sh started (never ones started by hand with
#    tests/services/*.sh start, nor while another test.sh run still uses them; set
#    KPUTRIAGE_KEEP_SERVICES=1 to leave them up for the next run), prints
#    "N passed, N failed, N skipped" as the last line and exits with dotnet test's code;
# 5. with no arguments (the whole suite), then runs the fault harness with 500 letters
#    (KPUTRIAGE_FAULT_LETTERS) and fails when it finds a letter lost, duplicated or stuck.
#
# CI runs this through .ci/run (as root, CI=true, fresh clone).
# shellcheck disable=SC2317  # cleanup and its helpers run from the EXIT trap
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
  command -v pgrep >/dev/null || need+=(procps)   # pgrep/pkill, absent from minimal images
  # OCR: tesseract with its Indonesian model, pdftoppm for scanned PDFs, ImageMagick to draw
  # scan-like test images (a `convert` that is not ImageMagick's does not count).
  command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -x ind >/dev/null \
    || need+=(tesseract-ocr tesseract-ocr-ind)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  convert -version 2>/dev/null | grep '^Version: ImageMagick' >/dev/null || need+=(imagemagick)
  # The desk's browser tests drive Debian's Chromium through Playwright (no browser download).
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  # The outbound-connection specs trace each host's connects with strace.
  command -v strace >/dev/null || need+=(strace)
  # The Kubernetes manifests are validated by node against schemas bundled in npm packages.
  command -v node >/dev/null && command -v npm >/dev/null || need+=(nodejs npm)
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
    hung { sub(/^[[:space:]]+/, ""); if (length($0)) { printf "hung: %s\n", $0 }; hung = 0 }
    /The test running when the crash occurred:/ { hung = 1 }
    END {
      if (vs)      printf "%d passed, %d failed, %d skipped\n", p, f, s
      else if (tl) printf "%d passed, %d failed, %d skipped\n", tp, tf, ts
    }'
}

# ---- 2./4. services, with cleanup on every exit path ------------------------------------
# Runs of this script may overlap (two terminals, a benchmark): each registers its pid in
# $SERVICES_DIR/runs/, and services are only stopped by the last run to finish. A service
# started by a run gets a "<name>.owned" marker; one started by hand (tests/services/*.sh
# start) or under KPUTRIAGE_KEEP_SERVICES=1 has none and is never stopped here.
runs_dir="$SERVICES_DIR/runs"
rabbit_job=""   # background "rabbitmq.sh start" while PostgreSQL starts
test_job=""     # background subshell running dotnet test | tee
summary=""
test_log="$SERVICES_DIR/dotnet-test-$$.log"
rc_file="$SERVICES_DIR/dotnet-test-$$.rc"

lock_runs() {
  exec 7>"$SERVICES_DIR/runs.lock"
  flock -w 600 7 || say "warning: $SERVICES_DIR/runs.lock still held after 600 s; continuing"
}
unlock_runs() { flock -u 7; exec 7>&-; }
other_runs() {
  local f pid
  for f in "$runs_dir"/*; do
    [[ -e "$f" ]] || continue
    pid="${f##*/}"
    if [[ "$pid" != "$$" ]] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; else rm -f "$f"; fi
  done
}

cleanup() {
  local rc=$? svc others
  set +e
  trap - INT TERM
  if [[ -n "$test_job" ]]; then   # interrupted while the tests run: stop dotnet test first
    say "interrupted: stopping dotnet test"
    pkill -TERM -x -P "$test_job" dotnet 2>/dev/null
    wait "$test_job" 2>/dev/null
    summary="$(summarize "$test_log")"
  fi
  [[ -n "$rabbit_job" ]] && wait "$rabbit_job" 2>/dev/null
  if [[ -d "$runs_dir" ]]; then
    lock_runs
    rm -f "$runs_dir/$$"
    others="$(other_runs | tr '\n' ' ')"
    if [[ "${KPUTRIAGE_KEEP_SERVICES:-0}" == 1 ]]; then
      :
    elif [[ -n "${others// /}" ]]; then
      say "leaving the services running: still used by test.sh pid(s) $others"
    else
      # In parallel: RabbitMQ's orderly shutdown alone takes ~8 s.
      for svc in rabbitmq postgres; do
        [[ -e "$SERVICES_DIR/$svc.owned" ]] || continue
        { bash "$services/$svc.sh" stop 7>&-; rm -f "$SERVICES_DIR/$svc.owned"; } &
      done
      wait
    fi
    unlock_runs
  fi
  rm -f "$test_log" "$rc_file"
  [[ -n "$summary" ]] && echo "$summary"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v dotnet >/dev/null || { say "dotnet SDK not found on PATH"; exit 1; }
install_packages
mkdir -p "$runs_dir"

t0=$SECONDS
lock_runs   # held while starting: a concurrent run waits, then reuses what this one started
: >"$runs_dir/$$"
own() { [[ "${KPUTRIAGE_KEEP_SERVICES:-0}" == 1 ]] || : >"$SERVICES_DIR/$1.owned"; }
if bash "$services/rabbitmq.sh" status >/dev/null 2>&1; then
  say "RabbitMQ already running: reusing it"
else
  own rabbitmq
  bash "$services/rabbitmq.sh" start 7>&- &
  rabbit_job=$!
fi
if bash "$services/postgres.sh" status >/dev/null 2>&1; then
  say "PostgreSQL already running: reusing it"
else
  own postgres
  bash "$services/postgres.sh" start 7>&- || { say "PostgreSQL failed to start"; exit 1; }
fi
if [[ -n "$rabbit_job" ]]; then
  job=$rabbit_job; rabbit_job=""
  wait "$job" || { say "RabbitMQ failed to start"; exit 1; }
fi
unlock_runs
say "services ready in $((SECONDS - t0)) s"

# ---- 3. the tests ---------------------------------------------------------------------
# deploy/k8s/validate: the Kubernetes and KEDA schemas (npm packages, pinned by its lock file),
# run by K8sManifestSpecs. Installed once; `npm ci` again only when the lock file changes.
validator="$root/deploy/k8s/validate"
if [[ ! -d "$validator/node_modules" || "$validator/package-lock.json" -nt "$validator/node_modules" ]]; then
  say "installing the manifest validator (npm ci in deploy/k8s/validate)"
  npm ci --prefix "$validator" --no-audit --no-fund --loglevel=error >&2 && touch "$validator/node_modules"
fi
export KPUTRIAGE_TEST_RABBITMQ="$KPUTRIAGE_TEST_RABBITMQ_URI"
export KPUTRIAGE_TEST_RABBITMQ_MANAGEMENT="$KPUTRIAGE_TEST_RABBITMQ_MGMT_URI"
export KPUTRIAGE_TEST_RABBITMQCTL="$services/rabbitmqctl.sh"
export KPUTRIAGE_TEST_POSTGRES="$KPUTRIAGE_TEST_POSTGRES_CS"
export OMP_THREAD_LIMIT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

hang=(--blame-hang-timeout "${KPUTRIAGE_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
say "dotnet test KpuTriage.sln -c Release ${hang[*]} $*"
# In the background + `wait`, so a SIGTERM/SIGINT sent to this script alone is handled at
# once (cleanup forwards it to dotnet) instead of after the whole test run.
(
  set +e
  dotnet test KpuTriage.sln -c Release "${hang[@]}" "$@" 2>&1 | tee "$test_log"
  echo "${PIPESTATUS[0]}" >"$rc_file"
) &
test_job=$!
wait "$test_job" || true
test_job=""
rc="$(cat "$rc_file" 2>/dev/null || echo 1)"
summary="$(summarize "$test_log" || true)"

# ---- 5. the fault harness (whole runs only) ---------------------------------------------
# Separate Web and Worker processes killed, the broker and a PostgreSQL of its own stopped,
# while letters and decisions flow (tests/KpuTriage.Benchmarks/Faults). It stops the test
# node's RabbitMQ app for 10 s, so it runs after the tests, never beside a filtered run.
if [[ $# -eq 0 ]]; then
  letters="${KPUTRIAGE_FAULT_LETTERS:-500}"
  say "fault harness: $letters letters (tests/KpuTriage.Benchmarks/run.sh faults $letters)"
  harness="$root/tests/KpuTriage.Benchmarks/bin/Release/net10.0/KpuTriage.Benchmarks.dll"
  faults_log="$SERVICES_DIR/faults-$$.log"
  set +e
  # dotnet test builds the test projects and what they use, not the benchmarks.
  dotnet build "$root/tests/KpuTriage.Benchmarks" -c Release -v q -nologo >&2
  timeout --kill-after=30s 8m dotnet "$harness" faults "$letters" 2>&1 | tee "$faults_log"
  faults_rc=${PIPESTATUS[0]}
  set -e
  verdict="$(grep '^faults: acknowledged' "$faults_log" | tail -1)"
  rm -f "$faults_log"
  if ((faults_rc == 124 || faults_rc == 137)); then
    verdict="hung: fault harness (over 8 minutes)"
  fi
  # Above the "N passed" line, which stays the last.
  summary="${verdict:-faults: the harness failed (exit $faults_rc) before its verdict}"$'\n'"$summary"
  ((faults_rc == 0)) || rc=1
fi
exit "$rc"
