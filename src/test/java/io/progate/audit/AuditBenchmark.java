package io.progate.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Seeds an embedded PostgreSQL with a valid chain of a million events and times the first filtered
 * page of several searches, a deep page, both full exports and a full verification, through the
 * same code the portal runs. Not a test: run it with {@code bench/audit-bench.sh}; it rewrites the
 * audit section of BENCHMARKS.md.
 */
public final class AuditBenchmark {

    static final int EVENTS = Integer.getInteger("events", 1_000_000);
    static final int TEAMS = 50;
    static final String[] ACTIONS = { "request.create", "request.approve", "request.reject", "request.execute",
        "request.succeed", "request.fail", "credential.add", "credential.verify", "pro.call", "member.add",
        "team.update", "token.create", "login.success", "login.failure" };
    static final String START = "<!-- audit-bench:start -->";
    static final String END = "<!-- audit-bench:end -->";

    static final List<String> NOTES = List.of(
            "Every search walks an index that ends in `id desc` (or the primary key) and stops after 51 rows,",
            "so a first page, and any later page, costs about the same at any depth. Free text in details",
            "(`q=`) has no index: it filters the rows the other conditions reach, so it is quick next to a",
            "selective filter and slowest when matches are rare across a large team. Exports and verification",
            "read keyset batches of 1,000 rows through the same queries; their time is mostly JSON and hashing",
            "on the runner's side. Page times are in-process (JDBC, one pooled connection), without HTTP.");

    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Connection shared = pg.getPostgresDatabase().getConnection()) {
            new AuditBenchmark().run(pooled(shared), out);
        }
    }

    void run(DataSource ds, Path out) throws Exception {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        long t0 = System.nanoTime();
        seed(ds);
        Duration seeding = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("seeded %,d events in %s%n", EVENTS, seeding);

        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + memory() + " memory, max heap of the runner " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB; embedded PostgreSQL " + version(ds) + " with default settings; "
                + "run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".");
        lines.add("");
        lines.add(String.format("Seeded %,d chained events (%d teams, 500 actors, 14 actions, 2%% failures, 10%% "
                + "without team, two years of time) by COPY in %.1f s.", EVENTS, TEAMS, seeding.toMillis() / 1000.0));
        lines.add("");
        lines.add("| first page of 50, newest first | cold ms | warm median ms | rows |");
        lines.add("| --- | ---: | ---: | ---: |");
        AuditFilter all = AuditFilter.everything();
        Instant mid = Instant.now().minus(365, ChronoUnit.DAYS);
        page(ds, "everything (admin)", all);
        page(ds, "team", filter(7L, null, null, null, null, null, null, null, null));
        page(ds, "team + action", filter(7L, null, "request.approve", null, null, null, null, null, null));
        page(ds, "actor", filter(null, "user-42", null, null, null, null, null, null, null));
        page(ds, "target (request id)", filter(null, null, null, "request", "req-12345", null, null, null, null));
        page(ds, "outcome FAILURE", filter(null, null, null, null, null, Outcome.FAILURE, null, null, null));
        page(ds, "time range (one day, a year ago)", filter(null, null, null, null, null, null, mid,
                mid.plus(1, ChronoUnit.DAYS), null));
        page(ds, "team + free text in details", filter(7L, null, null, null, null, null, null, null, "urgent"));
        page(ds, "member of 3 teams (visibility)", all.visibleTo(Set.of(3L, 17L, 31L)));
        page(ds, "member of 3 teams + action", new AuditFilter(Set.of(3L, 17L, 31L), null, null, "credential.verify",
                null, null, null, null, null, null, null));
        page(ds, "deep page (cursor at the middle)", all.before((long) EVENTS / 2));
        lines.add("");
        lines.add("| whole log, streamed | seconds | rows | MiB written |");
        lines.add("| --- | ---: | ---: | ---: |");
        export(ds, AuditExport.Format.CSV);
        export(ds, AuditExport.Format.JSONL);
        t0 = System.nanoTime();
        ChainReport report = AuditVerifier.verify(ds.getConnection(), null);
        // the shared connection stays open: the data source hands it out again
        lines.add(String.format("| verify the whole chain (%s) | %.1f | %,d | - |", report.ok() ? "OK" : "BROKEN",
                (System.nanoTime() - t0) / 1e9, report.checked()));
        lines.add("");
        lines.add("The runner's heap is capped at " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB (peak pool"
                + " usage seen: " + peakHeapMiB() + " MiB, seeding included): exports and verification hold one batch"
                + " of 1,000 rows at a time, so the whole log streams through a small heap.");
        lines.add("");
        lines.addAll(NOTES);
        write(out);
        lines.forEach(System.out::println);
    }

    private void seed(DataSource ds) throws Exception {
        Random random = new Random(42);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int t = 1; t <= TEAMS; t++) {
                s.execute("insert into team (id, slug, name, pro_url) values (" + t + ", 'team-" + t + "', 'Team " + t
                        + "', 'https://team" + t + ".aimms.cloud')");
            }
            CsvMapper csv = new CsvMapper();
            CsvSchema schema = CsvSchema.builder().addColumn("id").addColumn("occurred_at").addColumn("actor")
                    .addColumn("source_ip").addColumn("team_id").addColumn("action").addColumn("target_type")
                    .addColumn("target_id").addColumn("outcome").addColumn("details").addColumn("prev_hash")
                    .addColumn("hash").build();
            Instant start = Instant.now().minus(730, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            long stepMicros = Duration.ofDays(730).toNanos() / 1000 / EVENTS;
            String prev = AuditChain.GENESIS;
            int chunk = 50_000;
            for (int from = 1; from <= EVENTS; from += chunk) {
                StringWriter buffer = new StringWriter();
                try (SequenceWriter writer = csv.writer(schema).writeValues(buffer)) {
                    for (int id = from; id < from + chunk && id <= EVENTS; id++) {
                        AuditEvent e = event(random, id, start.plus(id * stepMicros, ChronoUnit.MICROS), prev);
                        prev = e.hash;
                        writer.write(Arrays.asList(id, e.occurredAt.toString(), e.actor, e.sourceIp, e.teamId, e.action,
                                e.targetType, e.targetId, e.outcome.name(), e.details, e.prevHash, e.hash));
                    }
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy audit_event (id, occurred_at, actor, source_ip,"
                        + " team_id, action, target_type, target_id, outcome, details, prev_hash, hash)"
                        + " from stdin with (format csv)", new StringReader(buffer.toString()));
            }
            s.execute("select setval(pg_get_serial_sequence('audit_event', 'id'), (select max(id) from audit_event))");
            s.execute("vacuum analyze audit_event");
        }
    }

    private static AuditEvent event(Random random, int id, Instant when, String prev) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = when;
        int roll = random.nextInt(100);
        e.actor = roll < 5 ? AuditLog.SYSTEM : "user-" + random.nextInt(500);
        e.sourceIp = "10.0." + random.nextInt(256) + "." + random.nextInt(256);
        e.teamId = roll >= 90 ? null : (long) (1 + random.nextInt(TEAMS));
        e.action = e.teamId == null ? (random.nextBoolean() ? "login.success" : "login.failure")
                : ACTIONS[random.nextInt(ACTIONS.length - 2)];
        e.targetType = e.teamId == null ? "user" : "request";
        e.targetId = e.teamId == null ? e.actor : "req-" + random.nextInt(200_000);
        e.outcome = random.nextInt(100) < 2 ? Outcome.FAILURE : Outcome.SUCCESS;
        e.details = AuditChain.canonicalJson(Map.of("step", id % 7,
                "note", (random.nextInt(100) == 0 ? "urgent " : "") + "event " + id));
        e.prevHash = prev;
        e.hash = AuditChain.hash(e);
        return e;
    }

    /**
     * A data source that hands out one open connection again and again, as the portal's pool
     * does, so that timings show the queries and not connection set-up.
     */
    static DataSource pooled(Connection shared) {
        Connection reused = (Connection) Proxy.newProxyInstance(AuditBenchmark.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(AuditBenchmark.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return reused;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AuditFilter filter(Long team, String actor, String action, String targetType, String targetId,
            Outcome outcome, Instant from, Instant to, String text) {
        return new AuditFilter(null, team, actor, action, targetType, targetId, outcome, from, to, text, null);
    }

    private void page(DataSource ds, String name, AuditFilter filter) {
        AuditSearch search = new AuditSearch();
        search.dataSource = ds;
        double cold = millis(() -> search.page(filter, 50));
        double[] warm = new double[11];
        int rows = 0;
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            rows = search.page(filter, 50).events().size();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        lines.add(String.format("| %s | %.1f | %.1f | %d |", name, cold, warm[warm.length / 2], rows));
    }

    private void export(DataSource ds, AuditExport.Format format) throws Exception {
        AuditSearch search = new AuditSearch();
        search.dataSource = ds;
        AuditExport export = new AuditExport();
        export.search = search;
        export.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CountingStream sink = new CountingStream();
        long t = System.nanoTime();
        export.stream(AuditFilter.everything(), format).write(sink);
        lines.add(String.format("| export %s | %.1f | %,d | %.0f |", format.name().toLowerCase(),
                (System.nanoTime() - t) / 1e9,
                sink.lines, sink.bytes / 1048576.0));
    }

    private static double millis(Supplier<?> work) {
        long t = System.nanoTime();
        work.get();
        return (System.nanoTime() - t) / 1e6;
    }

    private static String version(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            return Math.round(Long.parseLong(total) / 1048576.0) + " GiB";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1 << 20);
    }

    private void write(Path out) throws Exception {
        String section = START + "\n## Audit log (`bench/audit-bench.sh`)\n\n" + String.join("\n", lines) + "\n" + END;
        String text = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n";
        int s = text.indexOf(START);
        int e = text.indexOf(END);
        text = s >= 0 && e > s ? text.substring(0, s) + section + text.substring(e + END.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(out, text);
    }

    /** Counts what an export writes, keeping none of it. */
    static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
