#!/usr/bin/env bash
# Publishes a large package (default 512 MiB) through the PRO client to the built-in sandbox, in
# one JVM with a 128 MiB heap: it passes only if neither side holds the package in memory.
# Usage: bench/publish-large.sh [size-in-MiB] [heap]
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-512}"
heap="${2:-128m}"
./mvnw -B -q test -Dtest=PublishLargeBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx${heap}" -Dbench.size-mib="${size}" 2>&1 | tee /tmp/progate-bench-publish.log | grep -E "BENCH|ERROR|FAIL" || true
grep -q "BENCH publish" /tmp/progate-bench-publish.log
