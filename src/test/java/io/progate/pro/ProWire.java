package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A bare HTTP server standing in for PRO, for wire tests: it records every request exactly as it
 * arrived and answers from a queue. Fixtures under {@code src/test/resources/pro-wire/} describe the
 * request AIMMS's documentation expects for one call ({@code request}) and two answers to it: the
 * documented shape ({@code answer}) and one with extra and missing optional fields ({@code variant}).
 */
final class ProWire implements AutoCloseable {

    static final String KEY = "wire-fixture-key-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it reached the server: query values decoded, header names lower-case. */
    record Seen(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<JsonNode> answers = new ConcurrentLinkedQueue<>();

    private ProWire(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, List<String>> query = new LinkedHashMap<>();
            request.params().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            seen.add(new Seen(request.method().name(), request.path(), query, headers, body.getBytes()));
            JsonNode answer = answers.poll();
            if (answer == null) {
                request.response().setStatusCode(599).end("no answer queued");
                return;
            }
            var response = request.response().setStatusCode(answer.path("status").asInt(200));
            if (answer.hasNonNull("contentType")) {
                response.putHeader("Content-Type", answer.get("contentType").asText());
            }
            response.end(Buffer.buffer(bodyOf(answer)));
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static ProWire start(Vertx vertx) throws Exception {
        return new ProWire(vertx);
    }

    ProAccount account() {
        return new ProAccount("http://localhost:" + server.actualPort(), KEY);
    }

    /** Queues an answer: {@code {"status", "contentType", "json" | "text"}}. */
    void answer(JsonNode answer) {
        answers.add(answer);
    }

    List<Seen> seen() {
        return seen;
    }

    void reset() {
        seen.clear();
        answers.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    static JsonNode fixture(String name) {
        try (InputStream in = ProWire.class.getResourceAsStream("/pro-wire/" + name + ".json")) {
            assertNotNull(in, "no fixture pro-wire/" + name + ".json");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bodyOf(JsonNode answer) {
        try {
            if (answer.has("json")) {
                return JSON.writeValueAsBytes(answer.get("json"));
            }
            return answer.path("text").asText("").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code seen} is exactly the request the fixture describes. */
    static void assertRequest(JsonNode expected, Seen seen) {
        String name = expected.path("method").asText() + " " + expected.path("path").asText();
        assertEquals(expected.path("method").asText(), seen.method(), name + ": method");
        assertEquals(expected.path("path").asText(), seen.path(), name + ": path (as on the wire)");
        Map<String, List<String>> query = new LinkedHashMap<>();
        expected.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), List.of(e.getValue().asText())));
        assertEquals(query, seen.query(), name + ": query");
        assertTrue(expected.path("headers").has("apikey"), name + ": every fixture names the apikey header");
        expected.path("headers").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(),
                seen.headers().get(e.getKey().toLowerCase(Locale.ROOT)), name + ": header " + e.getKey()));
        assertFalse(seen.headers().containsKey("cookie"), name + ": no cookie is sent");
        assertFalse(seen.headers().containsKey("authorization"), name + ": no other credential is sent");
        if (expected.has("json")) {
            assertTrue(seen.contentType().startsWith("application/json"), name + ": content type " + seen.contentType());
            assertEquals(expected.get("json"), readJson(seen.body()), name + ": JSON body");
        } else if (expected.has("multipart")) {
            assertTrue(seen.contentType().startsWith("multipart/form-data; boundary="), name + ": " + seen.contentType());
            assertParts(name, expected.get("multipart"), parts(seen));
        } else if (expected.has("text")) {
            assertTrue(seen.contentType().startsWith(expected.path("contentType").asText()), name + ": content type");
            assertEquals(expected.get("text").asText(), new String(seen.body(), StandardCharsets.UTF_8), name + ": body");
        } else {
            assertEquals(0, seen.body().length, name + ": no body");
        }
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** One part of a multipart body: its name, file name and content type (null when absent) and content. */
    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private static void assertParts(String call, JsonNode expected, List<Part> parts) {
        assertEquals(expected.size(), parts.size(), call + ": parts " + parts.stream().map(Part::name).toList());
        Iterator<JsonNode> wanted = expected.elements();
        for (Part part : parts) {
            JsonNode e = wanted.next();
            String at = call + ": part " + e.path("name").asText();
            assertEquals(e.path("name").asText(), part.name(), at + " name, in order");
            assertEquals(e.hasNonNull("filename") ? e.get("filename").asText() : null, part.fileName(), at + " file name");
            if (e.has("contentType")) {
                assertEquals(e.get("contentType").asText(), part.contentType(), at + " content type");
            }
            if (e.has("json")) {
                assertEquals(e.get("json"), readJson(part.content()), at + " JSON");
            } else {
                assertEquals(e.path("text").asText(), new String(part.content(), StandardCharsets.UTF_8), at + " content");
            }
        }
    }

    /** Splits a multipart/form-data body at its boundary (good enough for the small bodies of fixtures). */
    static List<Part> parts(Seen seen) {
        String boundary = "--" + seen.contentType().replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String body = new String(seen.body(), StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : body.split(java.util.regex.Pattern.quote(boundary))) {
            if (chunk.isBlank() || chunk.startsWith("--")) {
                continue;
            }
            String trimmed = chunk.startsWith("\r\n") ? chunk.substring(2) : chunk;
            int end = trimmed.indexOf("\r\n\r\n");
            String head = trimmed.substring(0, end);
            String content = trimmed.substring(end + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String name = null;
            String fileName = null;
            String type = null;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    name = line.replaceAll(".*[; ]name=\"([^\"]*)\".*", "$1");
                    fileName = line.contains("filename=") ? line.replaceAll(".*filename=\"([^\"]*)\".*", "$1") : null;
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            parts.add(new Part(name, fileName, type, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
