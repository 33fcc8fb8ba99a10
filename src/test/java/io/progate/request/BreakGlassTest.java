package io.progate.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.execution.WorkerOn;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.notify.Delivery;
import io.progate.policy.PolicyService;
import io.progate.schedule.FreezeService;
import io.progate.team.PolicyInput;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Break-glass: an approver or admin executes a request without the remaining approvals, outside
 * windows or during a freeze, only with a reason; everyone who could approve is notified at once; it
 * waits in the "awaiting review" list until someone else reviews it. Every refused door changes nothing.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class BreakGlassTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    Fixtures fixtures;

    @Inject
    PolicyService policies;

    @Inject
    FreezeService freezes;

    /** A sandbox team whose requests need two approvals, with a second approver. */
    private ExecutionFixtures.SandboxTeam team(User secondApprover) {
        ExecutionFixtures.SandboxTeam t = x.team();
        fixtures.member(t.team(), secondApprover, TeamRole.APPROVER);
        policies.change(t.team().slug, t.admin(), new PolicyInput(2, 2, null, null));
        return t;
    }

    private ReleaseRequest file(ExecutionFixtures.SandboxTeam t) throws Exception {
        String name = Fixtures.unique("Glass");
        return x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
    }

    private static Response breakGlass(User user, long id, Object body) {
        return Requests.as(user).contentType("application/json").body(body).post("/api/v1/requests/" + id + "/break-glass");
    }

    private static long events(String action, long id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId = ?2 and outcome = 'SUCCESS'",
                action, Long.toString(id)));
    }

    private static List<Long> awaiting(User user) {
        return Requests.as(user).get("/api/v1/break-glass").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
    }

    @Test
    void anApproverBreaksTheGlassWithAReasonEveryoneHearsOfItAndItWaitsForSomeoneElsesReview() throws Exception {
        User second = fixtures.user("glass-second");
        ExecutionFixtures.SandboxTeam t = team(second);
        ReleaseRequest r = file(t);
        x.approve(t, r.id);
        assertEquals(RequestStatus.PENDING, x.status(r.id), "one of two approvals");

        breakGlass(t.approver(), r.id, Map.of("reason", "Planner down for every customer; hotfix")).then()
                .statusCode(200).body("breakGlass.by", org.hamcrest.Matchers.equalTo(t.approver().username))
                .body("breakGlass.awaitingReview", org.hamcrest.Matchers.equalTo(true));

        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals("Planner down for every customer; hotfix", done.breakGlassReason);
        assertEquals(1, events("request.break-glass", r.id));
        List<Delivery> told = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                "requestId = ?1 and event = 'request.break-glass'", r.id));
        Set<Long> people = told.stream().map(d -> d.userId).collect(Collectors.toSet());
        assertTrue(people.containsAll(List.of(t.approver().id, second.id, t.admin().id, t.author().id)),
                "every approver, every admin and the author: " + people);
        assertTrue(told.get(0).message.startsWith("BREAK-GLASS: " + t.approver().username), told.get(0).message);
        assertTrue(told.get(0).message.contains("hotfix"));

        assertTrue(awaiting(second).contains(r.id));
        assertTrue(awaiting(t.author()).contains(r.id), "members of the team see it too");
        assertFalse(awaiting(fixtures.user("glass-outsider")).contains(r.id), "other teams do not");
        assertTrue(Requests.as(second).get("/break-glass").then().statusCode(200).extract().asString()
                .contains("/requests/" + r.id));
        assertTrue(Requests.as(second).get("/").then().statusCode(200).extract().asString()
                .contains("break-glass-block"), "the dashboard's block");
        assertTrue(Requests.as(t.admin()).get("/audit").then().statusCode(200).extract().asString()
                .contains("audit-break-glass"), "it stands out in the audit log");

        // the one who used it, the author, a member and an empty comment: refused, nothing changes
        Requests.act(t.approver(), r.id, "review", "fine by me").then().statusCode(403);
        Requests.act(t.author(), r.id, "review", "fine by me").then().statusCode(403);
        Requests.act(second, r.id, "review", " ").then().statusCode(400);
        assertNull(x.reload(r.id).reviewedAt);
        assertTrue(awaiting(second).contains(r.id));

        Requests.act(second, r.id, "review", "Checked the diff and the incident ticket").then().statusCode(200)
                .body("breakGlass.reviewedBy", org.hamcrest.Matchers.equalTo(second.username));

        assertFalse(awaiting(second).contains(r.id));
        assertEquals(1, events("request.break-glass-review", r.id));
        Requests.act(t.admin(), r.id, "review", "again").then().statusCode(409);
    }

    @Test
    void refusedBreakGlassChangesNothing() throws Exception {
        User second = fixtures.user("glass-second");
        ExecutionFixtures.SandboxTeam t = team(second);
        ReleaseRequest r = file(t);

        breakGlass(t.approver(), r.id, Map.of("reason", "  ")).then().statusCode(400);
        breakGlass(t.approver(), r.id, Map.of()).then().statusCode(400);
        breakGlass(t.approver(), r.id, Map.of("reason", "x".repeat(501))).then().statusCode(400);
        breakGlass(t.author(), r.id, Map.of("reason", "my own")).then().statusCode(403);
        breakGlass(fixtures.user("glass-outsider"), r.id, Map.of("reason", "not my team")).then().statusCode(404);

        ReleaseRequest own = file(adminAuthored(t));
        breakGlass(t.admin(), own.id, Map.of("reason", "I am admin")).then().statusCode(403);

        Requests.as(t.approver()).contentType("application/json").body(Map.of("breakGlassAllowed", false))
                .put("/api/v1/teams/" + t.team().slug + "/policy").then().statusCode(200)
                .body("breakGlassAllowed", org.hamcrest.Matchers.equalTo(false));
        breakGlass(t.approver(), r.id, Map.of("reason", "forbidden now")).then().statusCode(403);
        breakGlass(t.admin(), r.id, Map.of("reason", "forbidden for admins too")).then().statusCode(403);

        ReleaseRequest after = x.reload(r.id);
        assertEquals(RequestStatus.PENDING, after.status);
        assertNull(after.breakGlassAt);
        assertEquals(0, events("request.break-glass", r.id));
        assertEquals(0, events("request.break-glass", own.id));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Delivery.count(
                "requestId = ?1 and event = 'request.break-glass'", r.id)));
        Requests.as(t.approver()).contentType("application/json").body(Map.of("breakGlassAllowed", true))
                .put("/api/v1/teams/" + t.team().slug + "/policy").then().statusCode(202)
                .body("type", org.hamcrest.Matchers.equalTo("POLICY"));
        breakGlass(t.approver(), r.id, Map.of("reason", "still forbidden until a second person agrees")).then()
                .statusCode(403);
    }

    /** The team's admin, filing a request of their own (admins may file for any team). */
    private ExecutionFixtures.SandboxTeam adminAuthored(ExecutionFixtures.SandboxTeam t) {
        fixtures.member(t.team(), t.admin(), TeamRole.MEMBER);
        return new ExecutionFixtures.SandboxTeam(t.team(), t.admin(), t.approver(), t.admin());
    }

    @Test
    void breakGlassRunsAScheduledRequestDuringAFreeze() throws Exception {
        User second = fixtures.user("glass-second");
        ExecutionFixtures.SandboxTeam t = team(second);
        ReleaseRequest r = file(t);
        freezes.declare(t.team().slug, t.approver(), new FreezeService.FreezeInput(null,
                java.time.Instant.now().plusSeconds(3600).toString(), "release freeze"));
        x.approve(t, r.id);
        Requests.act(second, r.id, "approve", "ok").then().statusCode(200);
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id));

        breakGlass(second, r.id, Map.of("reason", "security fix cannot wait for the freeze")).then().statusCode(200);

        assertEquals(RequestStatus.SUCCEEDED, x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'request.break-glass' and targetId = ?1", r.id.toString()).singleResult().details);
        assertTrue(details.contains("\"was\": \"SCHEDULED\"") && details.contains("release freeze"), details);
        String page = Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("break-glass-awaiting") && page.contains("security fix cannot wait"));
    }
}
