package io.progate.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status the request page polls, the before/after fragment, closing a failure, and the metrics. */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ExecutionPagesTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    Fixtures fixtures;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Test
    void statusIsForTheTeamOnly() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        ReleaseRequest r = x.fileDelete(t, Fixtures.unique("Nothing"), "1.0");
        User outsider = fixtures.user("outsider");

        as(t.author()).get("/executions/" + r.id + "/status").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("running", equalTo(false));
        as(outsider).get("/executions/" + r.id + "/status").then().statusCode(404);
        as(outsider).get("/api/v1/executions/" + r.id).then().statusCode(404);
    }

    @Test
    void beforeAfterShowsLiveChangesBeforeAndTheSnapshotAfterExecution() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("View");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION)
                .withDescription("old text"), PackageSource.of(SandboxAccounts.pack(name)));
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new UpdateFields("new text", null, null, null, null, null));

        as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("data-execution=\"/executions/" + r.id + "\""))
                .body(containsString("<script src=\"/js/execution.js\" defer></script>"));
        as(t.author()).get("/executions/" + r.id + "/before-after").then().statusCode(200)
                .body(containsString("live from PRO now")).body(containsString("old text"))
                .body(containsString("new text")).body(not(containsString("at execution")));

        x.approve(t, r.id);
        x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        as(t.author()).get("/executions/" + r.id + "/before-after").then().statusCode(200)
                .body(containsString("Before / after at execution")).body(containsString("old text"))
                .body(containsString("SUCCEEDED"));
        as(t.author()).get("/api/v1/executions/" + r.id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("attempts[0].outcome", equalTo("SUCCEEDED"))
                .body("atExecution.changes[0].before", equalTo("old text"));
    }

    @Test
    void anApproverClosesAFailedRequestOnceAndTheAuthorMayNot() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        ReleaseRequest r = x.fileDelete(t, Fixtures.unique("Nope"), "1.0");
        x.removeKeys(t);
        x.approve(t, r.id);
        x.await(r.id, RequestStatus.FAILED, RequestStatus.SUCCEEDED);

        as(t.approver()).get("/api/v1/executions/" + r.id).then().statusCode(200)
                .body("mayRetryOrClose", equalTo(true)).body("attempts[0].message", containsString("no usable PRO key"));
        as(t.author()).contentType("application/json").post("/api/v1/executions/" + r.id + "/close").then().statusCode(403);
        as(t.approver()).contentType("application/json").post("/api/v1/executions/" + r.id + "/close").then().statusCode(200)
                .body("closed", equalTo(true)).body("mayRetryOrClose", equalTo(false));
        as(t.approver()).contentType("application/json").post("/api/v1/executions/" + r.id + "/close").then().statusCode(409);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'request.close' and outcome = 'SUCCESS' and targetId = ?1", r.id.toString())) == 1);
    }

    @Test
    void aSucceededRequestCannotBeClosedAndFormsNeedTheCsrfToken() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Fine");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.approve(t, r.id);
        x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        as(t.approver()).contentType("application/json").post("/api/v1/executions/" + r.id + "/close").then().statusCode(409);
        // a browser session without the token is refused (Basic with no cookie needs none)
        io.progate.fixtures.Sessions.signIn(t.approver().username, Fixtures.PASSWORD).request()
                .contentType("application/x-www-form-urlencoded").formParams(Map.of("x", "y"))
                .post("/executions/" + r.id + "/close").then().statusCode(400);
    }

    @Test
    void metricsCountExecutionsByTypeAndOutcome() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Metric");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.approve(t, r.id);
        x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("progate_executions_total{outcome=\"SUCCEEDED\",type=\"PUBLISH\"}"))
                .body(containsString("progate_execution_pro_call_seconds_count{status=\"2xx\",type=\"PUBLISH\"}"))
                .body(containsString("progate_execution_start_delay_seconds_count"))
                .body(containsString("progate_execution_queue_depth"));
    }

    private static RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD);
    }
}
