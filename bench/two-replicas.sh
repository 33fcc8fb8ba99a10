#!/usr/bin/env bash
# Two packaged replicas on one PostgreSQL, PRO = the sandbox of replica B:
#  1. 200 concurrent approve calls on one request, spread over both replicas (20 approvers x 10 calls,
#     the policy asks for 2 approvals): exactly one PRO publish, each person counted once;
#  2. 30 publishes with PRO answering slowly (6 s), replica A killed with SIGKILL while they are in
#     flight, then restarted: nothing stuck, no version stored twice, no request FAILED while PRO
#     holds its version. Each part also runs its floor (reads of the request; the same 30 publishes
#     without a kill) and prints the ratio.
# Database: a fresh database of its own on the PostgreSQL at 127.0.0.1:5432 (user postgres, no
# password), dropped afterwards; without one, an embedded PostgreSQL started by this script.
# Ports 18101 (A), 18102 (B). Not part of ./mvnw verify.
# The replicas' logs are kept in target/two-replicas/.
# Usage: bench/two-replicas.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNNER=target/quarkus-app/quarkus-run.jar
PORT_A=18101
PORT_B=18102
WORK=$(mktemp -d /tmp/progate-two-replicas.XXXXXX)

if [ "${1:-}" != "--no-build" ] || [ ! -f "$RUNNER" ]; then
    ./mvnw -B -q package -DskipTests
fi
JDBC_JAR=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)

pids=()
cleanup() {
    [ -f "$WORK/replica-a.pid" ] && pids+=("$(cat "$WORK/replica-a.pid")")
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "${DB_NAME:-}" ]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true
    fi
    mkdir -p target/two-replicas && cp "$WORK"/*.log target/two-replicas/ 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if psql -q -h 127.0.0.1 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
    DB_NAME="progate_bench_$$"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $DB_NAME" >/dev/null
    JDBC="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
    DB_KIND="PostgreSQL $(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'show server_version') at 127.0.0.1:5432, database of its own"
else
    # the embedded server is a dev and test dependency, not in the packaged app: take the test class path
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
    java -cp "$(cat target/bench.classpath)" bench/EmbeddedPostgresMain.java "$WORK/pg" 18150 >"$WORK/pg.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 60); do grep -q "^ready" "$WORK/pg.log" 2>/dev/null && break; sleep 1; done
    JDBC="jdbc:postgresql://127.0.0.1:18150/postgres"
    DB_KIND="embedded PostgreSQL (zonky) on port 18150"
fi

MASTER="k1=$(head -c 32 /dev/urandom | base64)"
SESSION_KEY=$(head -c 33 /dev/urandom | base64)
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"

start() { # name port
    local name=$1 port=$2
    env QUARKUS_DATASOURCE_JDBC_URL="$JDBC" QUARKUS_DATASOURCE_USERNAME=postgres \
        PROGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" PROGATE_MASTER_KEYS="$MASTER" PROGATE_ACTIVE_MASTER_KEY=k1 \
        PROGATE_SESSION_KEY="$SESSION_KEY" QUARKUS_HTTP_PORT="$port" \
        PROGATE_SANDBOX_ENABLED=true PROGATE_SANDBOX_DEMO_KEY=bench-sandbox-key-00000000000000000000 \
        PROGATE_EXECUTION_WORKER_ID="replica-$name" PROGATE_EXECUTION_THREADS=32 PROGATE_EXECUTION_LEASE=PT10S \
        PROGATE_EXECUTION_SWEEP_EVERY=1s QUARKUS_DATASOURCE_JDBC_MAX_SIZE=40 \
        java -Xmx512m -jar "$ROOT/$RUNNER" >>"$WORK/replica-$name.log" 2>&1 &
    echo $! >"$WORK/replica-$name.pid"
    pids+=($!)
}
await_ready() { # port
    for _ in $(seq 1 120); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready" || true)" = 200 ] && return 0
        sleep 0.5
    done
    echo "replica on port $1 did not become ready" >&2
    tail -n 40 "$WORK"/replica-*.log >&2
    exit 1
}

start b $PORT_B
await_ready $PORT_B
start a $PORT_A
await_ready $PORT_A

KILL_A="kill -KILL \$(cat $WORK/replica-a.pid)"
# restarting A: the same command line as its first start
cat >"$WORK/restart-a.sh" <<EOF
cd "$ROOT"
env QUARKUS_DATASOURCE_JDBC_URL="$JDBC" QUARKUS_DATASOURCE_USERNAME=postgres \\
    PROGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" PROGATE_MASTER_KEYS="$MASTER" PROGATE_ACTIVE_MASTER_KEY=k1 \\
    PROGATE_SESSION_KEY="$SESSION_KEY" QUARKUS_HTTP_PORT=$PORT_A \\
    PROGATE_SANDBOX_ENABLED=true PROGATE_SANDBOX_DEMO_KEY=bench-sandbox-key-00000000000000000000 \\
    PROGATE_EXECUTION_WORKER_ID=replica-a PROGATE_EXECUTION_THREADS=32 PROGATE_EXECUTION_LEASE=PT10S \\
    PROGATE_EXECUTION_SWEEP_EVERY=1s QUARKUS_DATASOURCE_JDBC_MAX_SIZE=40 \\
    nohup java -Xmx512m -jar "$ROOT/$RUNNER" >>"$WORK/replica-a.log" 2>&1 &
echo \$! >"$WORK/replica-a.pid"
for _ in \$(seq 1 120); do
    [ "\$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT_A/q/health/ready || true)" = 200 ] && exit 0
    sleep 0.5
done
exit 1
EOF
RESTART_A="bash $WORK/restart-a.sh"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $DB_KIND; $(date -u +%Y-%m-%dT%H:%M:%SZ)"
java -cp "$JDBC_JAR" ${BENCH_JAVA_OPTS:-} bench/TwoReplicas.java "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$JDBC" postgres \
    "$ADMIN_PASSWORD" "$KILL_A" "$RESTART_A"
echo "errors logged by the replicas: $(cat "$WORK"/replica-*.log | grep -c ' ERROR ' || true)"
