package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.AimmsVersion;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.PublishMetadata;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire, seen by a bare HTTP server standing in for PRO. */
@QuarkusTest
class PublishWireTest {

    private static final String KEY = "wire-test-key-123456";

    @Inject
    Vertx vertx;

    @Inject
    ProApps apps;

    @Inject
    ProAimmsVersions aimmsVersions;

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int answerStatus;
    private volatile String answerBody;

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            seen.put("method", request.method().name());
            seen.put("path", request.path());
            seen.put("apikey", String.valueOf(request.getHeader("apikey")));
            seen.put("contentType", String.valueOf(request.getHeader("Content-Type")));
            seen.put("body", body.toString(StandardCharsets.ISO_8859_1));
            request.response().setStatusCode(answerStatus).putHeader("Content-Type", "application/json").end(answerBody);
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProAccount account() {
        return new ProAccount("http://localhost:" + server.actualPort() + "/", KEY);
    }

    @Test
    void publishSendsTheDocumentedPartsAndHeader() throws Exception {
        answerStatus = 200;
        answerBody = "{\"name\":\"Wire\",\"projectVersion\":\"1.0\",\"isLatest\":true,\"somethingNew\":{\"x\":1}}";
        ProApp app = apps.publish(account(), PublishMetadata.of("Wire", "1.0", "24.6.2.9-linux64-x86-vc143")
                        .withAttributes(Map.of("isWebUI", "true")),
                PackageSource.of(SandboxAccounts.pack("PACKAGE-BYTES-0123"), "Wire-1.0.aimmspack"),
                PackageSource.of("icon.png", () -> new java.io.ByteArrayInputStream("PNG!".getBytes(StandardCharsets.UTF_8))));
        assertEquals("Wire", app.name());
        assertTrue(app.isLatest());

        assertEquals("POST", seen.get("method"));
        assertEquals("/pro-api/v2/applications", seen.get("path"));
        assertEquals(KEY, seen.get("apikey"));
        assertTrue(seen.get("contentType").startsWith("multipart/form-data; boundary="), seen.get("contentType"));
        String body = seen.get("body");
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        assertTrue(body.contains("name=\"metadata\""), body);
        assertTrue(body.contains("\"name\":\"Wire\"") && body.contains("\"projectVersion\":\"1.0\"")
                && body.contains("\"aimmsVersionId\":\"24.6.2.9-linux64-x86-vc143\"")
                && body.contains("\"isWebUI\":\"true\""), body);
        assertFalse(body.contains("publishBehavior"), "unset fields are left out: " + body);
        assertTrue(body.contains("name=\"file\"; filename=\"Wire-1.0.aimmspack\""), body);
        assertTrue(lower.contains("content-type: application/octet-stream"), body);
        assertTrue(body.contains("PACKAGE-BYTES-0123"), body);
        assertTrue(body.contains("name=\"icon\"; filename=\"icon.png\"") && lower.contains("content-type: image/png")
                && body.contains("PNG!"), body);
    }

    @Test
    void errorBodyIsKeptAsAScrubbedExcerpt() {
        answerStatus = 500;
        answerBody = "{\"message\":\"internal trouble with key " + KEY + "\",\"apikey\":\"" + KEY + "\"}";
        ProException e = org.junit.jupiter.api.Assertions.assertThrows(ProException.class,
                () -> apps.delete(account(), "Wire", "1.0"));
        assertEquals(500, e.status());
        assertFalse(e.isTransient());
        assertTrue(e.excerpt().contains("internal trouble"), e.excerpt());
        assertFalse(e.excerpt().contains(KEY), e.excerpt());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertEquals("DELETE", seen.get("method"));
        assertEquals("/pro-api/v2/applications/Wire/1.0", seen.get("path"));
    }

    @Test
    void versionsAreReadTolerantlyAndDeduplicated() {
        answerStatus = 200;
        answerBody = "{\"versions\":[{\"id\":\"a\",\"extra\":1},{\"id\":\"a\"},{\"id\":\"b\"}],\"more\":true}";
        assertEquals(java.util.List.of(new AimmsVersion("a"), new AimmsVersion("b")),
                aimmsVersions.list(account(), true));
        assertEquals("/pro-api/v2/aimms-versions", seen.get("path"));
        assertNotNull(seen.get("apikey"));
    }
}
