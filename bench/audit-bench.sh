#!/usr/bin/env bash
# Seeds a million chained audit events into an embedded PostgreSQL and times the first filtered
# pages, the full CSV and JSON Lines exports and a full verification, through the portal's own
# code; rewrites the audit section of BENCHMARKS.md. Not part of ./mvnw verify.
# Usage: bench/audit-bench.sh [events]     (default 1000000; a few minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-1000000}"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# A small heap on purpose: exporting a million rows must not need to hold them.
exec java -Xmx256m -Devents="$EVENTS" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.progate.audit.AuditBenchmark BENCHMARKS.md
