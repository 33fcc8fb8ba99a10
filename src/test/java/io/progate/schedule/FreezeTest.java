package io.progate.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.execution.WorkerOn;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.MovableClock;
import io.progate.fixtures.Requests;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Freezes with the worker running: approved work of a frozen team waits as SCHEDULED with the freeze
 * named, the banner says why and until when, and the work runs once the freeze is lifted or over.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class FreezeTest {

    static final String NOW = "2031-02-03T10:00:00Z";

    @Inject
    ExecutionFixtures x;

    @Inject
    Fixtures fixtures;

    MovableClock clock;

    @BeforeEach
    void clock() {
        clock = MovableClock.install(NOW);
    }

    private static long declare(User user, String path, String endsAt, String reason) {
        return Requests.as(user).contentType("application/json")
                .body(Map.of("endsAt", endsAt, "reason", reason)).post(path)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long count(String action, String targetId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId = ?2", action,
                targetId));
    }

    @Test
    void aTeamFreezeHoldsApprovedWorkAndLiftingItReleasesTheWork() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String reason = Fixtures.unique("Quarter-end close");
        long freeze = declare(t.approver(), "/api/v1/teams/" + t.team().slug + "/freezes", "2031-02-03T18:00:00Z",
                reason);
        String name = Fixtures.unique("Frozen");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        long before = x.lastCallId();

        x.approve(t, r.id);

        ReleaseRequest held = x.reload(r.id);
        assertEquals(RequestStatus.SCHEDULED, held.status);
        assertEquals(freeze, held.heldByFreeze);
        assertEquals(java.time.Instant.parse("2031-02-03T18:00:00Z"), held.scheduledUntil);
        assertTrue(held.scheduledWhy.contains(reason), held.scheduledWhy);
        String dashboard = Requests.as(t.author()).get("/").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("freeze-banner") && dashboard.contains(reason)
                && dashboard.contains("2031-02-03 18:00 UTC"), "the banner says why and until when");
        String otherTeamsUser = Requests.as(fixtures.user("outsider")).get("/").then().statusCode(200).extract().asString();
        assertFalse(otherTeamsUser.contains(reason), "people of other teams see no banner of this team's freeze");

        // a member may neither freeze nor lift; the freeze stays
        Requests.as(t.author()).post("/api/v1/freezes/" + freeze + "/lift").then().statusCode(403);
        Requests.as(t.author()).contentType("application/json").body(Map.of("endsAt", "2031-02-04T00:00:00Z",
                "reason", "mine")).post("/api/v1/teams/" + t.team().slug + "/freezes").then().statusCode(403);
        Thread.sleep(2500);
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id), "two sweeps later it still waits");
        assertTrue(x.callsSince(before, "POST", "/pro-api/v2/applications").isEmpty());

        Requests.as(t.approver()).post("/api/v1/freezes/" + freeze + "/lift").then().statusCode(200);

        assertEquals(1, count("freeze.lift", Long.toString(freeze)), "lifting is audited");
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(1, x.callsSince(before, "POST", "/pro-api/v2/applications").size());
        Requests.as(t.approver()).post("/api/v1/freezes/" + freeze + "/lift").then().statusCode(409);
    }

    @Test
    void anAdminFreezeOfEveryTeamHoldsWorkUntilItEnds() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        long freeze = declare(t.admin(), "/api/v1/freezes", "2031-02-03T12:00:00Z", "Data-centre move");
        try {
            Requests.as(t.approver()).contentType("application/json").body(Map.of("endsAt", "2031-02-04T00:00:00Z",
                    "reason", "all")).post("/api/v1/freezes").then().statusCode(403);
            String name = Fixtures.unique("AllFrozen");
            ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"),
                    ExecutionFixtures.packageFile(name));
            x.approve(t, r.id);
            ReleaseRequest held = x.reload(r.id);
            assertEquals(RequestStatus.SCHEDULED, held.status);
            assertTrue(held.scheduledWhy.contains("every team"), held.scheduledWhy);
            String page = Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Data-centre move"), "the request page names the freeze");

            clock.set("2031-02-03T12:00:00Z");

            assertEquals(RequestStatus.SUCCEEDED, x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Freeze.update("liftedAt = ?1, liftedBy = 'test' where id = ?2",
                    java.time.Instant.parse(NOW), freeze));
        }
    }

    @Test
    void aFreezeWithoutReasonOrEndIsRefusedAndNothingIsStored() {
        ExecutionFixtures.SandboxTeam t = x.team();
        long before = QuarkusTransaction.requiringNew().call(() -> Freeze.count());
        String path = "/api/v1/teams/" + t.team().slug + "/freezes";
        Requests.as(t.approver()).contentType("application/json").body(Map.of("endsAt", "2031-02-04T00:00:00Z",
                "reason", " ")).post(path).then().statusCode(400);
        Requests.as(t.approver()).contentType("application/json").body(Map.of("reason", "no end")).post(path)
                .then().statusCode(400);
        Requests.as(t.approver()).contentType("application/json").body(Map.of("endsAt", "2031-02-03T09:00:00Z",
                "reason", "over already")).post(path).then().statusCode(400);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Freeze.count()));
    }

    @Test
    void freezePagesDeclareAndListForApproversAndAdmins() {
        ExecutionFixtures.SandboxTeam t = x.team();
        String reason = Fixtures.unique("Page freeze");
        io.progate.fixtures.Sessions.Session approver = io.progate.fixtures.Sessions.signIn(t.approver().username,
                Fixtures.PASSWORD);
        String teamPage = "/teams/" + t.team().slug + "/freezes";
        approver.request().formParam("endsAt", "2031-02-03T11:00").formParam("reason", reason).post(teamPage)
                .then().statusCode(400);
        approver.postForm(teamPage, "endsAt", "2031-02-03T09:00", "reason", reason).then().statusCode(400);
        approver.postForm(teamPage, "endsAt", "2031-02-03T11:00", "reason", reason).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(teamPage));
        long id = QuarkusTransaction.requiringNew().call(() -> Freeze.<Freeze>find("reason", reason).singleResult().id);
        assertEquals(java.time.Instant.parse("2031-02-03T11:00:00Z"),
                QuarkusTransaction.requiringNew().call(() -> Freeze.<Freeze>findById(id).endsAt), "a form's time is UTC");
        String team = Requests.as(t.author()).get("/teams/" + t.team().slug + "/freezes").then().statusCode(200)
                .extract().asString();
        assertTrue(team.contains(reason));
        assertFalse(team.contains("freeze-form"), "members see freezes but declare none");
        String admin = Requests.as(t.admin()).get("/admin/freezes").then().statusCode(200).extract().asString();
        assertTrue(admin.contains(reason) && admin.contains("freeze-form"));
        Requests.as(t.author()).get("/admin/freezes").then().statusCode(403);
        Requests.as(t.admin()).post("/api/v1/freezes/" + id + "/lift").then().statusCode(200);
    }
}
