#!/usr/bin/env bash
# Runs a benchmark suite (Release). Only the pipeline suite needs servers: it runs against the
# same private RabbitMQ and PostgreSQL the tests use; the extraction suite needs only
# tesseract (ind+eng), poppler-utils and ImageMagick.
# Usage: tests/KpuTriage.Benchmarks/run.sh [pipeline] [documents]
#        tests/KpuTriage.Benchmarks/run.sh extraction [pages]
#        tests/KpuTriage.Benchmarks/run.sh llm [documents per call slot]   (no servers)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" != extraction && "${1:-}" != llm ]]; then
  source tests/services/env.sh
  tests/services/rabbitmq.sh start
  tests/services/postgres.sh start
fi
dotnet run -c Release --project tests/KpuTriage.Benchmarks -- "$@"
