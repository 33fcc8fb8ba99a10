package io.progate.request;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static io.progate.fixtures.Requests.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may decide, how approvals count, and every way a pending request ends. */
@QuarkusTest
class ApprovalFlowTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    RequestService service;

    @Inject
    ApprovedLog approvedLog;

    Team team;
    User owner;
    User approver;
    User approver2;
    User member;

    /** Collects the approval events observed after commit. */
    @ApplicationScoped
    static class ApprovedLog {
        private final List<Long> ids = new CopyOnWriteArrayList<>();

        List<Long> ids() {
            return ids;
        }

        void clear() {
            ids.clear();
        }

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) RequestApproved event) {
            ids.add(event.requestId());
        }
    }

    @BeforeEach
    void setUp() {
        team = sandbox.team("flow");
        owner = fixtures.user("owner");
        approver = fixtures.user("appr");
        approver2 = fixtures.user("appr2");
        member = fixtures.user("member");
        fixtures.member(team, owner, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, approver2, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
    }

    private void policy(String json) {
        as(approver).contentType("application/json").body(json).put("/api/v1/teams/" + team.slug + "/policy")
                .then().statusCode(200);
    }

    @Test
    void oneApprovalByAnApproverApprovesAndFiresTheEventAfterCommit() {
        long id = Requests.published(owner, team, "Flow");
        act(approver, id, "approve", "looks good").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvals[0].approver", equalTo(approver.username))
                .body("approvals[0].decision", equalTo("APPROVE"))
                .body("approvals[0].comment", equalTo("looks good"))
                .body("approvalCount", equalTo(1))
                .body("decidedAt", org.hamcrest.Matchers.notNullValue());
        assertTrue(approvedLog.ids().contains(id));
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "targetType = 'request' and targetId = ?1 order by id", String.valueOf(id)).stream().map(e -> e.action).toList());
        assertEquals(List.of("request.submit", "request.approve", "request.approved"), actions);
        assertEquals(List.of((int) id), as(owner).get("/api/v1/teams/" + team.slug + "/requests?status=APPROVED")
                .then().extract().jsonPath().getList("id"));
    }

    @Test
    void theAuthorCannotApproveTheirOwnRequestEvenAsApprover() {
        long id = Requests.published(approver, team, "Self");
        act(approver, id, "approve", null).then().statusCode(403);
        act(approver, id, "reject", "no").then().statusCode(403);
        assertEquals("PENDING", status(approver, id));
    }

    @Test
    void theAuthorCannotApproveTheirOwnRequestEvenAsAdmin() {
        User admin = fixtures.admin("selfadmin");
        fixtures.member(team, admin, TeamRole.APPROVER);
        long id = Requests.published(admin, team, "SelfAdmin");
        act(admin, id, "approve", null).then().statusCode(403);
        assertEquals("PENDING", status(admin, id));
        User admin2 = fixtures.admin("selfadmin2");
        long own = Requests.published(admin2, team, "SelfAdmin2");
        act(admin2, own, "approve", null).then().statusCode(403);
    }

    @Test
    void membersWhoAreNotApproversCannotDecide() {
        long id = Requests.published(owner, team, "Member");
        act(member, id, "approve", null).then().statusCode(403);
        act(member, id, "reject", "no").then().statusCode(403);
        assertEquals("PENDING", status(owner, id));
    }

    @Test
    void adminsMayApproveUnlessThePolicyReservesIt() {
        User admin = fixtures.admin("adm");
        long id = Requests.published(owner, team, "Admin");
        act(admin, id, "approve", "admin ok").then().statusCode(200).body("status", equalTo("APPROVED"));
        policy("{\"adminsMayApprove\":false}");
        long reserved = Requests.published(owner, team, "Reserved");
        act(admin, reserved, "approve", null).then().statusCode(403);
        as(admin).get("/api/v1/requests/" + reserved).then().body("adminsMayApprove", equalTo(false));
    }

    @Test
    void onePersonCountsOnceAndTwoApprovalsAreNeededWhenThePolicySaysSo() {
        policy("{\"requiredApprovals\":2}");
        long id = Requests.published(owner, team, "Two");
        act(approver, id, "approve", null).then().statusCode(200).body("status", equalTo("PENDING")).body("approvalCount", equalTo(1));
        act(approver, id, "approve", null).then().statusCode(409);
        act(approver, id, "reject", "changed my mind").then().statusCode(409);
        as(owner).get("/api/v1/requests/" + id).then().body("approvalCount", equalTo(1)).body("approvals.size()", equalTo(1));
        act(approver2, id, "approve", null).then().statusCode(200).body("status", equalTo("APPROVED")).body("approvalCount", equalTo(2));
    }

    @Test
    void deletesMayNeedMoreApprovalsAndThePolicyInForceIsKeptOnTheRequest() {
        policy("{\"deleteApprovals\":2}");
        long delete = Requests.deleteRequest(owner, team, "Gone", "1.0");
        long publish = Requests.published(owner, team, "Kept");
        as(owner).get("/api/v1/requests/" + delete).then().body("requiredApprovals", equalTo(2));
        as(owner).get("/api/v1/requests/" + publish).then().body("requiredApprovals", equalTo(1));
        // lowering the count weakens the policy: an admin's change applies at once (an approver's waits)
        as(fixtures.admin("policy-admin")).contentType("application/json").body("{\"deleteApprovals\":1}")
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200);
        act(approver, delete, "approve", null).then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void aRejectionNeedsACommentAndEndsTheRequest() {
        long id = Requests.published(owner, team, "Reject");
        act(approver, id, "reject", null).then().statusCode(400).body("details.field", hasItem("comment"));
        act(approver, id, "reject", "  ").then().statusCode(400);
        act(approver, id, "reject", "wrong AIMMS version").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("approvals[0].decision", equalTo("REJECT"));
        act(approver2, id, "approve", null).then().statusCode(409);
        act(owner, id, "cancel", null).then().statusCode(409);
    }

    @Test
    void theAuthorCancelsWhilePendingAndNobodyElseCan() {
        long id = Requests.published(owner, team, "Cancel");
        act(approver, id, "cancel", null).then().statusCode(403);
        act(member, id, "cancel", null).then().statusCode(403);
        act(owner, id, "cancel", null).then().statusCode(200).body("status", equalTo("CANCELLED"));
        act(owner, id, "cancel", null).then().statusCode(409);
        act(approver, id, "approve", null).then().statusCode(409);
        long approved = Requests.published(owner, team, "Late");
        act(approver, approved, "approve", null).then().statusCode(200);
        act(owner, approved, "cancel", null).then().statusCode(409);
    }

    @Test
    void requestsExpireAfterThePolicysWaitAndThenTakeNoDecisions() {
        policy("{\"maxWaitHours\":2}");
        long id = Requests.published(owner, team, "Expire");
        long fresh = Requests.published(owner, team, "Fresh");
        QuarkusTransaction.requiringNew().run(() -> ReleaseRequest.update("expiresAt = ?1 where id = ?2",
                Instant.now().minus(1, ChronoUnit.MINUTES), id));
        assertTrue(service.expireDue(Instant.now()) >= 1);
        as(owner).get("/api/v1/requests/" + id).then().body("status", equalTo("EXPIRED"));
        assertEquals("PENDING", status(owner, fresh));
        act(approver, id, "approve", null).then().statusCode(409);
        Instant expires = Instant.parse(as(owner).get("/api/v1/requests/" + fresh).then().extract().jsonPath().getString("expiresAt"));
        long hours = Duration.between(Instant.now(), expires).toMinutes();
        assertTrue(hours > 110 && hours <= 120, "expires in about 2 hours: " + hours + " minutes");
        service.expireDue(Instant.now().plus(3, ChronoUnit.HOURS));
        assertEquals("EXPIRED", status(owner, fresh));
    }

    @Test
    void teamsAreIsolated() {
        Team other = sandbox.team("other");
        User outsider = fixtures.user("outsider");
        fixtures.member(other, outsider, TeamRole.APPROVER);
        long id = Requests.published(owner, team, "Isolated");
        as(outsider).get("/api/v1/requests/" + id).then().statusCode(404);
        act(outsider, id, "approve", null).then().statusCode(404);
        act(outsider, id, "reject", "no").then().statusCode(404);
        act(outsider, id, "cancel", null).then().statusCode(404);
        as(outsider).get("/api/v1/approvals").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem((int) id)));
        as(approver).get("/api/v1/teams/" + other.slug + "/policy").then().statusCode(404);
        assertEquals("PENDING", status(owner, id));
        act(approver, 987654321L, "approve", null).then().statusCode(404);
    }

    @Test
    void theQueueShowsWhatWaitsForMeOldestFirst() {
        long first = Requests.published(owner, team, "QueueA");
        long second = Requests.published(owner, team, "QueueB");
        long mine = Requests.published(approver, team, "QueueMine");
        List<Integer> queue = as(approver).get("/api/v1/approvals").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(queue.indexOf((int) first) >= 0 && queue.indexOf((int) first) < queue.indexOf((int) second), queue.toString());
        assertTrue(!queue.contains((int) mine), "own requests are not in my queue");
        act(approver, first, "approve", null).then().statusCode(200);
        assertTrue(!as(approver).get("/api/v1/approvals").then().extract().jsonPath().getList("id").contains((int) first));
        assertTrue(as(member).get("/api/v1/approvals").then().extract().jsonPath().getList("id").isEmpty());
    }

    @Test
    void retryOfAFailureApprovesAgainAndExecutionStatesFollowTheMachine() {
        long id = Requests.published(owner, team, "Retry");
        act(approver, id, "approve", null).then().statusCode(200);
        act(approver, id, "retry", null).then().statusCode(409);
        service.advance(id, RequestStatus.EXECUTING, null);
        service.advance(id, RequestStatus.FAILED, "{\"status\":503,\"message\":\"PRO unavailable\"}");
        as(owner).get("/api/v1/requests/" + id).then().body("status", equalTo("FAILED")).body("outcome.status", equalTo(503));
        act(owner, id, "retry", null).then().statusCode(403);
        approvedLog.clear();
        act(approver2, id, "retry", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(List.of(id), approvedLog.ids());
        assertTrue(ReleaseRequest.class != null && QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.approved()
                .stream().anyMatch(r -> r.id == id)));
    }

    @Test
    void policyIsReadByMembersAndChangedByApproversWithAnAuditEvent() {
        as(member).get("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200)
                .body("requiredApprovals", equalTo(1)).body("deleteApprovals", equalTo(1))
                .body("maxWaitHours", equalTo(336)).body("adminsMayApprove", equalTo(true));
        as(member).contentType("application/json").body(Map.of("requiredApprovals", 2))
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(403);
        as(approver).contentType("application/json").body(Map.of("requiredApprovals", 0, "maxWaitHours", 0))
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(400)
                .body("details.field", org.hamcrest.Matchers.hasItems("requiredApprovals", "maxWaitHours"));
        policy("{\"requiredApprovals\":3,\"adminsMayApprove\":false}");
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'policy.update' and targetId = ?1 order by id desc", team.slug).firstResult().details);
        assertTrue(details.replace(" ", "").contains("\"requiredApprovals\":{\"to\":3,\"from\":1}"), details);
    }
}
