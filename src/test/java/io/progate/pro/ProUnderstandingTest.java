package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.model.ProApp;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers ProGate cannot read (a web page from a proxy, a field of another type, a redirect) are a
 * precise, non-transient failure: not retried, not held against the account's circuit breaker,
 * reported with status, content type and the first bytes with the key scrubbed out.
 */
@QuarkusTest
class ProUnderstandingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGN_IN = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
            + "<form action=\"/login\"><input name=\"apikey\" value=\"" + ProWire.KEY + "\"></form></body></html>";

    @Inject
    Vertx vertx;

    @Inject
    ProApps apps;

    @Inject
    ProBreakers breakers;

    private ProWire wire;

    @BeforeEach
    void start() throws Exception {
        wire = ProWire.start(vertx);
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private static JsonNode answer(int status, String contentType, String text) {
        return JSON.valueToTree(Map.of("status", status, "contentType", contentType, "text", text));
    }

    @Test
    void aWebPageWithStatus200IsNotUnderstoodNotRetriedAndScrubbed() {
        wire.answer(answer(200, "text/html; charset=utf-8", SIGN_IN));
        wire.answer(answer(200, "application/json", "[]"));
        ProException e = assertThrows(ProException.class, () -> apps.list(wire.account()));
        assertTrue(e.getMessage().startsWith(ProException.NOT_UNDERSTOOD + " (status 200, content type text/html"),
                e.getMessage());
        assertTrue(e.getMessage().contains("first bytes \"<!DOCTYPE html><html><head><title>Sign in"), e.getMessage());
        assertFalse(e.isTransient());
        assertEquals(200, e.status());
        assertFalse(e.getMessage().contains(ProWire.KEY), e.getMessage());
        assertFalse(e.excerpt().contains(ProWire.KEY), e.excerpt());
        assertEquals(1, wire.seen().size(), "a GET that was not understood is not asked again");
    }

    @Test
    void aFieldOfAnotherTypeIsNotUnderstoodAndNamesTheField() {
        wire.answer(answer(200, "application/json",
                "{\"name\":\"A\",\"projectVersion\":\"1.0\",\"attributes\":\"not a map\"}"));
        ProException e = assertThrows(ProException.class, () -> apps.get(wire.account(), "A", "1.0"));
        assertTrue(e.getMessage().startsWith(ProException.NOT_UNDERSTOOD), e.getMessage());
        assertTrue(e.getMessage().contains("content type application/json"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the field attributes does not have the expected type"), e.getMessage());
        assertFalse(e.isTransient());
        assertEquals(1, wire.seen().size());
    }

    @Test
    void aRedirectToASignInPageIsNotUnderstood() {
        wire.answer(answer(302, "text/html", "<a href=\"/login\">moved</a>"));
        ProException e = assertThrows(ProException.class, () -> apps.list(wire.account()));
        assertTrue(e.getMessage().contains("status 302"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void aDeleteAnsweredWithPlainTextIsNotUnderstoodButAnEmptyOrJsonBodyIsFine() {
        wire.answer(answer(200, "text/plain", "OK, deleted (probably)"));
        ProException e = assertThrows(ProException.class, () -> apps.delete(wire.account(), "A", "1.0"));
        assertTrue(e.getMessage().startsWith(ProException.NOT_UNDERSTOOD), e.getMessage());
        assertTrue(e.getMessage().endsWith("the body is not JSON"), e.getMessage());
        wire.answer(answer(200, "text/html", ""));
        apps.delete(wire.account(), "A", "1.0");
        wire.answer(answer(200, "application/json", "{\"deleted\":true}"));
        apps.delete(wire.account(), "A", "1.0");
        assertEquals(3, wire.seen().size());
    }

    @Test
    void answersThatAreNotUnderstoodLeaveTheBreakerClosed() {
        for (int i = 0; i < 15; i++) {
            wire.answer(answer(200, "text/html", SIGN_IN));
            ProException e = assertThrows(ProException.class, () -> apps.list(wire.account()));
            assertTrue(e.getMessage().startsWith(ProException.NOT_UNDERSTOOD), e.getMessage());
        }
        assertEquals("closed", breakers.state(wire.account().proUrl()));
        wire.answer(answer(200, "application/json", "[{\"name\":\"A\",\"projectVersion\":\"1.0\"}]"));
        assertEquals(List.of("A"), apps.list(wire.account()).stream().map(ProApp::name).toList());
        assertEquals(16, wire.seen().size(), "every call reached PRO: none was held back by an open breaker");
    }

    @Test
    void transientFailuresStillOpenTheBreaker() {
        for (int i = 0; i < 40 && !"open".equals(breakers.state(wire.account().proUrl())); i++) {
            wire.answer(answer(503, "application/json", "{\"message\":\"busy\"}"));
            assertThrows(ProException.class, () -> apps.delete(wire.account(), "A", "1.0"));
        }
        assertEquals("open", breakers.state(wire.account().proUrl()));
        ProException paused = assertThrows(ProException.class, () -> apps.delete(wire.account(), "A", "1.0"));
        assertTrue(paused.getMessage().contains("paused"), paused.getMessage());
    }
}
