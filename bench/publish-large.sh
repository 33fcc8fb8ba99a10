#!/usr/bin/env bash
# Packages at disk speed: one 512 MiB package (a zip holding random bytes), portal heap -Xmx128m, in one run:
#  floor  curl -F posting the package straight to the PRO stand-in (a second packaged instance with its
#         sandbox on, in a JVM and database of its own as PRO would be, which spools and hashes the upload);
#  leg 1  curl -F uploading it to ProGate as a publish request (multipart, hashed, inspected, stored);
#  leg 2  approval -> SUCCEEDED: ProGate sends the stored package to the same stand-in.
# Prints each leg's time, rate and ratio to the floor, and the portal's peak RSS (VmHWM).
# Packaged jar, prod profile, PostgreSQL at 127.0.0.1:5432 (a database of its own, dropped afterwards).
# Ports 18730, 18731 (portal), 18732, 18733 (stand-in). Usage: bench/publish-large.sh [--no-build] [size-in-MiB, default 512]
PORT=18730
source "$(dirname "$0")/lib.sh"
SIZE=${2:-512}
KEY=bench-sandbox-key-00000000000000000000
bench_build "${1:-}"

# the PRO stand-in first, so that the portal's peak RSS and time are its own work only
STANDIN_PORT=$((PORT + 2))
STANDIN="http://127.0.0.1:$STANDIN_PORT"
STANDIN_DB="progate_bench_standin_$$"
STANDIN_PID=""
standin_cleanup() {
    [ -n "$STANDIN_PID" ] && kill -TERM "$STANDIN_PID" 2>/dev/null && wait "$STANDIN_PID" 2>/dev/null || true
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $STANDIN_DB with (force)" >/dev/null 2>&1 || true
    bench_cleanup
}
trap standin_cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $STANDIN_DB" >/dev/null
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$STANDIN_DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    PROGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" PROGATE_MASTER_KEYS="$MASTER" PROGATE_ACTIVE_MASTER_KEY=k1 \
    PROGATE_SESSION_KEY="$SESSION_KEY" QUARKUS_HTTP_PORT="$STANDIN_PORT" QUARKUS_MANAGEMENT_PORT=$((PORT + 3)) \
    PROGATE_SANDBOX_ENABLED=true PROGATE_SANDBOX_DEMO_KEY="$KEY" PROGATE_REQUESTS_MAX_PACKAGE_SIZE=1G PROGATE_REQUESTS_PACKAGE_DIRECTORY="$WORK/standin-packages" \
    java -Xmx512m $PROD_JVM_FLAGS -jar "$RUNNER" >>"$WORK/standin.log" 2>&1 &
STANDIN_PID=$!
for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 3))/q/health/ready" || true)" = 200 ] && break
    sleep 0.25
done

bench_db progate_bench_publish
BENCH_ENV="PROGATE_REQUESTS_MAX_PACKAGE_SIZE=1G PROGATE_SANDBOX_ENABLED=false" bench_start -Xmx128m $PROD_JVM_FLAGS
bench_await

bench_admin POST /api/v1/teams '{"slug":"big","name":"Big","proUrl":"'$STANDIN'/sandbox"}' >/dev/null
bench_admin POST /api/v1/teams/big/credentials '{"label":"sandbox","key":"'$KEY'","scopes":["PublishApp","Authentication"],"expiresAt":"'$(date -u -d '+90 days' +%F)'","saveUnverified":true}' >/dev/null
bench_member author big MEMBER
bench_member approver big APPROVER

python3 - "$WORK/Big.aimmspack" "$SIZE" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:
    with z.open("Big/data.bin", "w", force_zip64=True) as f:
        for _ in range(int(sys.argv[2])):
            f.write(os.urandom(1024 * 1024))
    z.writestr("Big/Big.aimms", "project")
PY
BYTES=$(stat -c %s "$WORK/Big.aimmspack")
MIB=$(awk -v b="$BYTES" 'BEGIN {printf "%.0f", b / 1048576}')
meta() { # name
    echo "{\"name\":\"$1\",\"projectVersion\":\"1.0\",\"aimmsVersionId\":\"24.6.2.9-linux64-x86-vc143\",\"projectCategory\":\"other\",\"description\":\"bench\",\"attributes\":{\"isWebUI\":\"false\"},\"publishBehavior\":0}"
}
# warm the page cache and both JIT paths with a small publish
cat "$WORK/Big.aimmspack" >/dev/null

floor=$(curl -s -f -o /dev/null -w '%{time_total}' -H "apikey: $KEY" -F "metadata=$(meta Direct)" \
    -F "file=@$WORK/Big.aimmspack;type=application/octet-stream" "$STANDIN/sandbox/pro-api/v2/applications")

upload=$(curl -s -f -o "$WORK/created.json" -w '%{time_total}' -u "author:$USER_PASSWORD" \
    -F "request={\"type\":\"PUBLISH\",\"reason\":\"bench\",\"metadata\":$(meta Big)};type=application/json" \
    -F "file=@$WORK/Big.aimmspack;type=application/octet-stream" "$BASE/api/v1/teams/big/requests")
ID=$(sed -E 's/^\{"id":([0-9]+).*/\1/' "$WORK/created.json")

t0=$(date +%s.%N)
curl -s -f -o /dev/null -u "approver:$USER_PASSWORD" -H 'Content-Type: application/json' -d '{"comment":"ok"}' \
    "$BASE/api/v1/requests/$ID/approve"
status=""
for _ in $(seq 1 1200); do
    status=$(bench_psql "select status from release_request where id = $ID")
    case "$status" in SUCCEEDED|FAILED) break ;; esac
    sleep 0.05
done
t1=$(date +%s.%N)
execution=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
stored=$(psql -q -h 127.0.0.1 -U postgres -d "$STANDIN_DB" -Atc \
    "select package_size || ' bytes, sha256 ' || package_sha256 from sandbox_app where name = 'Big'" 2>/dev/null || true)
local_sha=$(sha256sum "$WORK/Big.aimmspack" | cut -d' ' -f1)
rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")

echo "machine: $(bench_machine)"
echo "package: $MIB MiB zip ($BYTES bytes); portal: packaged jar, prod profile, -Xmx128m $PROD_JVM_FLAGS, MALLOC_ARENA_MAX=2"
echo
echo "| leg | time s | MiB/s | ratio to curl direct |"
echo "| --- | ---: | ---: | ---: |"
rate() { awk -v m="$MIB" -v t="$1" 'BEGIN {printf "%.0f", m / t}'; }
ratio() { awk -v f="$floor" -v t="$1" 'BEGIN {printf "%.2f", f / t}'; }
echo "| curl -F straight to the PRO stand-in (floor) | $floor | $(rate "$floor") | 1 |"
echo "| upload to ProGate (curl -F, multipart) | $upload | $(rate "$upload") | $(ratio "$upload") |"
echo "| approval -> $status (PRO call included) | $execution | $(rate "$execution") | $(ratio "$execution") |"
echo
echo "portal peak RSS (VmHWM): $rss MiB"
echo "request $ID: $status; the stand-in holds: ${stored:-?}; the file's sha256 $local_sha"
echo "errors logged by the portal: $(grep -c ' ERROR ' "$WORK/portal.log" || true), by the stand-in: $(grep -c ' ERROR ' "$WORK/standin.log" || true)"
