package io.progate.task;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.execution.AttemptOutcome;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.execution.ExecutionWorker;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.ProTask;
import io.progate.pro.ProTasks;
import io.progate.pro.model.PublishMetadata;
import io.progate.fixtures.SandboxAccounts;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.fixtures.Fixtures;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * TASK requests end to end against the sandbox: approved, a request creates exactly one task, the
 * page and API follow it to completion and its response downloads byte for byte; an attempt whose
 * outcome was lost is reconciled from PRO's task list instead of creating a second task. The worker
 * is off in this profile: each test runs the claim itself.
 */
@QuarkusTest
class TaskRequestTest {

    static final String TASKS = "/pro-api/v2/tasks/";

    @Inject
    ExecutionFixtures x;

    @Inject
    ExecutionWorker worker;

    @Inject
    TaskWatcher watcher;

    @Inject
    ProApps apps;

    @Inject
    ProTasks tasks;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    Fixtures fixtures;


    @Test
    void anApprovedTaskCreatesOneTaskWhoseResponseDownloadsByteIdentical() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = publishedApp();
        byte[] input = "{ \"scenario\" : \"base\",\n  \"weights\": [1, 2.5, 3], \"name\": \"Zürich → Genève\" }\n"
                .getBytes(StandardCharsets.UTF_8);
        long id = fileWithUpload(t, app, "1.0", "solve", input);
        assertEquals("PENDING", request(t.author(), id).path("status"));
        long before = x.lastCallId();

