package io.progate.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEvent;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.ProDirectory;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.AuthorizationEntry;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxCall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publish, update and delete carried out against the sandbox, and the drift check before each. */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ExecutionTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProDirectory directory;

    @Test
    void approvedPublishArrivesOnceWithTheUploadedPackage() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Transport");
        Path file = ExecutionFixtures.packageFile(name);
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), file);
        String uploadedSha = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>findById(r.id).pkg.sha256);
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        SandboxApp stored = QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0").orElseThrow());
        assertEquals(uploadedSha, stored.packageSha256.trim());
        assertEquals("Demo " + name, stored.description);
        List<SandboxCall> posts = x.callsSince(before, "POST", "/pro-api/v2/applications");
        assertEquals(1, posts.size());
        assertTrue(posts.get(0).detail.contains("metadata (text)"), posts.get(0).detail);
        assertTrue(posts.get(0).detail.contains("file (" + name + ".aimmspack"), posts.get(0).detail);
        List<ExecutionAttempt> attempts = x.attempts(r.id);
        assertEquals(1, attempts.size());
        assertEquals(AttemptOutcome.SUCCEEDED, attempts.get(0).outcome);
        assertNotNull(attempts.get(0).durationMs);
        assertNotNull(attempts.get(0).finishedAt);
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "targetType = 'request' and targetId = ?1 order by id", r.id.toString()).stream().map(e -> e.action).toList());
        assertTrue(actions.containsAll(List.of("request.approved", "execution.start", "request.executing", "pro.call",
                "request.succeeded", "execution.succeeded")), actions.toString());
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "targetId = ?1", r.id.toString()).stream().map(e -> e.details).reduce("", String::concat));
        assertFalse(details.contains(SandboxAccounts.DEMO_KEY), "no audit event holds the key");
        io.restassured.RestAssured.given().auth().preemptive().basic(t.author().username, Fixtures.PASSWORD)
                .get("/teams/" + t.team().slug + "/apps").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(name));
    }

    @Test
    void approvedUpdateSendsItsFieldsAndKeepsTheBeforeAfterOfExecution() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Planner");
        publishDirectly(name, "1.0");
        publishDirectly(name, "2.0");
        ReleaseRequest r = x.fileUpdate(t, name, "2.0", new UpdateFields("New words", null, true,
                Map.of("owner", "ops"), List.of(new AuthorizationEntry(5, false, envId())), null));

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        SandboxApp v1 = QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0").orElseThrow());
        SandboxApp v2 = QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "2.0").orElseThrow());
        assertEquals("New words", v2.description);
        assertEquals("as it was", v1.description);
        assertTrue(v2.latest);
        assertFalse(v1.latest);
        assertTrue(v2.attributes.contains("\"owner\":\"ops\""), v2.attributes);
        assertTrue(v2.authorizations.contains("\"authorization\":5"), v2.authorizations);
        ExecutionAttempt attempt = x.attempts(r.id).get(0);
        assertTrue(attempt.snapshot.contains("\"field\":\"description\""), attempt.snapshot);
        assertTrue(attempt.snapshot.contains("\"latestBefore\":\"1.0\""), attempt.snapshot);
        assertTrue(attempt.snapshot.contains("\"latestAfter\":\"2.0\""), attempt.snapshot);
        assertTrue(attempt.snapshot.contains("grant read+execute to environment"), attempt.snapshot);
    }

    @Test
    void approvedDeleteRemovesTheVersionAndNotesItWasLatest() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Old");
        publishDirectly(name, "1.0");
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isEmpty());
        assertEquals(1, x.callsSince(before, "DELETE", "/" + name + "/1.0").size());
        assertTrue(x.attempts(r.id).get(0).snapshot.contains("\"deletesLatest\":true"));
    }

    @Test
    void publishOfAVersionThatAppearedSinceApprovalFailsWithoutSending() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Racer");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        publishDirectly(name, "1.0");
        long before = x.lastCallId();

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("PRO changed since approval: version 1.0 of " + name + " already exists"),
                done.outcome);
        assertEquals(0, x.callsSince(before, "POST", "/pro-api/v2/applications").size());
        assertEquals(AttemptOutcome.DRIFT, x.attempts(r.id).get(0).outcome);
    }

    @Test
    void publishReplacingAVersionThatWasDeletedFailsAsDrift() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Replace");
        publishDirectly(name, "1.0");
        ReleaseRequest r = x.filePublish(t, new io.progate.request.PublishFields(name, "next", "2.0",
                SandboxAccounts.OFFICIAL_VERSION, "other", Map.of(), 2, name, "1.0", null), ExecutionFixtures.packageFile(name));
        apps.delete(sandbox.demo(), name, "1.0");

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("the version to replace, " + name + " 1.0, no longer exists"), done.outcome);
    }

    @Test
    void updateAndDeleteOfAVersionGoneSinceApprovalFailWithoutSending() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Gone");
        publishDirectly(name, "1.0");
        ReleaseRequest update = x.fileUpdate(t, name, "1.0", new UpdateFields("x", null, null, null, null, null));
        ReleaseRequest delete = x.fileDelete(t, name, "1.0");
        apps.delete(sandbox.demo(), name, "1.0");
        long before = x.lastCallId();

        x.approve(t, update.id);
        x.approve(t, delete.id);

        for (long id : new long[] {update.id, delete.id}) {
            ReleaseRequest done = x.await(id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
            assertEquals(RequestStatus.FAILED, done.status);
            assertTrue(done.outcome.contains("PRO changed since approval: version 1.0 of " + name + " no longer exists"),
                    done.outcome);
        }
        assertEquals(0, x.callsSince(before, "PATCH", name).size());
        assertEquals(0, x.callsSince(before, "DELETE", name).size());
    }

    @Test
    void teamWithoutAUsableKeyFailsWithAReadableReason() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("NoKey");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.removeKeys(t);

        x.approve(t, r.id);
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.FAILED, done.status);
        assertTrue(done.outcome.contains("no usable PRO key with scope PublishApp"), done.outcome);
    }

    void publishDirectly(String name, String version) throws Exception {
        apps.publish(sandbox.demo(), PublishMetadata.of(name, version, SandboxAccounts.OFFICIAL_VERSION)
                .withDescription("as it was"), PackageSource.of(SandboxAccounts.pack(name + version)));
    }

    long envId() {
        return directory.environments(sandbox.demo()).stream().filter(e -> e.id() != null).findFirst().orElseThrow().id();
    }
}
