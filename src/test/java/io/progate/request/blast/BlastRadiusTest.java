package io.progate.request.blast;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.ProApps;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProTasks;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.ProTask;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.sandbox.SandboxFaults;
import io.progate.team.TeamPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delete request's blast radius on its page and in its JSON, read from the sandbox before approval:
 * the app disappearing, the latest tag moving, who loses access, tasks still running, why it needs its
 * approvals; and a PRO that cannot be read or answers garbage makes it "unknown", never a 500.
 */
@QuarkusTest
class BlastRadiusTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProTasks tasks;

    @Inject
    ProDirectory directory;

    @Inject
    SandboxFaults faults;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EntityManager em;

    @AfterEach
    void clearFaults() {
        faults.clear();
        breakers.resetAll();
    }

    @Test
    void deletingTheLastVersionSaysTheAppDisappearsOnThePageAndInTheJson() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Lonely");
        ReleaseRequest r = deleteOfOnlyVersion(t, name);

        JsonPath blast = blast(t.approver(), r);
        assertTrue(blast.getBoolean("blastRadius.versionsKnown"));
        assertTrue(blast.getBoolean("blastRadius.lastVersion"));
        assertTrue(blast.getBoolean("blastRadius.deletesLatest"));
        assertEquals(0, blast.getInt("blastRadius.remaining"));
        assertNull(blast.get("blastRadius.latestAfter"));
        assertTrue(blast.getString("blastRadius.approvalReason").contains("deletes the last version of " + name),
                blast.getString("blastRadius.approvalReason"));

        Requests.as(t.approver()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("id=\"blast-radius\""))
                .body(containsString("This is the last version of " + name + ": after the delete the app disappears from PRO."))
                .body(containsString("yes: " + name + " disappears from PRO"))
                .body(containsString("because it deletes the last version of " + name + ", so the app disappears"));
    }

    @Test
    void deletingTheLatestOfTwoVersionsNamesTheNextLatestAndWhatRemains() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Pair");
        x.publishDirectly(name, "1.0");
        x.publishDirectly(name, "2.0");
        apps.update(sandbox.demo(), name, "2.0", new AppUpdate(null, null, true, null, null, null));
        ReleaseRequest latest = x.fileDelete(t, name, "2.0");
        ReleaseRequest older = x.fileDelete(t, name, "1.0");

        JsonPath a = blast(t.author(), latest);
        assertFalse(a.getBoolean("blastRadius.lastVersion"));
        assertTrue(a.getBoolean("blastRadius.deletesLatest"));
        assertEquals("2.0", a.getString("blastRadius.latestBefore"));
        assertEquals("1.0", a.getString("blastRadius.latestAfter"));
        assertEquals(List.of("1.0"), a.getList("blastRadius.remainingVersions"));
        assertTrue(a.getString("blastRadius.approvalReason").contains("deletes the version tagged latest"));

        JsonPath b = blast(t.author(), older);
        assertFalse(b.getBoolean("blastRadius.deletesLatest"));
        assertEquals("2.0", b.getString("blastRadius.latestAfter"));
        assertEquals("1 version of " + name + " remains; 2.0 stays latest.", b.getString("blastRadius.summary"));
        assertFalse(b.getString("blastRadius.approvalReason").contains("because"));
    }

    @Test
    void theReasonNamesThePolicysDeleteCount() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        QuarkusTransaction.requiringNew().run(() -> {
            TeamPolicy policy = TeamPolicy.of(em.find(io.progate.team.Team.class, t.team().id));
            policy.deleteApprovals = 2;
            policy.persist();
        });
        String name = Fixtures.unique("Counted");
        ReleaseRequest r = deleteOfOnlyVersion(t, name);
        assertEquals(2, r.requiredApprovals);
        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("Needs 2 approvals because it deletes the last version of " + name))
                .body(containsString("the team&#39;s policy asks 2 for a delete"));
    }

    @Test
    void namesWhoLosesAccessFromTheListProGateLastSet() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Guarded");
        x.publishDirectly(name, "1.0");
        long env = directory.environments(sandbox.demo()).stream().filter(e -> e.id() != null).findFirst().orElseThrow().id();
        ReleaseRequest update = x.fileUpdate(t, name, "1.0", new AppUpdate(null, null, null, null,
                List.of(new Authorization(5, false, env), new Authorization(2, true, env)), null));
        x.finishAs(update.id, RequestStatus.SUCCEEDED, null);
        ReleaseRequest r = x.fileDelete(t, name, "1.0");

        JsonPath blast = blast(t.author(), r);
        assertTrue(blast.getBoolean("blastRadius.accessKnown"));
        List<String> loses = blast.getList("blastRadius.losesAccess");
        assertEquals(1, loses.size(), loses.toString());
        assertTrue(loses.get(0).startsWith("grant read+execute to environment "), loses.get(0));
        assertTrue(blast.getString("blastRadius.accessSource").contains("request #" + update.id));
    }

    @Test
    void listsTheVersionsTasksThatAreStillQueuedOrRunning() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team("PublishApp", "Authentication", "Tasks");
        String name = Fixtures.unique("Busy");
        x.publishDirectly(name, "1.0");
        x.publishDirectly(name, "1.1");
        ProTask task = tasks.create(sandbox.demo(), name, "1.0", "solve", "{}".getBytes(StandardCharsets.UTF_8));
        tasks.create(sandbox.demo(), name, "1.1", "solve", "{}".getBytes(StandardCharsets.UTF_8));
        ReleaseRequest r = x.fileDelete(t, name, "1.0");

        JsonPath blast = blast(t.author(), r);
        assertTrue(blast.getBoolean("blastRadius.tasksKnown"));
        assertEquals(List.of(task.id()), blast.getList("blastRadius.openTasks.id"), "only the version's own task");
    }

    @Test
    void withoutAKeyForTasksTheTasksAreUnknownAndSaySo() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("NoTasks");
        ReleaseRequest r = deleteOfOnlyVersion(t, name);
        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("Unknown: the team has no usable PRO key with scope Tasks"));
    }

    @Test
    void aProThatAnswersGarbageMakesTheBlastRadiusUnknownNotA500() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Garbled");
        ReleaseRequest r = deleteOfOnlyVersion(t, name);
        faults.add(SandboxFaults.Fault.html("/applications", 20).onMethod("GET"));

        JsonPath blast = blast(t.author(), r);
        assertFalse(blast.getBoolean("blastRadius.versionsKnown"));
        assertTrue(blast.getString("blastRadius.versionsUnknown").startsWith("PRO's list of apps could not be read: "),
                blast.getString("blastRadius.versionsUnknown"));
        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("The blast radius is unknown: PRO&#39;s list of apps could not be read"))
                .body(not(containsString("disappears")));
    }

    @Test
    void aProThatCannotBeReachedMakesTheBlastRadiusUnknownNotA500() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Gone");
        ReleaseRequest r = deleteOfOnlyVersion(t, name);
        faults.add(SandboxFaults.Fault.drop("/applications", 50).onMethod("GET"));

        Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200)
                .body(containsString("The blast radius is unknown: PRO&#39;s list of apps could not be read"));
        Requests.as(t.author()).get("/api/v1/requests/" + r.id).then().statusCode(200);
    }

    @Test
    void otherRequestsAndListsCarryNoBlastRadius() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Kept");
        x.publishDirectly(name, "1.0");
        ReleaseRequest update = x.fileUpdate(t, name, "1.0", new AppUpdate("words", null, null, null, null, null));
        Requests.as(t.author()).get("/api/v1/requests/" + update.id).then().statusCode(200)
                .body("blastRadius", org.hamcrest.Matchers.nullValue());
        Requests.as(t.author()).get("/requests/" + update.id).then().statusCode(200)
                .body(not(containsString("id=\"blast-radius\"")));
    }



    /** Version 1.0 of {@code name} published straight into PRO, and a delete request for it. */
    private ReleaseRequest deleteOfOnlyVersion(ExecutionFixtures.SandboxTeam t, String name) throws Exception {
        x.publishDirectly(name, "1.0");
        return x.fileDelete(t, name, "1.0");
    }

    /** The request as the JSON API answers it (200), for its blastRadius. */
    private static JsonPath blast(User user, ReleaseRequest r) {
        return Requests.as(user).get("/api/v1/requests/" + r.id).then().statusCode(200).extract().jsonPath();
    }
}
