package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.demo.DemoCredential;
import io.progate.demo.DemoData;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.ProScope;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key verification through the real PRO client against the built-in sandbox. */
@QuarkusTest
class SandboxVerificationTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    TeamService teams;

    @Inject
    CredentialService service;

    User approver;

    Team team(String proUrl) {
        Team team = QuarkusTransaction.requiringNew().call(() -> teams.create(
                new TeamService.TeamInput(Fixtures.unique("sbx"), "Sandbox team", proUrl)));
        approver = fixtures.user("sbxappr");
        fixtures.member(team, approver, TeamRole.APPROVER);
        return team;
    }

    @Test
    void aGoodKeyIsVerifiedForEveryScopeItClaims() {
        Team team = team(sandbox.proUrl());
        String key = sandbox.withScopes(ProScope.PUBLISH_APP, ProScope.PUBLISH_AIMMS, ProScope.TASKS).apiKey();
        long id = Keys.post(approver, team.slug, Keys.body("good", key, List.of("PublishApp", "PublishAimms", "task"),
                Keys.inDays(30)))
                .statusCode(201).body("verified", equalTo(true)).extract().<Integer>path("id").longValue();
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'credential.verify' and targetId = ?1", String.valueOf(id)).firstResult());
        assertEquals("SUCCESS", event.outcome.name());
        assertTrue(event.details.contains("PublishAIMMS: OK"), event.details);
    }

    @Test
    void aKeyMissingAScopeIsRefusedNamingThatScope() {
        Team team = team(sandbox.proUrl());
        String key = sandbox.withScopes(ProScope.PUBLISH_APP).apiKey();
        Keys.post(approver, team.slug, Keys.body("partial", key, List.of("PublishApp", "Tasks"), Keys.inDays(30)))
                .statusCode(400)
                .body("details.message", hasItem("Tasks failed: PRO answered 403: the key does not carry this scope"))
                .body("details.message", not(hasItem(containsString("PublishApp failed"))));
        Keys.get(approver, "/api/v1/teams/" + team.slug + "/credentials").body("", hasSize(0));
    }

    @Test
    void anExpiredOrUnknownKeyIsRefused() {
        Team team = team(sandbox.proUrl());
        Keys.post(approver, team.slug, Keys.body("expired", sandbox.expired().apiKey(), List.of("PublishApp"),
                Keys.inDays(30)))
                .statusCode(400)
                .body("details.message", hasItem("PublishApp failed: PRO answered 401: the key is unknown or has expired"));
        Keys.post(approver, team.slug, Keys.body("unknown", "sbx_not-a-key-the-sandbox-issued", List.of("APIKey"),
                Keys.inDays(30)))
                .statusCode(400)
                .body("details.message", hasItem(containsString("APIKey failed: PRO answered 401")));
    }

    @Test
    void anUnreachablePROIsReportedAndTheKeyCanStillBeSavedUnverified() {
        Team team = team("http://127.0.0.1:1");
        Map<String, Object> body = Keys.body("offline", "pro-key-for-an-offline-pro", List.of("Authentication"),
                Keys.inDays(30));
        Keys.post(approver, team.slug, body)
                .statusCode(400)
                .body("details.message", hasItem(containsString("Authentication failed: PRO could not be reached")));
        body.put("saveUnverified", true);
        Keys.post(approver, team.slug, body).statusCode(201).body("verified", equalTo(false));
    }

    @Test
    void aStoredKeyIsVerifiedAgainThroughTheVault() {
        Team team = team(sandbox.proUrl());
        long id = Keys.add(approver, team.slug, "demo", SandboxAccounts.DEMO_KEY,
                List.of("Authentication", "PublishAIMMS", "PublishApp", "Tasks", "APIKey"));
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post("/api/v1/teams/" + team.slug + "/credentials/" + id + "/verify")
                .then().statusCode(200)
                .body("passed", equalTo(true))
                .body("checks", hasSize(5));
        Credential credential = QuarkusTransaction.requiringNew().call(() -> service.usableFor(team, ProScope.TASKS))
                .orElseThrow();
        assertEquals(id, credential.id);
    }

    @Test
    void theDemoTeamHasTheSandboxDemoKeyMasked() {
        User admin = fixtures.admin("sbxadm");
        Keys.get(admin, "/api/v1/teams/" + DemoData.TEAM + "/credentials")
                .statusCode(200)
                .body("label", hasItem(DemoCredential.LABEL))
                .body("find { it.label == 'sandbox-demo' }.last4", equalTo("0000"))
                .body("find { it.label == 'sandbox-demo' }.scopes", hasSize(5));
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .when().get("/teams/" + DemoData.TEAM + "/credentials")
                .then().statusCode(200)
                .body(containsString("••••0000"))
                .body(not(containsString(SandboxAccounts.DEMO_KEY)));
    }
}
