# Shared by the single-replica benches (api-throughput.sh, approve-burst.sh, startup.sh): builds the
# packaged jar, makes a database of its own on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust
# auth), starts the portal in the prod profile, seeds users, a team and tokens through the API, and
# cleans everything up on exit. Ports: PORT (portal) and PORT+1 (management: health, metrics).
# Source it after setting PORT; call bench_build, bench_db, bench_start, bench_await.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNNER=${RUNNER:-$ROOT/target/quarkus-app/quarkus-run.jar}
MGMT_PORT=$((PORT + 1))
BASE="http://127.0.0.1:$PORT"
MGMT="http://127.0.0.1:$MGMT_PORT"
WORK=$(mktemp -d /tmp/progate-bench.XXXXXX)
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
USER_PASSWORD="bench-user-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
MASTER="k1=$(head -c 32 /dev/urandom | base64)"
SESSION_KEY=$(head -c 33 /dev/urandom | base64)
APP_PID=""
KEEP_DB=""
# the production JVM flags, as the container image sets them (src/main/docker/Dockerfile.jvm)
PROD_JVM_FLAGS=$(sed -n 's/^ENV PROGATE_JVM_FLAGS="\(.*\)"$/\1/p' "$ROOT/src/main/docker/Dockerfile.jvm")
[ -n "$PROD_JVM_FLAGS" ] || { echo "no PROGATE_JVM_FLAGS in src/main/docker/Dockerfile.jvm" >&2; exit 1; }
export MALLOC_ARENA_MAX=2

bench_cleanup() {
    [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    if [ -n "${DB_NAME:-}" ] && [ -z "$KEEP_DB" ]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true
    fi
    mkdir -p "$ROOT/target/bench" && for f in "$WORK"/*.log; do [ -f "$f" ] && cp "$f" "$ROOT/target/bench/${DB_NAME:-bench}-$(basename "$f")"; done; true
    rm -rf "$WORK"
}
trap bench_cleanup EXIT

bench_build() { # [--no-build]
    if [ "${1:-}" != "--no-build" ] || [ ! -f "$RUNNER" ]; then
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests ${BUILD_OPTS:-})
    fi
}

bench_db() { # name
    DB_NAME="$1_$$"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $DB_NAME" >/dev/null
    JDBC="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
    PG_VERSION=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'show server_version')
}

bench_psql() { psql -q -h 127.0.0.1 -U postgres -d "$DB_NAME" -Atc "$1"; }

bench_start() { # extra java options...
    env QUARKUS_DATASOURCE_JDBC_URL="$JDBC" QUARKUS_DATASOURCE_USERNAME=postgres \
        PROGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" PROGATE_MASTER_KEYS="$MASTER" PROGATE_ACTIVE_MASTER_KEY=k1 \
        PROGATE_SESSION_KEY="$SESSION_KEY" QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" \
        PROGATE_SANDBOX_ENABLED=true PROGATE_SANDBOX_DEMO_KEY=bench-sandbox-key-00000000000000000000 \
        PROGATE_PRO_ALLOW_HTTP=true PROGATE_PRO_ALLOW_PRIVATE=true PROGATE_REQUESTS_PACKAGE_DIRECTORY="$WORK/packages" ${BENCH_ENV:-} \
        java "$@" -jar "$RUNNER" >>"$WORK/portal.log" 2>&1 &
    APP_PID=$!
}

bench_await() { # waits up to BENCH_START_TIMEOUT seconds (default 300: a loaded machine starts slowly)
    for _ in $(seq 1 $((${BENCH_START_TIMEOUT:-300} * 4))); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$MGMT/q/health/ready" || true)" = 200 ] && return 0
        sleep 0.25
    done
    echo "the portal did not become ready" >&2
    tail -n 40 "$WORK/portal.log" >&2
    exit 1
}

bench_stop() {
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

# admin call: method path [json]
bench_admin() {
    curl -s -f -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE$2"
}

# a user (password USER_PASSWORD) and its membership: username team role
bench_member() {
    bench_admin POST /api/v1/users "{\"username\":\"$1\",\"displayName\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"$USER_PASSWORD\",\"admin\":false}" >/dev/null
    bench_admin PUT "/api/v1/teams/$2/members/$1" "{\"role\":\"$3\"}" >/dev/null
}

# a personal access token of a user: username scope...
bench_token() {
    local user=$1; shift
    local scopes; scopes=$(printf '"%s",' "$@"); scopes="[${scopes%,}]"
    curl -s -f -u "$user:$USER_PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench\",\"scopes\":$scopes}" "$BASE/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# PENDING delete requests filed by a user in a team, straight into the database: count team author approvals
bench_seed_requests() {
    bench_psql "insert into release_request (team_id, author_id, type, status, reason, app_name, app_version, payload,
        required_approvals, admins_may_approve, expires_at, updated_at)
      select t.id, u.id, 'DELETE', 'PENDING', 'bench ' || g, 'Bench' || g, '1.0', '{}', $4, false,
             now() + interval '7 days', now()
      from generate_series(1, $1) g, team t, app_user u where t.slug = '$2' and u.username = '$3'"
}

bench_machine() {
    echo "$(nproc) cores (nproc), $(free -g | awk '/Mem:/ {print $2}') GiB (free -g); PostgreSQL $PG_VERSION at 127.0.0.1:5432; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
