#!/usr/bin/env bash
# Runs a benchmark suite (Release). The pipeline suite runs against the same private RabbitMQ
# and PostgreSQL the tests use, the desk and dashboard suites against that PostgreSQL; the extraction suite
# needs only tesseract (ind+eng), poppler-utils and ImageMagick.
# Usage: tests/KpuTriage.Benchmarks/run.sh [pipeline] [documents]
#        tests/KpuTriage.Benchmarks/run.sh extraction [pages]
#        tests/KpuTriage.Benchmarks/run.sh desk [pending items, default 100000]   (PostgreSQL only)
#        tests/KpuTriage.Benchmarks/run.sh dashboard [decided letters and model calls over a year, default 100000]   (PostgreSQL, then SQLite)
#        tests/KpuTriage.Benchmarks/run.sh faults [letters, default 500]   (its own PostgreSQL; stops the test RabbitMQ node's app for 10 s)
#        tests/KpuTriage.Benchmarks/run.sh workers [scanned letters, default 24]   (the test PostgreSQL and RabbitMQ; Web and Worker processes)
#        tests/KpuTriage.Benchmarks/run.sh llm [documents per call slot]   (no servers)
#        tests/KpuTriage.Benchmarks/run.sh hostile [rounds]   (no servers; the desk runs as its own process)
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-}" in
  extraction | llm) ;;
  hostile) dotnet build src/KpuTriage.Web -c Release -v q -nologo >/dev/null ;;
  faults | workers)
    source tests/services/env.sh; tests/services/rabbitmq.sh start; tests/services/postgres.sh start
    for project in Web Worker Cli; do dotnet build src/KpuTriage.$project -c Release -v q -nologo >/dev/null; done ;;
  desk | dashboard) source tests/services/env.sh; tests/services/postgres.sh start ;;
  *) source tests/services/env.sh; tests/services/rabbitmq.sh start; tests/services/postgres.sh start ;;
esac
dotnet run -c Release --project tests/KpuTriage.Benchmarks -- "$@"
