package io.progate.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.fixtures.Browser;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on end to end: a real Keycloak (the keycloak-quarkus-dist archive from Maven Central,
 * {@code start-dev} with the realm file docker-compose.yml uses) and the packaged portal against a real
 * PostgreSQL. In headless Chromium, Dana, who is in the provider's group {@code pro-demo-approvers},
 * signs in through Keycloak's own login page, lands in ProGate as an approver of team {@code demo}
 * (marked "from SSO"), and approves a request waiting there.
 */
class KeycloakSsoIT {

    private static final String RUNNER = System.getProperty("progate.runner.jar", "target/quarkus-app/quarkus-run.jar");
    private static final Path KEYCLOAK = Path.of(System.getProperty("progate.keycloak.home", "target/keycloak"));
    private static final Path REALM = Path.of("src/main/docker/keycloak/progate-realm.json");
    private static final String ADMIN_PASSWORD = "sso-it-bootstrap-secret-42";
    private static final String MASTER_KEYS = "k1=" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'C');
    private static final String CLIENT_SECRET = "progate-demo-client-secret";
    private static final String LEAD_PASSWORD = "Wx9-correct-horse-staple";

    private static EmbeddedPostgres postgres;
    private static Process keycloak;
    private static Process portal;
    private static int keycloakPort;
    private static int portalPort;
    private static Path portalLog;
    private static Path keycloakLog;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        keycloakPort = JavaHomes.freePortIn(18600, 18650);
        Path home = KEYCLOAK;
        assertTrue(Files.isDirectory(home), "Keycloak unpacked at " + home + " (maven-dependency-plugin, pre-integration-test)");
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(REALM, imports.resolve("progate-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        keycloakLog = Files.createTempFile("keycloak", ".log");
        ProcessBuilder kc = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + keycloakPort, "--http-management-port=" + JavaHomes.freePortIn(18651, 18699),
                "--cache=local").redirectErrorStream(true).redirectOutput(keycloakLog.toFile());
        kc.environment().put("JAVA_HOME", JavaHomes.java21OrLater().toString());
        kc.environment().put("JAVA_OPTS_APPEND", "-Xmx512m");
        keycloak = kc.start();

        postgres = EmbeddedPostgres.builder().start();
        portalPort = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("PROGATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PROGATE_MASTER_KEYS", MASTER_KEYS);
        env.put("PROGATE_ACTIVE_MASTER_KEY", "k1");
        env.put("PROGATE_PRO_ALLOW_PRIVATE", "true");
        env.put("PROGATE_BASE_URL", "http://localhost:" + portalPort);
        env.put("PROGATE_OIDC_ISSUER", issuer());
        env.put("PROGATE_OIDC_CLIENT_ID", "progate");
        env.put("PROGATE_OIDC_CLIENT_SECRET", CLIENT_SECRET);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(portalPort));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        portalLog = Files.createTempFile("progate-sso", ".log");
        ProcessBuilder app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", RUNNER).redirectErrorStream(true).redirectOutput(portalLog.toFile());
        app.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PROGATE_"));
        app.environment().putAll(env);
        // the portal reads the provider's metadata at start: Keycloak first
        awaitOk(keycloak, "http://localhost:" + keycloakPort + "/realms/progate/.well-known/openid-configuration",
                Duration.ofMinutes(3), keycloakLog);
        portal = app.start();
        awaitOk(portal, "http://localhost:" + portalPort + "/login", Duration.ofMinutes(2), portalLog);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : new Process[] {portal, keycloak}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/progate";
    }

    @Test
    void anIdpUserInTheApproversGroupLandsAsApproverOfDemoAndApprovesARequest() throws Exception {
        // team demo, with a local approver who files a change that weakens its policy (a POLICY request)
        expect(201, api("POST", "/api/v1/teams", "admin", ADMIN_PASSWORD,
                "{\"slug\":\"demo\",\"name\":\"Demo\",\"proUrl\":\"https://demo.aimms.cloud\"}"));
        expect(201, api("POST", "/api/v1/users", "admin", ADMIN_PASSWORD,
                "{\"username\":\"lead\",\"displayName\":\"Lead\",\"email\":\"lead@example.com\",\"password\":\""
                        + LEAD_PASSWORD + "\",\"admin\":false}"));
        expect(200, api("PUT", "/api/v1/teams/demo/members/lead", "admin", ADMIN_PASSWORD, "{\"role\":\"APPROVER\"}"));
        HttpResponse<String> filed = api("PUT", "/api/v1/teams/demo/policy", "lead", LEAD_PASSWORD,
                "{\"maxWaitHours\":720}");
        assertEquals(202, filed.statusCode(), filed.body());
        long requestId = JSON.readTree(filed.body()).get("id").asLong();

        WebDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + portalPort + "/login");
            browser.findElement(By.id("sso-login")).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertTrue(browser.getCurrentUrl().startsWith(issuer()), "Keycloak's own login page: " + browser.getCurrentUrl());
            Browser.screenshot(browser, "sso-keycloak-login");
            browser.findElement(By.id("username")).sendKeys("dana");
            browser.findElement(By.id("password")).sendKeys("dana-demo-password");
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlToBe("http://localhost:" + portalPort + "/"));
            assertTrue(browser.getPageSource().contains("Dana Approver"), "signed in as Dana");

            browser.get("http://localhost:" + portalPort + "/teams/demo");
            String team = browser.findElement(By.id("members")).getText();
            assertTrue(team.contains("dana") && team.contains("APPROVER") && team.contains("from SSO"), team);
            Browser.screenshot(browser, "sso-team-page");

            browser.get("http://localhost:" + portalPort + "/requests/" + requestId);
            browser.findElement(By.id("approve-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-status"), "SUCCEEDED"));
            Browser.screenshot(browser, "sso-approved");
        } finally {
            browser.quit();
        }
        JsonNode request = JSON.readTree(api("GET", "/api/v1/requests/" + requestId, "admin", ADMIN_PASSWORD, null).body());
        assertEquals("SUCCEEDED", request.get("status").asText(), request.toString());
        JsonNode policy = JSON.readTree(api("GET", "/api/v1/teams/demo/policy", "admin", ADMIN_PASSWORD, null).body());
        assertEquals(720, policy.get("maxWaitHours").asInt(), "the approved change applies");
        String log = Files.readString(portalLog);
        assertTrue(!log.contains(CLIENT_SECRET) && !log.contains("dana-demo-password"), "no secret in the log");
    }

    private static void expect(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.request().uri() + ": " + answer.body());
    }

    private static HttpResponse<String> api(String method, String path, String user, String password, String body)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + portalPort + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitOk(Process process, String url, Duration limit, Path log) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), url + ": the process ended\n" + Files.readString(log));
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(url + " did not answer 200 within " + limit + "\n" + Files.readString(log));
    }



    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
