package io.progate.policy;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
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

/**
 * A team's ordered rules for routine changes: the first match sets a request's approvals, the rule
 * is kept with the request (page, JSON, audit), and rules that can lower a count need a second person.
 */
@QuarkusTest
class PolicyRulesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandboxTeams;

    Team team;
    User member;
    User approver;
    User approver2;
    User admin;

    @BeforeEach
    void setUp() {
        team = sandboxTeams.team("rules");
        member = fixtures.user("rules-member");
        approver = fixtures.user("rules-appr");
        approver2 = fixtures.user("rules-appr2");
        admin = fixtures.admin("rules-admin");
        fixtures.member(team, member, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, approver2, TeamRole.APPROVER);
    }

    private Response putRules(User user, String rulesJson) {
        return as(user).contentType("application/json").body("{\"rules\":" + rulesJson + "}")
                .put("/api/v1/teams/" + team.slug + "/policy/rules");
    }

    private List<String> labels() {
        return as(member).get("/api/v1/teams/" + team.slug + "/policy/rules").then().statusCode(200)
                .extract().jsonPath().getList("rules.label");
    }

    private Response update(String app, String changes) {
        return Requests.json(member, team, "{\"type\":\"UPDATE\",\"reason\":\"routine\",\"appName\":\"" + app
                + "\",\"appVersion\":\"1.0\",\"changes\":" + changes + "}");
    }

    private static String audit(String action, String targetId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = ?1 and targetId = ?2 order by id desc", action, targetId).firstResult().details)
                .replace(" ", "");
    }

    private static final String RULES = "[{\"type\":\"UPDATE\",\"change\":\"METADATA\",\"app\":\"Rules-*\",\"approvals\":3},"
            + "{\"type\":\"UPDATE\",\"change\":\"AUTHORIZATIONS\",\"approvals\":2},"
            + "{\"type\":\"UPDATE\",\"app\":\"Rules-A\",\"approvals\":4}]";

    @Test
    void theFirstMatchingRuleSetsTheApprovalsAndIsShownOnTheRequestItsJsonAndItsAuditEvent() {
        putRules(approver, RULES).then().statusCode(200).body("rules.position", equalTo(List.of(1, 2, 3)))
                .body("rules[0].label", equalTo("metadata-only updates of Rules-*: 3 approvals"));
        assertTrue(audit("policy.rules", team.slug).contains("\"mode\":\"strengthens\""), audit("policy.rules", team.slug));

        Response metadata = update("Rules-A", "{\"description\":\"clearer\"}");
        metadata.then().statusCode(201).body("requiredApprovals", equalTo(3))
                .body("approvalRule", equalTo("rule 1: metadata-only updates of Rules-*: 3 approvals"));
        long id = metadata.jsonPath().getLong("id");
        assertTrue(audit("request.submit", Long.toString(id))
                .contains("\"rule\":\"rule1:metadata-onlyupdatesofRules-*:3approvals\""), audit("request.submit", Long.toString(id)));
        Sessions.signIn(member.username, Fixtures.PASSWORD).get("/requests/" + id).then().statusCode(200)
                .body(containsString("id=\"approval-rule\">rule 1: metadata-only updates of Rules-*: 3 approvals<"));

        // authorizations and the description: not metadata-only, so rule 2 (before rule 3) applies
        update("Rules-A", "{\"description\":\"x\",\"authorizations\":[]}").then().statusCode(201)
                .body("requiredApprovals", equalTo(2)).body("approvalRule", containsString("rule 2: "));
        update("Rules-A", "{\"isLatest\":true}").then().statusCode(201)
                .body("requiredApprovals", equalTo(4)).body("approvalRule", containsString("rule 3: "));
        Response plain = update("Other", "{\"isLatest\":true}");
        plain.then().statusCode(201).body("requiredApprovals", equalTo(1)).body("approvalRule", equalTo("policy default"));
        assertTrue(audit("request.submit", plain.jsonPath().getString("id")).contains("\"rule\":\"policydefault\""));
    }

    @Test
    void aTaskRuleOfZeroRunsTheTaskOnSubmissionNamingTheRule() {
        Team tasks = sandboxTeams.team("rules-task", List.of("PublishApp", "Tasks"));
        fixtures.member(tasks, member, TeamRole.MEMBER);
        as(admin).contentType("application/json").body("{\"rules\":[{\"type\":\"TASK\",\"app\":\"Planner\","
                + "\"service\":\"run-nightly\",\"approvals\":0}]}").put("/api/v1/teams/" + tasks.slug + "/policy/rules")
                .then().statusCode(200);
        Response nightly = Requests.json(member, tasks, "{\"type\":\"TASK\",\"reason\":\"nightly\",\"appName\":\"Planner\","
                + "\"appVersion\":\"latest\",\"serviceName\":\"run-nightly\",\"input\":\"{}\"}");
        nightly.then().statusCode(201).body("requiredApprovals", equalTo(0))
                .body("approvalRule", equalTo("rule 1: tasks of Planner/run-nightly: 0 approvals"));
        String approved = audit("request.approved", nightly.jsonPath().getString("id"));
        assertTrue(approved.contains("\"autoApproved\":true") && approved.contains("rule1:tasksofPlanner/run-nightly"),
                approved);
        Requests.json(member, tasks, "{\"type\":\"TASK\",\"reason\":\"adhoc\",\"appName\":\"Planner\","
                + "\"appVersion\":\"latest\",\"serviceName\":\"solve\",\"input\":\"{}\"}").then().statusCode(201)
                .body("requiredApprovals", equalTo(1)).body("status", equalTo("PENDING"));
    }

    @Test
    void rulesThatCanLowerACountNeedASecondApproverAndThenApply() {
        putRules(approver, "[{\"type\":\"DELETE\",\"change\":\"LATEST_VERSION\",\"approvals\":2}]").then().statusCode(200);
        // removing a rule that raised a count lowers it: a POLICY request
        Response pending = putRules(approver, "[]");
        pending.then().statusCode(202).body("type", equalTo("POLICY")).body("status", equalTo("PENDING"))
                .body("policyChange.rulesFrom[0].type", equalTo("DELETE"))
                .body("policyChange.rulesTo.size()", equalTo(0));
        long id = pending.jsonPath().getLong("id");
        assertEquals(1, labels().size(), "nothing changes before the second person approves");
        assertTrue(audit("request.submit", Long.toString(id)).contains("\"rulesFrom\":[\"1.deletesofthelatestversion:2approvals\"]"),
                audit("request.submit", Long.toString(id)));
        act(approver, id, "approve", null).then().statusCode(403);
        Sessions.signIn(approver2.username, Fixtures.PASSWORD).get("/requests/" + id).then().statusCode(200)
                .body(containsString("id=\"rules-change\"")).body(containsString("deletes of the latest version: 2 approvals"));
        act(approver2, id, "approve", null).then().statusCode(200);
        assertEquals("SUCCEEDED", Requests.status(approver, id));
        assertEquals(List.of(), labels());
        String applied = audit("policy.rules", team.slug);
        assertTrue(applied.contains("\"mode\":\"request\"") && applied.contains("\"request\":" + id), applied);

        // a rule under the policy's number is weaker too; an admin's change applies at once
        putRules(approver, "[{\"type\":\"UPDATE\",\"change\":\"METADATA\",\"approvals\":1}]").then().statusCode(200);
        as(approver).contentType("application/json").body("{\"requiredApprovals\":2}")
                .put("/api/v1/teams/" + team.slug + "/policy").then().statusCode(200);
        putRules(approver, "[{\"type\":\"UPDATE\",\"change\":\"METADATA\",\"approvals\":1},"
                + "{\"type\":\"PUBLISH\",\"app\":\"Free-*\",\"approvals\":1}]").then().statusCode(202);
        putRules(admin, "[]").then().statusCode(200);
        assertTrue(audit("policy.rules", team.slug).contains("\"mode\":\"admin-direct\""));
    }

    @Test
    void aPolicyRequestForRulesFailsWhenTheRulesChangedMeanwhile() {
        putRules(approver, "[{\"type\":\"PUBLISH\",\"approvals\":3}]").then().statusCode(200);
        long id = putRules(approver, "[]").then().statusCode(202).extract().jsonPath().getLong("id");
        putRules(admin, "[{\"type\":\"PUBLISH\",\"approvals\":4}]").then().statusCode(200);
        act(approver2, id, "approve", null).then().statusCode(200);
        assertEquals("FAILED", Requests.status(approver, id));
        assertEquals(List.of("publishes: 4 approvals"), labels());
    }

    @Test
    void badRulesAndOtherPeopleAreRefusedAndChangeNothing() {
        putRules(approver, "[{\"type\":\"UPDATE\",\"approvals\":0},{\"type\":\"DELETE\",\"change\":\"METADATA\",\"approvals\":1}]")
                .then().statusCode(400).body("details.field", hasItem("rules[0].approvals"))
                .body("details.field", hasItem("rules[1].change"));
        putRules(member, "[{\"type\":\"UPDATE\",\"approvals\":3}]").then().statusCode(403);
        assertEquals(List.of(), labels());
        User stranger = fixtures.user("rules-stranger");
        as(stranger).get("/api/v1/teams/" + team.slug + "/policy/rules").then().statusCode(404);
    }

    @Test
    void thePolicyPageListsRulesInOrderAndAddsMovesAndRemovesThem() {
        Sessions.Session approvers = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        String rules = "/teams/" + team.slug + "/policy/rules";
        approvers.postForm(rules, "type", "UPDATE", "change", "AUTHORIZATIONS", "approvals", "3").then().statusCode(303);
        approvers.postForm(rules, "type", "DELETE", "change", "LAST_VERSION", "app", "Plan-*", "approvals", "4")
                .then().statusCode(303);
        assertEquals(List.of("updates that change authorizations: 3 approvals",
                "deletes of the last version of Plan-*: 4 approvals"), labels());
        approvers.postForm(rules + "/2/up").then().statusCode(303);
        assertTrue(labels().get(0).startsWith("deletes of the last version"), labels().toString());
        approvers.get("/teams/" + team.slug + "/policy").then().statusCode(200).body(containsString("id=\"rule-form\""))
                .body(containsString("deletes of the last version of Plan-*: 4 approvals"));
        approvers.postForm(rules, "type", "PUBLISH", "approvals", "0").then().statusCode(400)
                .body(containsString("only task rules may need none"));
        // removing a rule that raised counts waits for a second approver
        Response removed = approvers.postForm(rules + "/1/remove");
        assertEquals(303, removed.statusCode());
        assertTrue(removed.header("Location").matches(".*/requests/\\d+$"), removed.header("Location"));
        assertEquals(2, labels().size());
        Sessions.signIn(member.username, Fixtures.PASSWORD).postForm(rules, "type", "UPDATE", "approvals", "5")
                .then().statusCode(403);
    }
}
