#!/usr/bin/env bash
# Packages at disk speed: one 512 MiB package (a zip holding random bytes), portal heap -Xmx128m, in one run:
#  floor  curl -F posting the package straight to the PRO stand-in (the portal's own sandbox, which spools
#         and hashes the upload like PRO);
#  leg 1  curl -F uploading it to ProGate as a publish request (multipart, hashed, inspected, stored);
#  leg 2  approval -> SUCCEEDED: ProGate sends the stored package to the same stand-in.
# Prints each leg's time, rate and ratio to the floor, and the portal's peak RSS (VmHWM).
# Packaged jar, prod profile, PostgreSQL at 127.0.0.1:5432 (a database of its own, dropped afterwards).
# Ports 18730, 18731. Usage: bench/publish-large.sh [--no-build] [size-in-MiB, default 512]
PORT=18730
source "$(dirname "$0")/lib.sh"
SIZE=${2:-512}
KEY=bench-sandbox-key-00000000000000000000
bench_build "${1:-}"
bench_db progate_bench_publish
BENCH_ENV="PROGATE_REQUESTS_MAX_PACKAGE_SIZE=1G" bench_start -Xmx128m $PROD_JVM_FLAGS
bench_await

bench_admin POST /api/v1/teams '{"slug":"big","name":"Big","proUrl":"http://127.0.0.1:'$PORT'/sandbox"}' >/dev/null
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
    -F "file=@$WORK/Big.aimmspack;type=application/octet-stream" "$BASE/sandbox/pro-api/v2/applications")

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
stored=$(bench_psql "select package_size || ' bytes, sha256 ' || package_sha256 from sandbox_app where name = 'Big'" 2>/dev/null || true)
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
echo "errors logged by the portal: $(grep -c ' ERROR ' "$WORK/portal.log" || true)"
