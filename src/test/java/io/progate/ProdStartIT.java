package io.progate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar the way production does, against a real PostgreSQL. */
class ProdStartIT {

    private static final String RUNNER = System.getProperty("progate.runner.jar", "target/quarkus-app/quarkus-run.jar");
    private static final String PASSWORD = "prod-admin-password-42";

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
    void refusesToStartWithoutAdminPasswordEvenWithADatabase() throws Exception {
        Path log = Files.createTempFile("progate-refusal", ".log");
        Process process = start(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/none"), log);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("ProGate refuses to start: no admin password (set PROGATE_ADMIN_PASSWORD)"), output);
    }

    @Test
    void startsAgainstAnExternalPostgresAndAnswersTheAdmin() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int port = freePort();
            Path log = Files.createTempFile("progate-prod", ".log");
            Process process = start(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "PROGATE_ADMIN_PASSWORD", PASSWORD,
                    "PROGATE_MASTER_KEYS", "k1=" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'),
                    "PROGATE_ACTIVE_MASTER_KEY", "k1",
                    "QUARKUS_HTTP_PORT", String.valueOf(port)), log);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> me = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline && process.isAlive()) {
                    try {
                        me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        break;
                    } catch (IOException notYet) {
                        Thread.sleep(500);
                    }
                }
                String output = Files.readString(log);
                assertTrue(me != null, "the portal answered; output:\n" + output);
                assertEquals(200, me.statusCode(), me.body());
                assertTrue(me.body().contains("\"admin\":true"), me.body());
                assertTrue(!output.contains(PASSWORD), "the admin password is not logged");
                assertTrue(!output.contains("using temporary key"), "no session key is logged:\n" + output);
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Map<String, String> env, Path log) throws IOException {
        assertTrue(Files.exists(Path.of(RUNNER)), "packaged jar at " + RUNNER);
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", RUNNER)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PROGATE_"));
        environment.put("QUARKUS_HTTP_PORT", "0");
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
