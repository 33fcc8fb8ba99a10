#!/usr/bin/env bash
# Overload is never a 500: 200 concurrent approve calls over HTTP Basic (bcrypt on every call) against one
# packaged replica (prod profile, the default pool), on 100 PENDING requests, each approved twice by the
# same approver: the first must succeed (2xx), the second is 409, and overload may only answer 503 with
# Retry-After. Prints the status mix, health during the burst, and checks that nothing is half-written
# (every 2xx has exactly one approval row and its audit event; every other answer left nothing).
# PostgreSQL at 127.0.0.1:5432 (a database of its own, dropped afterwards). Ports 18720, 18721.
# Usage: bench/approve-burst.sh [--no-build]
PORT=18720
source "$(dirname "$0")/lib.sh"
bench_build "${1:-}"
bench_db progate_bench_burst
bench_start -Xmx512m $PROD_JVM_FLAGS
bench_await

APPROVERS=20
bench_admin POST /api/v1/teams '{"slug":"burst","name":"Burst","proUrl":"http://127.0.0.1:'$PORT'/sandbox"}' >/dev/null
bench_member author burst MEMBER
for i in $(seq 1 $APPROVERS); do bench_member "approver$i" burst APPROVER; done
bench_seed_requests 100 burst author 1
bench_psql "select id from release_request order by id" >"$WORK/ids"

echo "machine: $(bench_machine)"
echo "portal: packaged jar, prod profile, -Xmx512m $PROD_JVM_FLAGS, defaults of the pool and of max-in-flight and its queue"
java bench/ApproveBurst.java "$BASE" "$MGMT" "$USER_PASSWORD" $APPROVERS "$WORK/ids" | tee "$WORK/burst.out"
sleep 2
approvals=$(bench_psql "select count(*) from request_approval")
audited=$(bench_psql "select count(*) from audit_event where action = 'request.approve' and outcome = 'SUCCESS'")
moved=$(bench_psql "select count(*) from release_request where status <> 'PENDING'")
ok=$(grep -E '^\| 2[0-9][0-9] ' "$WORK/burst.out" | awk -F'|' '{s += $3} END {print s + 0}')
echo "2xx answers $ok; approval rows $approvals; approve audit events (success) $audited; requests no longer PENDING $moved"
[ "$ok" = "$approvals" ] && [ "$approvals" = "$moved" ] && echo "nothing half-written: yes" || echo "nothing half-written: NO"
echo "errors logged by the portal: $(grep -c ' ERROR ' "$WORK/portal.log" || true)"
grep -q "BURST 500s=0" "$WORK/burst.out"
