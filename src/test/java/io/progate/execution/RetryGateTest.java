package io.progate.execution;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEvent;
import io.progate.audit.Outcome;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.fixtures.Sessions;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.Approval;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The hole this gate closes, tried as a user would with the execution worker running: an approver's
 * retry of a PENDING request without approvals (API and page form) answers 409, the request stays
 * PENDING, the worker finds nothing to claim and nothing reaches PRO; the same for a delete whose
 * policy wants two approvals.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class RetryGateTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ExecutionWorker worker;

    @Inject
    ExecutionQueue queue;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Test
    void retryOfAPendingPublishOrDeleteAnswers409AndNothingReachesPro() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        given().auth().preemptive().basic(t.admin().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"deleteApprovals\":2}").put("/api/v1/teams/" + t.team().slug + "/policy").then().statusCode(200);
        String name = Fixtures.unique("Gate");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "0.9", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        ReleaseRequest publish = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        ReleaseRequest delete = x.fileDelete(t, name, "0.9");
        assertEquals(2, delete.requiredApprovals);
        Sessions.Session page = Sessions.signIn(t.approver().username, Fixtures.PASSWORD);
        long before = x.lastCallId();

        for (ReleaseRequest r : new ReleaseRequest[] {publish, delete}) {
            given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD).contentType("application/json")
                    .post("/api/v1/requests/" + r.id + "/retry").then().statusCode(409);
            page.postForm("/requests/" + r.id + "/retry").then().statusCode(303);
            assertFalse(worker.runOne(r.id), "nothing to claim");
            assertEquals(RequestStatus.PENDING, x.status(r.id));
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Approval.count("request.id", r.id)));
            assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "action = 'request.retry' and targetId = ?1 and outcome = ?2", r.id.toString(), Outcome.FAILURE)));
        }
        // what the sweep would hand to the workers
        assertFalse(queue.due(1000).contains(publish.id) || queue.due(1000).contains(delete.id));
        assertEquals(RequestStatus.PENDING, x.status(publish.id));
        assertEquals(RequestStatus.PENDING, x.status(delete.id));
        assertTrue(x.callsSince(before, "POST", "/pro-api/v2/applications").isEmpty(), "no publish reached PRO");
        assertTrue(x.callsSince(before, "DELETE", name).isEmpty(), "no delete reached PRO");
        assertTrue(x.attempts(publish.id).isEmpty() && x.attempts(delete.id).isEmpty());
    }
}
