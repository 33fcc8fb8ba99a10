package io.progate.execution;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.ProAccount;
import io.progate.pro.model.ProScope;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.sandbox.SandboxFaults;
import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxCall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every failure class ends in the right state with a readable reason; transient ones are retried, bounded. */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ExecutionFailureTest {

    static final String APPS = "/pro-api/v2/applications";

    @Inject
    ExecutionFixtures x;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxAccounts sandbox;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void anExpiredKeyEndsFailedWithPlainWords() throws Exception {
        ProAccount expired = sandbox.expired();
        ExecutionFixtures.SandboxTeam t = x.teamWithKey(expired.apiKey(), "PublishApp");
        ReleaseRequest done = publishAndWait(t, Fixtures.unique("Expired"));

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("the team's key was rejected by PRO: it may have expired"), done.outcome);
        assertTrue(done.outcome.contains("\"proStatus\":401"), done.outcome);
        assertFalse(done.outcome.contains(expired.apiKey()));
    }

    @Test
    void aKeyWithoutPublishAppEndsFailedNamingTheScope() throws Exception {
        ProAccount tasksOnly = sandbox.withScopes(ProScope.TASKS);
        ExecutionFixtures.SandboxTeam t = x.teamWithKey(tasksOnly.apiKey(), "PublishApp");
        ReleaseRequest done = publishAndWait(t, Fixtures.unique("Scope"));

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("the key lacks scope PublishApp"), done.outcome);
        assertTrue(done.outcome.contains("\"proStatus\":403"), done.outcome);
    }

    @Test
    void conflictAndInvalidAnswersFailAtOnceWithoutRetry() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        faults.add(SandboxFaults.Fault.status(APPS, 1, 409).onMethod("POST"));
        ReleaseRequest conflict = publishAndWait(t, Fixtures.unique("Conflict"));
        faults.add(SandboxFaults.Fault.status(APPS, 1, 400).onMethod("POST"));
        ReleaseRequest invalid = publishAndWait(t, Fixtures.unique("Invalid"));

        assertEquals(RequestStatus.FAILED, conflict.status);
        assertTrue(conflict.outcome.contains("PRO reports a conflict"), conflict.outcome);
        assertEquals(1, x.attempts(conflict.id).size());
        assertEquals(RequestStatus.FAILED, invalid.status);
        assertTrue(invalid.outcome.contains("PRO refused the publish of"), invalid.outcome);
        assertTrue(invalid.outcome.contains("simulated failure"), invalid.outcome);
        assertEquals(1, x.attempts(invalid.id).size());
        assertEquals(AttemptOutcome.FAILED, x.attempts(invalid.id).get(0).outcome);
        assertEquals(400, x.attempts(invalid.id).get(0).proStatus);
    }

    @Test
    void aTransientFailureIsRetriedAndThenSucceedsWithOnePublishStored() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Flaky");
        faults.add(SandboxFaults.Fault.status(APPS, 1, 503).onMethod("POST"));
        long before = x.lastCallId();
        ReleaseRequest done = publishAndWait(t, name);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        List<ExecutionAttempt> attempts = x.attempts(done.id);
        assertEquals(List.of(AttemptOutcome.TRANSIENT, AttemptOutcome.SUCCEEDED),
                attempts.stream().map(a -> a.outcome).toList());
        assertEquals(503, attempts.get(0).proStatus);
        List<SandboxCall> posts = x.callsSince(before, "POST", APPS);
        assertEquals(List.of(503, 200), posts.stream().map(c -> c.status).toList());
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Dropped");
        faults.add(SandboxFaults.Fault.drop(APPS, 1).onMethod("POST"));
        ReleaseRequest done = publishAndWait(t, name);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        List<ExecutionAttempt> attempts = x.attempts(done.id);
        assertEquals(AttemptOutcome.TRANSIENT, attempts.get(0).outcome);
        assertEquals(0, attempts.get(0).proStatus);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isPresent());
    }

    @Test
    void transientFailuresAreBoundedThenFailedAndAnApproverMayRetry() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Down");
        faults.add(SandboxFaults.Fault.status(APPS, 3, 503).onMethod("POST"));
        ReleaseRequest failed = publishAndWait(t, name);

        assertEquals(RequestStatus.FAILED, failed.status);
        assertTrue(failed.outcome.contains("PRO stayed unreachable or unavailable after 3 attempts"), failed.outcome);
        assertEquals(3, x.attempts(failed.id).size());

        given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD).contentType("application/json")
                .when().post("/api/v1/requests/" + failed.id + "/retry").then().statusCode(200);
        ReleaseRequest retried = x.await(failed.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, retried.status, retried.outcome);
        assertEquals(4, x.attempts(failed.id).size());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isPresent());
    }

    @Test
    void anUpdateRefusedAsInvalidKeepsProsMessage() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Cat");
        io.progate.request.ReleaseRequest published = publishAndWait(t, name);
        assertEquals(RequestStatus.SUCCEEDED, published.status, published.outcome);
        ReleaseRequest r = x.fileUpdate(t, name, "1.0",
                new io.progate.request.UpdateFields("changed", null, null, null, null, null));
        faults.add(SandboxFaults.Fault.status("/" + name + "/1.0", 1, 400).onMethod("PATCH"));
        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("PRO refused the update of " + name + " 1.0 as invalid"), done.outcome);
        assertTrue(done.outcome.contains("\"proStatus\":400"), done.outcome);
        assertTrue(done.outcome.contains("simulated failure"), done.outcome);
    }

    private ReleaseRequest publishAndWait(ExecutionFixtures.SandboxTeam t, String name) throws Exception {
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.approve(t, r.id);
        return x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
    }
}
