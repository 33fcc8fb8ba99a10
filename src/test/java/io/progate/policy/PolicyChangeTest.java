package io.progate.policy;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.Sessions;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weakening a team's policy needs a second person; strengthening applies at once; admins change it directly. */
@QuarkusTest
class PolicyChangeTest {

    @Inject
    Fixtures fixtures;

    Team team;
    User approver;
    User approver2;
    User member;
    User admin;

    @BeforeEach
    void setUp() {
        team = fixtures.team("policy");
        approver = fixtures.user("pol-appr");
        approver2 = fixtures.user("pol-appr2");
        member = fixtures.user("pol-member");
        admin = fixtures.admin("pol-admin");
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, approver2, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
    }

    private Response put(User user, String json) {
        return as(user).contentType("application/json").body(json).put("/api/v1/teams/" + team.slug + "/policy");
    }

    private int required() {
        return as(member).get("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200).extract().path("requiredApprovals");
    }

    private String lastPolicyAudit() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'policy.update' and targetId = ?1 order by id desc", team.slug).firstResult().details)
                .replace(" ", "");
    }

    @Test
    void strengtheningByAnApproverTakesEffectAtOnce() {
        put(approver, "{\"requiredApprovals\":3,\"deleteApprovals\":4,\"maxWaitHours\":24,\"adminsMayApprove\":false}")
                .then().statusCode(200).body("requiredApprovals", equalTo(3)).body("adminsMayApprove", equalTo(false));
        assertEquals(3, required());
        assertTrue(lastPolicyAudit().contains("\"mode\":\"strengthens\""), lastPolicyAudit());
    }

    @Test
    void fewerApprovalsFromOneApproverWaitsForASecondApproverAndThenApplies() {
        put(approver, "{\"requiredApprovals\":2}").then().statusCode(200);
        Response pending = put(approver, "{\"requiredApprovals\":1}");
        pending.then().statusCode(202).header("Location", endsWith("/api/v1/requests/" + pending.path("id")))
                .body("type", equalTo("POLICY")).body("status", equalTo("PENDING"))
                .body("policyChange.from.requiredApprovals", equalTo(2))
                .body("policyChange.to.requiredApprovals", equalTo(1))
                .body("proCall.method", equalTo("NONE"));
        long id = pending.jsonPath().getLong("id");
        assertEquals(2, required(), "nothing changed yet");

        act(approver, id, "approve", null).then().statusCode(403);
        act(member, id, "approve", null).then().statusCode(403);
        assertEquals(2, required());
        act(approver2, id, "approve", "fine by me").then().statusCode(200).body("status", equalTo("SUCCEEDED"));

        assertEquals(1, required());
        assertTrue(lastPolicyAudit().contains("\"mode\":\"request\""), lastPolicyAudit());
        assertTrue(lastPolicyAudit().contains("\"request\":" + id), lastPolicyAudit());
    }

    @Test
    void anAdminApprovesAPolicyRequestEvenWhereTheTeamReservesApprovalToItsApprovers() {
        put(approver, "{\"adminsMayApprove\":false}").then().statusCode(200);
        long longer = put(approver, "{\"maxWaitHours\":8000}").then().statusCode(202).extract().jsonPath().getLong("id");
        long admins = put(approver, "{\"adminsMayApprove\":true}").then().statusCode(202).extract().jsonPath().getLong("id");
        act(admin, longer, "approve", null).then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        as(member).get("/api/v1/teams/" + team.slug + "/policy").then().body("maxWaitHours", equalTo(8000))
                .body("adminsMayApprove", equalTo(false));
        act(admin, admins, "reject", "no").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(member).get("/api/v1/teams/" + team.slug + "/policy").then().body("adminsMayApprove", equalTo(false));
    }

