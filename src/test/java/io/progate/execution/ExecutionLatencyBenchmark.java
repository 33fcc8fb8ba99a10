package io.progate.execution;

import io.progate.audit.AuditEvent;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Approval-to-execution-start latency against the sandbox, measured from the audit events
 * {@code request.approved} and {@code execution.start} of each request. Run by
 * {@code bench/execution-latency.sh}; not a test (the class name keeps it out of ./mvnw verify).
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ExecutionLatencyBenchmark {

    static final String START = "<!-- execution-bench:start -->";
    static final String END = "<!-- execution-bench:end -->";

    @Inject
    ExecutionFixtures x;

    @Inject
    RequestService requests;

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("bench.requests", 50);
        ExecutionFixtures.SandboxTeam t = x.team();
        List<ReleaseRequest> filed = new ArrayList<>();
        for (int i = 0; i < 2 * n; i++) {
            String name = Fixtures.unique("Bench");
            filed.add(x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name)));
        }
        // one at a time: the worker is idle when each approval commits
        List<Long> oneByOne = new ArrayList<>();
        for (ReleaseRequest r : filed.subList(0, n)) {
            requests.approve(r.id, t.approver(), null);
            x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
            oneByOne.add(r.id);
        }
        // a burst: all approvals as fast as they commit, then wait for all
        List<Long> burst = new ArrayList<>();
        for (ReleaseRequest r : filed.subList(n, 2 * n)) {
            requests.approve(r.id, t.approver(), null);
            burst.add(r.id);
        }
        for (Long id : burst) {
            x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        }
        String section = section(n, latencies(oneByOne), latencies(burst), totals(oneByOne));
        write(Path.of(System.getProperty("bench.out", "BENCHMARKS.md")), section);
        System.out.println(section);
    }

    private List<Double> latencies(List<Long> ids) {
        return millis(ids, "request.approved", "execution.start");
    }

    private List<Double> totals(List<Long> ids) {
        return millis(ids, "request.approved", "execution.succeeded");
    }

    private List<Double> millis(List<Long> ids, String from, String to) {
        List<Double> values = new ArrayList<>();
        for (Long id : ids) {
            Instant a = at(id, from);
            Instant b = at(id, to);
            values.add(Duration.between(a, b).toNanos() / 1e6);
        }
        Collections.sort(values);
        return values;
    }

    private Instant at(long requestId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "targetType = 'request' and targetId = ?1 and action = ?2 order by id", Long.toString(requestId), action)
                .firstResult().occurredAt);
    }

    private static String section(int n, List<Double> idle, List<Double> burst, List<Double> total) throws IOException {
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        StringBuilder s = new StringBuilder();
        s.append(START).append("\n## Execution: approval to execution start (`bench/execution-latency.sh`)\n\n");
        s.append(String.format(Locale.ROOT, "Machine: %d cores (nproc), %d GiB memory; embedded PostgreSQL, PRO sandbox "
                + "in the same JVM, %d threads per worker; run %s.%n%n", Runtime.getRuntime().availableProcessors(),
                Math.round(memKb / 1024.0 / 1024.0), 4, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        s.append("Latency is the time between the audit events `request.approved` (written in the approving transaction) "
                + "and `execution.start` (written when a worker claims the request with SELECT ... FOR UPDATE SKIP LOCKED). "
                + "The wake-up is the commit of the approval (CDI event after success), not the sweep. Load average at the end: "
                + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()) + " (a shared machine makes the tails pessimistic).\n\n");
        s.append("| publishes | n | min ms | median ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        s.append(row("one at a time (worker idle), approval to start", idle));
        s.append(row(n + " approved in a burst, approval to start", burst));
        s.append(row("one at a time, approval to SUCCEEDED (small package)", total));
        s.append("\n").append(END).append("\n");
        return s.toString();
    }

    private static String row(String what, List<Double> v) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", what, v.size(), v.get(0),
                pct(v, 0.5), pct(v, 0.95), v.get(v.size() - 1));
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void write(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + section.trim() + text.substring(end + END.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
