package io.progate.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.ProBreakers;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.progate.sandbox.SandboxFaults;
import io.progate.sandbox.store.SandboxApp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PRO (or a proxy in front of it) that answers {@code 200 text/html}: the request ends FAILED with
 * the "does not understand" reason after one attempt, nothing is retried, and the account's circuit
 * breaker stays closed.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class UnreadableAnswerTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    SandboxFaults faults;

    @Inject
    ProBreakers breakers;

    @Inject
    CircuitBreakerMaintenance maintenance;

    @BeforeEach
    void closedBreakers() {
        maintenance.resetAll();
    }

    @AfterEach
    void clear() {
        faults.clear();
    }

    private String published() throws Exception {
        String name = Fixtures.unique("Proxied");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION)
                .withDescription("as it was"), PackageSource.of(SandboxAccounts.pack(name)));
        return name;
    }

    @Test
    void aWebPageInsteadOfTheUpdatesAnswerFailsAfterOneAttemptAndTheBreakerStaysClosed() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published();
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new UpdateFields("new words", null, null, null, null, null));
        faults.add(SandboxFaults.Fault.html("/applications/" + name + "/1.0", 1).onMethod("PATCH"));
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("PRO answered something ProGate does not understand (status 200, content type "
                + "text/html"), done.outcome);
        List<ExecutionAttempt> attempts = x.attempts(r.id);
        assertEquals(1, attempts.size());
        assertEquals(AttemptOutcome.FAILED, attempts.get(0).outcome);
        assertEquals(1, x.callsSince(before, "PATCH", "/applications/" + name + "/1.0").size(), "sent once, never again");
        assertEquals("closed", breakers.state(sandbox.proUrl()));
    }

    @Test
    void aWebPageInsteadOfTheDriftCheckFailsWithoutSendingTheChange() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = published();
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        faults.add(SandboxFaults.Fault.html("/applications/" + name + "/1.0", 20).onMethod("GET"));
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("does not understand"), done.outcome);
        assertEquals(1, x.attempts(r.id).size());
        assertEquals(1, x.callsSince(before, "GET", "/applications/" + name + "/1.0").size(), "the read is not retried");
        assertEquals(List.of(), x.callsSince(before, "DELETE", "/applications/" + name));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isPresent());
        assertEquals("closed", breakers.state(sandbox.proUrl()));
    }
}
