#!/usr/bin/env bash
# Runs the pipeline benchmark against the same private RabbitMQ and PostgreSQL the tests use.
# Usage: tests/KpuTriage.Benchmarks/run.sh [documents]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/services/env.sh
tests/services/rabbitmq.sh start
tests/services/postgres.sh start
dotnet run -c Release --project tests/KpuTriage.Benchmarks -- "$@"
