#!/usr/bin/env bash
# Authenticated reads against the trivial endpoint of the same server, in one run: wrk -t2 -c32 -d10s on
# /q/health/live (the floor), GET /api/v1/me, the first page of a team's request list (200 requests in
# the team) and GET /api/v1/audit?limit=50, all with a member's personal access token. Prints req/s, p99
# and the ratio to the floor. Packaged jar, prod profile, PostgreSQL at 127.0.0.1:5432 (a database of its
# own, dropped afterwards). Ports 18710 (portal), 18711 (management). Not part of ./mvnw verify.
# Usage: bench/api-throughput.sh [--no-build] [duration, default 10s]
PORT=18710
source "$(dirname "$0")/lib.sh"
DURATION=${2:-10s}
bench_build "${1:-}"
bench_db progate_bench_api
bench_start -Xmx512m $PROD_JVM_FLAGS
bench_await

bench_admin POST /api/v1/teams '{"slug":"bench","name":"Bench","proUrl":"http://127.0.0.1:'$PORT'/sandbox"}' >/dev/null
bench_member reader bench MEMBER
bench_member other bench MEMBER
for i in $(seq 1 30); do # 60 audit events of the team
    bench_admin PUT /api/v1/teams/bench/members/other '{"role":"APPROVER"}' >/dev/null
    bench_admin PUT /api/v1/teams/bench/members/other '{"role":"MEMBER"}' >/dev/null
done
bench_seed_requests 200 bench other 1
TOKEN=$(bench_token reader read)

run() { # label url [auth]
    local out
    if [ -n "${3:-}" ]; then
        out=$(wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$2")
    else
        out=$(wrk -t2 -c32 -d"$DURATION" --latency "$2")
    fi
    echo "$out" >>"$WORK/wrk.log"
    local rps p99 bad
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    echo "$1|$rps|$p99|${bad:-0}"
}

# each endpoint answers 200 before it is measured
for path in /api/v1/me "/api/v1/teams/bench/requests" "/api/v1/audit?limit=50"; do
    code=$(curl -s -o "$WORK/check.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
    [ "$code" = 200 ] || { echo "$path answered $code" >&2; cat "$WORK/check.json" >&2; exit 1; }
done
rows=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/teams/bench/requests" | grep -o '"id":' | wc -l)
events=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/audit?limit=50" | grep -o '"action":' | wc -l)
# warm-up: every measured call for 5 s, so that each is measured compiled, as a running server serves it
for path in /api/v1/me "/api/v1/teams/bench/requests" "/api/v1/audit?limit=50"; do
    wrk -t2 -c32 -d5s -H "Authorization: Bearer $TOKEN" "$BASE$path" >/dev/null
done
wrk -t2 -c32 -d5s "$MGMT/q/health/live" >/dev/null

echo "machine: $(bench_machine)"
echo "portal: packaged jar, prod profile, -Xmx512m $PROD_JVM_FLAGS, pool $(grep -o 'max-size=[0-9]*' "$ROOT/src/main/resources/application.properties" | head -1); wrk -t2 -c32 -d$DURATION"
echo "request list page: $rows requests of 200; audit page: $events events"
floor=$(run "/q/health/live (floor)" "$MGMT/q/health/live")
results=("$floor"
    "$(run "GET /api/v1/me" "$BASE/api/v1/me" auth)"
    "$(run "GET /api/v1/teams/{slug}/requests (first page of 50)" "$BASE/api/v1/teams/bench/requests" auth)"
    "$(run "GET /api/v1/audit?limit=50" "$BASE/api/v1/audit?limit=50" auth)")
floor_rps=$(echo "$floor" | cut -d'|' -f2)
echo
echo "| call | req/s | p99 | non-2xx | ratio to the floor |"
echo "| --- | ---: | ---: | ---: | ---: |"
for r in "${results[@]}"; do
    IFS='|' read -r label rps p99 bad <<<"$r"
    echo "| $label | $rps | $p99 | $bad | $(awk -v a="$rps" -v b="$floor_rps" 'BEGIN {printf "%.3f", a / b}') |"
done
echo
echo "token rows written during the run (last_used_at): at most one a minute; now $(bench_psql "select last_used_at from api_token" | head -1)"
echo "errors logged by the portal: $(grep -c ' ERROR ' "$WORK/portal.log" || true)"