        x.approve(t, id);
        worker.runOne(id);
        ReleaseRequest done = x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(1, x.callsSince(before, "POST", TASKS).size(), "exactly one task created");
        String taskId = task(t.author(), id).path("taskId");
        assertNotNull(taskId);
        Response finished = awaitFinished(t.author(), id);
        assertEquals("completed", finished.path("state"));
        assertEquals(0, (int) finished.path("returnCode"));
        assertEquals(input.length, (int) finished.path("response.size"));
        byte[] downloaded = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get((String) finished.path("response.url")).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(input, downloaded, "the response downloads byte for byte as PRO gave it");
        assertEquals(1, x.callsSince(before, "POST", TASKS).size(), "following the task created no other");
        String page = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .when().get("/requests/" + id + "/task").then().statusCode(200).extract().asString();
        assertTrue(page.contains("completed") && page.contains(taskId) && page.contains("task-response-link"), page);
    }

    @Test
    void aTaskWhoseCreationOutcomeWasLostIsFoundInProAndNotCreatedAgain() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = publishedApp();
        long id = fileTyped(t, app, "1.0", "solve", "{\"run\": 1}");
        x.abandonWithUnknownAttempt(id);
        // the dead worker's POST reached PRO and created the task; its answer was never recorded
        ProTask created = tasks.create(sandbox.demo(), app, "1.0", "solve", "{\"run\": 1}".getBytes(StandardCharsets.UTF_8));
        long before = x.lastCallId();

        worker.runOne(id);
        ReleaseRequest done = x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertTrue(done.outcome.contains("\"reconciled\":true"), done.outcome);
        assertEquals(0, x.callsSince(before, "POST", TASKS).size(), "no second task");
        assertEquals(List.of(AttemptOutcome.RECONCILED), x.attempts(id).stream().map(a -> a.outcome).toList());
        assertEquals(created.id(), task(t.author(), id).path("taskId"));
        assertEquals(1L, (long) tasks.list(sandbox.demo(), io.progate.pro.model.TaskQuery.of(app, "1.0")).total());
    }

    @Test
    void aTaskWhoseLostAttemptNeverReachedProIsCreatedOnce() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = publishedApp();
        long id = fileTyped(t, app, "latest", "solve", "[]");
        x.abandonWithUnknownAttempt(id);
        long before = x.lastCallId();

        worker.runOne(id);
        ReleaseRequest done = x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(List.of(AttemptOutcome.LOST, AttemptOutcome.SUCCEEDED),
                x.attempts(id).stream().map(a -> a.outcome).toList());
        assertEquals(1, x.callsSince(before, "POST", TASKS).size());
        assertEquals(1L, (long) tasks.list(sandbox.demo(), io.progate.pro.model.TaskQuery.of(app, null)).total());
    }

    @Test
    void twoCandidateTasksStopTheRequestInsteadOfCreatingAThird() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = publishedApp();
        long id = fileTyped(t, app, "1.0", "solve", "{}");
        x.abandonWithUnknownAttempt(id);
        tasks.create(sandbox.demo(), app, "1.0", "solve", "{}".getBytes(StandardCharsets.UTF_8));
        tasks.create(sandbox.demo(), app, "1.0", "solve", "{}".getBytes(StandardCharsets.UTF_8));
        long before = x.lastCallId();

        worker.runOne(id);
        ReleaseRequest done = x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("cannot tell"), done.outcome);
        assertEquals(0, x.callsSince(before, "POST", TASKS).size());
    }

    @Test
    void aTaskThePolicyLetsRunWithoutApprovalIsApprovedOnSubmissionAndAudited() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        String app = publishedApp();
        given().auth().preemptive().basic(t.admin().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"taskAllowList\": [\"" + app + "/nightly\"]}")
                .when().put("/api/v1/teams/" + t.team().slug + "/policy").then().statusCode(200);

        long allowed = fileTyped(t, app, "1.0", "nightly", "{}");
        long other = fileTyped(t, app, "1.0", "solve", "{}");

        assertEquals("APPROVED", request(t.author(), allowed).path("status"));
        assertEquals(0, (int) request(t.author(), allowed).path("requiredApprovals"));
        assertEquals("PENDING", request(t.author(), other).path("status"));
        AuditEvent approved = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = ?1 and targetId = ?2", "request.approved", Long.toString(allowed)).firstResult());
        assertTrue(approved.details.replace(" ", "").contains("\"autoApproved\":true") && approved.details.contains("allow-list"),
                approved.details);
    }

    @Test
    void weakeningTheTaskApprovalsIsAPolicyRequest() {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"taskApprovals\": 0}").when().put("/api/v1/teams/" + t.team().slug + "/policy")
                .then().statusCode(202).body("type", org.hamcrest.Matchers.equalTo("POLICY"));
        given().auth().preemptive().basic(t.approver().username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/" + t.team().slug + "/policy")
                .then().statusCode(200).body("taskApprovals", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aTaskRequestNeedsOneValidJsonInputAndAServiceName() {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"type\":\"TASK\",\"reason\":\"r\",\"appName\":\"App\",\"appVersion\":\"1.0\"}")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("serviceName"))
                .body(org.hamcrest.Matchers.containsString("input"));
        given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .multiPart("request", "{\"type\":\"TASK\",\"reason\":\"r\",\"appName\":\"App\",\"appVersion\":\"1.0\","
                        + "\"serviceName\":\"solve\"}", "application/json")
                .multiPart("file", "input.json", "{not json".getBytes(StandardCharsets.UTF_8), "application/json")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("must be JSON"));
    }

    @Test
    void aTaskNeedsAKeyWithTheTasksScope() {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp");
        given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"type\":\"TASK\",\"reason\":\"r\",\"appName\":\"App\",\"appVersion\":\"1.0\","
                        + "\"serviceName\":\"solve\",\"input\":{}}")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("scope Tasks"));
    }

    @Test
    void theAuthorInterruptsWithoutApprovalWhileAnotherMemberIsRefusedAndNothingChanges() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Tasks");
        User member = fixtures.user("task-member");
        fixtures.member(t.team(), member, TeamRole.MEMBER);
        String app = publishedApp();
        long id = fileTyped(t, app, "1.0", "solve", "{\"long\": true}");
        x.approve(t, id);
        worker.runOne(id);
        x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        long before = x.lastCallId();

        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).contentType("application/json")
                .body("{\"how\":\"execution\"}").when().post("/api/v1/requests/" + id + "/task/interrupt")
                .then().statusCode(403);
        assertEquals(0, x.callsSince(before, "PUT", TASKS).size(), "a refused interrupt reaches no PRO");
        assertTrue(List.of("queued", "running").contains(task(t.author(), id).path("state")));

        Response interrupted = given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .contentType("application/json").body("{\"how\":\"execution\"}")
                .when().post("/api/v1/requests/" + id + "/task/interrupt").then().statusCode(200).extract().response();
        assertEquals("failed", interrupted.path("state"));
        assertEquals(1, x.callsSince(before, "PUT", TASKS).size());
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = ?1 and targetId = ?2 order by id", "task.interrupt", Long.toString(id)));
        assertEquals(List.of("failure", "success"), events.stream().map(e -> e.outcome.name().toLowerCase()).toList());
    }

    private String publishedApp() throws Exception {
        String name = Fixtures.unique("TaskApp");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        return name;
    }

    private long fileTyped(ExecutionFixtures.SandboxTeam t, String app, String version, String service, String input) {
        return ((Number) given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .contentType("application/json")
                .body("{\"type\":\"TASK\",\"reason\":\"run it\",\"appName\":\"" + app + "\",\"appVersion\":\"" + version
                        + "\",\"serviceName\":\"" + service + "\",\"input\":" + input + "}")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private long fileWithUpload(ExecutionFixtures.SandboxTeam t, String app, String version, String service, byte[] input)
            throws Exception {
        Path file = Files.createTempFile("task-input-", ".json");
        Files.write(file, input);
        return ((Number) given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .multiPart("request", "{\"type\":\"TASK\",\"reason\":\"run it\",\"appName\":\"" + app
                        + "\",\"appVersion\":\"" + version + "\",\"serviceName\":\"" + service + "\"}", "application/json")
                .multiPart("file", file.toFile(), "application/json")
                .when().post("/api/v1/teams/" + t.team().slug + "/requests").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static Response request(User user, long id) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/requests/" + id)
                .then().statusCode(200).extract().response();
    }

    private static Response task(User user, long id) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/api/v1/requests/" + id + "/task").then().statusCode(200).extract().response();
    }

    private Response awaitFinished(User user, long id) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            watcher.sweep();
            last[0] = task(user, id);
            return Boolean.TRUE.equals(last[0].path("finished")) && last[0].path("response") != null;
        });
        return last[0];
    }
}
