package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.PublishMetadata;
import io.progate.sandbox.SandboxCallLog;
import io.progate.sandbox.SandboxFaults.Fault;
import io.progate.sandbox.SandboxFaults;
import io.progate.sandbox.store.SandboxCall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failures between the client and PRO, made by the sandbox's fault switches. These use
 * {@code 127.0.0.1} for the sandbox, so their failures count against a circuit breaker of their own.
 */
@QuarkusTest
class ProClientFaultTest {

    @Inject
    SandboxAccounts sandbox;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxCallLog calls;

    @Inject
    ProAimmsVersions aimmsVersions;

    @Inject
    ProApps apps;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private ProAccount account(ProAccount key) {
        return new ProAccount(sandbox.proUrl().replace("localhost", "127.0.0.1"), key.apiKey());
    }

    private List<SandboxCall> callsSince(long id, String pathPart) {
        return QuarkusTransaction.requiringNew().call(() -> calls.since(id)).stream()
                .filter(c -> c.path.contains(pathPart)).toList();
    }

    @Test
    void getIsRetriedAfter503AndSucceeds() {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        faults.add(Fault.status("/aimms-versions", 1, 503));
        assertFalse(aimmsVersions.list(account(sandbox.demo())).isEmpty());
        List<SandboxCall> seen = callsSince(before, "/aimms-versions");
        assertEquals(List.of(503, 200), seen.stream().map(c -> c.status).toList());
    }

    @Test
    void getThatKeepsTimingOutFailsAsTransientAfterItsRetries() {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        faults.add(Fault.hang("/aimms-versions", 3, Duration.ofSeconds(3)));
        ProException e = assertThrows(ProException.class, () -> aimmsVersions.list(account(sandbox.demo())));
        assertEquals(0, e.status());
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> callsSince(before, "/aimms-versions").size() == 3);
    }

    @Test
    void unauthorizedIsNotRetriedAndSaysWhy() {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        ProAccount expired = account(sandbox.expired());
        ProException e = assertThrows(ProException.class, () -> aimmsVersions.list(expired));
        assertEquals(401, e.status());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        assertFalse(e.getMessage().contains(expired.apiKey()));
        assertFalse(e.excerpt().contains(expired.apiKey()));
        assertEquals(1, callsSince(before, "/aimms-versions").size());
    }

    @Test
    void forbiddenIsNotRetriedAndNamesTheScope() {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        ProException e = assertThrows(ProException.class,
                () -> aimmsVersions.list(account(sandbox.withScopes(ProScope.TASKS))));
        assertEquals(403, e.status());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("scope") && e.getMessage().contains("PublishAIMMS"), e.getMessage());
        assertEquals(1, callsSince(before, "/aimms-versions").size());
    }

    @Test
    void droppedConnectionOnPublishIsTransientAndNotRetried() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        faults.add(Fault.drop("/applications", 1).onMethod("POST"));
        String name = Fixtures.unique("Dropped");
        ProException e = assertThrows(ProException.class, () -> apps.publish(account(sandbox.demo()),
                PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack("dropped"))));
        assertEquals(0, e.status());
        assertTrue(e.isTransient(), e.getMessage());
        List<SandboxCall> seen = callsSince(before, "/applications");
        assertEquals(1, seen.size());
        assertEquals(0, seen.get(0).status);
        assertTrue(apps.find(sandbox.demo(), name, "1.0").isEmpty());
    }

    @Test
    void publishAnswered503IsTransientAndNotRetried() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(calls::lastId);
        faults.add(Fault.status("/applications", 1, 503).onMethod("POST"));
        String name = Fixtures.unique("Busy");
        ProException e = assertThrows(ProException.class, () -> apps.publish(account(sandbox.demo()),
                PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack("busy"))));
        assertEquals(503, e.status());
        assertTrue(e.isTransient());
        assertTrue(e.excerpt().contains("simulated failure"), e.excerpt());
        assertEquals(1, callsSince(before, "/applications").size());
    }

    @Test
    void circuitOpensForAnAccountThatKeepsFailingAndOnlyForThatAccount() {
        ProAccount down = new ProAccount("http://127.0.0.1:9/" + Fixtures.unique("down"), "some-key");
        ProException last = null;
        for (int i = 0; i < 6 && (last == null || !last.getMessage().contains("paused")); i++) {
            last = assertThrows(ProException.class, () -> aimmsVersions.list(down));
            assertTrue(last.isTransient());
        }
        assertTrue(last.getMessage().contains("paused"), last.getMessage());
        assertFalse(aimmsVersions.list(sandbox.demo()).isEmpty());
    }
}