    @Test
    void anAdminChangesThePolicyDirectlyAuditedAsAnAdminsChange() {
        put(approver, "{\"requiredApprovals\":3}").then().statusCode(200);
        put(admin, "{\"requiredApprovals\":1,\"adminsMayApprove\":true,\"maxWaitHours\":2000}").then().statusCode(200)
                .body("requiredApprovals", equalTo(1));
        assertEquals(1, required());
        String details = lastPolicyAudit();
        assertTrue(details.contains("\"mode\":\"admin-direct\""), details);
        String actor = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'policy.update' and targetId = ?1 order by id desc", team.slug).firstResult().actor);
        assertEquals(admin.username, actor);
    }

    @Test
    void aChangeThatStrengthensOneSettingButWeakensAnotherWaitsWhole() {
        put(approver, "{\"requiredApprovals\":3,\"maxWaitHours\":500}").then().statusCode(202)
                .body("policyChange.to.requiredApprovals", equalTo(3)).body("policyChange.to.maxWaitHours", equalTo(500));
        as(member).get("/api/v1/teams/" + team.slug + "/policy").then().body("requiredApprovals", equalTo(1))
                .body("maxWaitHours", equalTo(336));
    }

    @Test
    void aPolicyRequestApprovedAfterThePolicyChangedFailsAndChangesNothing() {
        put(approver, "{\"requiredApprovals\":2}").then().statusCode(200);
        long id = put(approver, "{\"requiredApprovals\":1}").then().statusCode(202).extract().jsonPath().getLong("id");
        put(approver2, "{\"requiredApprovals\":4}").then().statusCode(200);
        act(approver2, id, "approve", null).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("outcome.message", containsString("policy changed"));
        assertEquals(4, required());
        act(approver2, id, "close", null).then().statusCode(200).body("status", equalTo("CLOSED"));
        act(approver2, id, "retry", null).then().statusCode(409);
    }

    @Test
    void membersMayNotChangeThePolicyNorFilePolicyRequestsThroughTheRequestApi() {
        put(member, "{\"requiredApprovals\":5}").then().statusCode(403);
        Requests.json(approver, team, "{\"type\":\"POLICY\",\"reason\":\"sneak\",\"appName\":\"x\",\"appVersion\":\"1\"}")
                .then().statusCode(400);
        assertEquals(1, required());
    }

    @Test
    void theApprovalsQueueShowsTheOldAndNewPolicySideBySideAndThePageFormFilesTheRequest() {
        Sessions.Session page = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        Response saved = page.postForm("/teams/" + team.slug + "/policy", "requiredApprovals", "1",
                "deleteApprovals", "1", "maxWaitDays", "30", "adminsMayApprove", "true");
        saved.then().statusCode(303).header("Location", containsString("/requests/"));
        long id = Long.parseLong(saved.getHeader("Location").replaceAll(".*/requests/", ""));
        as(member).get("/api/v1/teams/" + team.slug + "/policy").then().body("maxWaitHours", equalTo(336));

        String queue = Sessions.signIn(approver2.username, Fixtures.PASSWORD).get("/approvals").then().statusCode(200)
                .extract().asString();
        int at = queue.indexOf("id=\"policy-request-" + id + "\"");
        assertTrue(at > 0, queue);
        String card = queue.substring(at, queue.indexOf("</section>", at));
        assertTrue(card.replaceAll("\\s+", " ").contains("<th>Hours a request may wait</th><td>336</td><td>720 <span"), card);
        assertTrue(card.contains("<th>Approvals for publish and update</th><td>1</td><td>1</td>"), card);
        assertTrue(as(approver2).get("/api/v1/approvals").then().extract().jsonPath().<Integer>getList("id")
                .contains((int) id));
        assertTrue(!as(approver).get("/api/v1/approvals").then().extract().jsonPath().<Integer>getList("id")
                .contains((int) id), "not in its author's queue");
        List<String> detail = List.of(page.get("/requests/" + id).then().statusCode(200).extract().asString());
        assertTrue(detail.get(0).contains("id=\"policy-change\""), detail.get(0));
    }
}
