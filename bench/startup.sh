#!/usr/bin/env bash
# Start-up of the packaged jar (prod profile) against an existing database: time from launch to
# /q/health/ready answering 200, and resident memory (RSS) after 10 s idle, with the production JVM flags
# of Dockerfile.jvm; five starts each, without and with Quarkus AppCDS (quarkus.package.jar.appcds.enabled, run with -XX:SharedArchiveFile). The database
# is migrated by a first start that is not counted. PostgreSQL at 127.0.0.1:5432 (a database of its own,
# dropped afterwards). Ports 18740, 18741. Usage: bench/startup.sh [--no-build]
PORT=18740
source "$(dirname "$0")/lib.sh"
PLAIN=$WORK/plain
CDS=$WORK/appcds
if [ "${1:-}" != "--no-build" ] || [ ! -d "$ROOT/target/startup-plain" ] || [ ! -d "$ROOT/target/startup-appcds" ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests && rm -rf target/startup-plain && cp -r target/quarkus-app target/startup-plain)
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true \
        && rm -rf target/startup-appcds && cp -r target/quarkus-app target/startup-appcds)
fi
cp -r "$ROOT/target/startup-plain" "$PLAIN"
cp -r "$ROOT/target/startup-appcds" "$CDS"
bench_db progate_bench_startup
RUNNER=$PLAIN/quarkus-run.jar bench_start -Xmx512m $PROD_JVM_FLAGS
bench_await
bench_stop

measure() { # label runner java-options...
    local label=$1 runner=$2; shift 2
    local times=() rss=()
    for _ in 1 2 3 4 5; do
        local t0 t1
        t0=$(date +%s%N)
        RUNNER=$runner bench_start -Xmx512m $PROD_JVM_FLAGS "$@"
        bench_await
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
        sleep 10
        rss+=($(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"))
        bench_stop
    done
    local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
    local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
    local rmed; rmed=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 3p)
    echo "| $label | $median | $sorted | $rmed |"
}
echo "machine: $(bench_machine)"
echo "portal: packaged jar, prod profile, -Xmx512m $PROD_JVM_FLAGS"
echo
echo "| start | median ms to ready | all five, ms | idle RSS MiB (median) |"
echo "| --- | ---: | --- | ---: |"
measure "plain jar" "$PLAIN/quarkus-run.jar"
measure "AppCDS" "$CDS/quarkus-run.jar" -XX:SharedArchiveFile="$CDS/app-cds.jsa"
echo
echo "AppCDS archive: $(du -m "$CDS/app-cds.jsa" 2>/dev/null | cut -f1) MiB"
