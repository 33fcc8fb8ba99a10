package io.progate.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
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

/** A team's labels for PRO entity ids: approvers and admins change them (audited), members read them. */
@QuarkusTest
class EntityLabelTest {

    @Inject
    Fixtures fixtures;

    private Team team;
    private User member;
    private User approver;

    @BeforeEach
    void team() {
        team = fixtures.team("labels");
        member = fixtures.user("lbl-member");
        approver = fixtures.user("lbl-approver");
        fixtures.member(team, member, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
    }

    private String api() {
        return "/api/v1/teams/" + team.slug + "/entity-labels";
    }

    private static io.restassured.specification.RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json");
    }

    private List<EntityLabel> stored() {
        return QuarkusTransaction.requiringNew().call(() -> EntityLabel.ofTeam(team.id));
    }

    private long events(String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and teamId = ?2", action, team.id));
    }

    @Test
    void approverSetsChangesAndRemovesALabelEachAudited() {
        as(approver).body("{\"label\":\"Planners group\"}").when().put(api() + "/16777095")
                .then().statusCode(200).body("label", equalTo("Planners group")).body("updatedBy", equalTo(approver.username));
        as(approver).body("{\"label\":\"  Planning team  \"}").when().put(api() + "/16777095")
                .then().statusCode(200).body("label", equalTo("Planning team"));
        as(member).when().get(api()).then().statusCode(200).body("entityId", hasItem(16777095))
                .body("label", hasItem("Planning team"));
        assertEquals(2, events("entity-label.set"));
        as(approver).when().delete(api() + "/16777095").then().statusCode(204);
        assertEquals(List.of(), stored());
        assertEquals(1, events("entity-label.remove"));
        as(approver).when().delete(api() + "/16777095").then().statusCode(404);
    }

    @Test
    void aMemberCannotChangeLabelsAndARefusalChangesNothing() {
        as(approver).body("{\"label\":\"Ops\"}").when().put(api() + "/42").then().statusCode(200);
        as(member).body("{\"label\":\"Mine now\"}").when().put(api() + "/42").then().statusCode(403);
        as(member).when().delete(api() + "/42").then().statusCode(403);
        assertEquals("Ops", stored().get(0).label);
        assertEquals(1, events("entity-label.set"));
    }

    @Test
    void invalidLabelsAreRefusedWithTheirField() {
        as(approver).body("{\"label\":\" \"}").when().put(api() + "/42").then().statusCode(400)
                .body("details.field", hasItem("label"));
        as(approver).body("{\"label\":\"" + "x".repeat(201) + "\"}").when().put(api() + "/42").then().statusCode(400);
        as(approver).body("{\"label\":\"ok\"}").when().put(api() + "/0").then().statusCode(400)
                .body("details.field", hasItem("entityId"));
        assertEquals(List.of(), stored());
    }

    @Test
    void anotherTeamsLabelsAreNotFound() {
        User stranger = fixtures.user("lbl-stranger");
        as(stranger).when().get(api()).then().statusCode(404);
        as(stranger).body("{\"label\":\"x\"}").when().put(api() + "/42").then().statusCode(404);
        assertEquals(List.of(), stored());
    }

    @Test
    void thePageFormSetsALabelWithPostRedirectGetAndRefusesAPostWithoutToken() {
        Sessions.Session approvers = Sessions.signIn(approver.username, Fixtures.PASSWORD);
        approvers.get("/teams/" + team.slug + "/entity-labels").then().statusCode(200)
                .body(containsString("id=\"label-form\"")).body(containsString("id=\"directory-problem\""));
        Response saved = approvers.postForm("/teams/" + team.slug + "/entity-labels", "entityId", "16777201",
                "label", "user demo.user");
        assertEquals(303, saved.statusCode());
        assertEquals(true, saved.header("Location").endsWith("/teams/" + team.slug + "/entity-labels"));
        approvers.get("/teams/" + team.slug + "/entity-labels").then().body(containsString("user demo.user"));
        approvers.postForm("/teams/" + team.slug + "/entity-labels", "entityId", "abc", "label", "x")
                .then().statusCode(400).body(containsString("the numeric id of an environment, group or user"));
        approvers.request().formParam("entityId", "7").formParam("label", "no token")
                .when().post("/teams/" + team.slug + "/entity-labels").then().statusCode(400);
        assertEquals(List.of(16777201L), stored().stream().map(l -> l.entityId).toList());
        Sessions.Session members = Sessions.signIn(member.username, Fixtures.PASSWORD);
        members.get("/teams/" + team.slug + "/entity-labels").then().statusCode(200)
                .body(containsString("user demo.user")).body(containsString("Approvers of the team set labels."));
    }
}
