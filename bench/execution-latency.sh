#!/usr/bin/env bash
# Measures approval-to-execution-start latency of the execution worker against the built-in PRO
# sandbox (N publishes one at a time, then N in a burst) and rewrites the execution section of
# BENCHMARKS.md. Not part of ./mvnw verify.
# Usage: bench/execution-latency.sh [requests]     (default 50; about two minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50}"
./mvnw -B -q test -Dtest=ExecutionLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.requests="$N" -Dbench.out="$PWD/BENCHMARKS.md"
sed -n '/<!-- execution-bench:start -->/,/<!-- execution-bench:end -->/p' BENCHMARKS.md
