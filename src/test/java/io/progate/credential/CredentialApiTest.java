package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CredentialApiTest {

    @Inject
    Fixtures fixtures;

    FakeProbe probe;
    Team team;
    User approver;
    User member;
    String base;

    @BeforeEach
    void setUp() {
        probe = new FakeProbe().install();
        team = fixtures.team("vault");
        approver = fixtures.user("appr");
        member = fixtures.user("memb");
        fixtures.member(team, approver, TeamRole.APPROVER);
        fixtures.member(team, member, TeamRole.MEMBER);
        base = "/api/v1/teams/" + team.slug + "/credentials";
    }

    @Test
    void approverAddsAKeyThatIsShownOnlyMasked() {
        Keys.post(approver, team.slug, Keys.body("ci", "pro-key-abcdefgh-WXYZ", List.of("PublishApp", "task"),
                Keys.inDays(60)))
                .statusCode(201)
                .header("Location", containsString(base + "/"))
                .body("label", equalTo("ci"))
                .body("last4", equalTo("WXYZ"))
                .body("scopes", equalTo(List.of("PublishApp", "Tasks")))
                .body("verified", equalTo(true))
                .body("createdBy", equalTo(approver.username))
                .body("status", equalTo("ACTIVE"))
                .body("lastUsedAt", nullValue())
                .body("key", nullValue());
        assertEquals(1, probe.calls);
        assertEquals(team.proUrl, probe.lastProUrl);
        Keys.get(member, base).statusCode(200)
                .body("label", equalTo(List.of("ci")))
                .body("last4", equalTo(List.of("WXYZ")))
                .body("[0].key", nullValue());
    }

    @Test
    void membersSeeTheListButCannotChangeOrVerify() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-member-test-1234", List.of("PublishApp"));
        Keys.get(member, base + "/" + id).statusCode(200).body("label", equalTo("ci"));
        Keys.post(member, team.slug, Keys.body("mine", "pro-key-member-test-9999", List.of("Tasks"), Keys.inDays(5)))
                .statusCode(403);
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).when().delete(base + "/" + id)
                .then().statusCode(403);
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("key", "pro-key-member-test-0000", "expiresAt", Keys.inDays(3)))
                .when().put(base + "/" + id + "/secret").then().statusCode(403);
        given().auth().preemptive().basic(member.username, Fixtures.PASSWORD).contentType("application/json").when().post(base + "/" + id + "/verify")
                .then().statusCode(403);
        Keys.get(member, base).body("", hasSize(1));
        assertEquals(1, probe.calls, "no PRO call on behalf of a member");
    }

    @Test
    void otherTeamsGet404() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-other-team-1234", List.of("PublishApp"));
        Team other = fixtures.team("other");
        User outsider = fixtures.user("outs");
        fixtures.member(other, outsider, TeamRole.APPROVER);
        Keys.get(outsider, base).statusCode(404);
        Keys.get(outsider, base + "/" + id).statusCode(404);
        Keys.post(outsider, team.slug, Keys.body("x", "pro-key-other-team-9999", List.of("Tasks"), Keys.inDays(5)))
                .statusCode(404);
        given().auth().preemptive().basic(outsider.username, Fixtures.PASSWORD).when().delete(base + "/" + id)
                .then().statusCode(404);
        // nor can a credential be reached through another team's address
        Keys.get(outsider, "/api/v1/teams/" + other.slug + "/credentials/" + id).statusCode(404);
        given().auth().preemptive().basic(outsider.username, Fixtures.PASSWORD)
                .when().delete("/api/v1/teams/" + other.slug + "/credentials/" + id).then().statusCode(404);
    }

    @Test
    void adminsManageAnyTeamsKeys() {
        User admin = fixtures.admin("adm");
        long id = Keys.add(admin, team.slug, "admin-added", "pro-key-admin-added-1234", List.of("APIKey"));
        Keys.get(member, base + "/" + id).statusCode(200).body("createdBy", equalTo(admin.username));
    }

    @Test
    void invalidInputIsRefusedFieldByField() {
        Keys.post(approver, team.slug, Keys.body("", "short", List.of("Nope"), Keys.inDays(367)))
                .statusCode(400)
                .body("details.field", hasItems("label", "key", "scopes", "expiresAt"));
        Keys.post(approver, team.slug, Keys.body("x", "pro-key-valid-length-1", List.of(), Keys.inDays(-1)))
                .statusCode(400)
                .body("details.field", hasItems("scopes", "expiresAt"))
                .body("details.message", hasItem("must lie in the future"));
        Keys.post(approver, team.slug, Keys.body("x", "pro-key-valid-length-1", List.of("Tasks"), Keys.inDays(370)))
                .statusCode(400)
                .body("details.message", hasItem(containsString("at most one year ahead")));
        Keys.post(approver, team.slug, Keys.body("x", "pro key with spaces", List.of("Tasks"), Keys.inDays(3)))
                .statusCode(400).body("details.field", hasItem("key"));
        Keys.post(approver, team.slug, Keys.body("x", "pro-key-valid-length-1", List.of("Tasks"), "next tuesday"))
                .statusCode(400).body("details.field", hasItem("expiresAt"));
        Keys.get(approver, base).body("", hasSize(0));
        assertEquals(0, probe.calls, "invalid input never reaches PRO");
    }

    @Test
    void aKeyPROrefusesIsNotSavedAndTheFailingScopeIsNamed() {
        probe.refuse(Scope.PUBLISH_AIMMS, "PRO answered 403: the key lacks this scope");
        Keys.post(approver, team.slug, Keys.body("ci", "pro-key-refused-by-pro-1", List.of("PublishApp", "PublishAIMMS"),
                Keys.inDays(30)))
                .statusCode(400)
                .body("details.message", hasItem("PublishAIMMS failed: PRO answered 403: the key lacks this scope"))
                .body("details.field", hasItem("saveUnverified"))
                .body("details.message", not(hasItem(containsString("PublishApp failed"))));
        Keys.get(approver, base).body("", hasSize(0));
        AuditEvent event = lastEvent("credential.verify");
        assertEquals("FAILURE", event.outcome.name());
        assertTrue(event.details.contains("PublishAIMMS: REFUSED"), event.details);
    }

    @Test
    void aRefusedKeyCanBeSavedUnverifiedOnRequest() {
        probe.refuse(Scope.TASKS, "PRO unreachable");
        Map<String, Object> body = Keys.body("ci", "pro-key-unverified-0001", List.of("Tasks"), Keys.inDays(30));
        body.put("saveUnverified", true);
        long id = Keys.post(approver, team.slug, body).statusCode(201).body("verified", equalTo(false))
                .extract().<Integer>path("id").longValue();
        AuditEvent add = lastEvent("credential.add");
        assertEquals(String.valueOf(id), add.targetId);
        assertTrue(add.details.replace(" ", "").contains("\"verified\":false"), add.details);
    }

    @Test
    void aSecondActiveKeyWithTheSameLabelIsAConflict() {
        Keys.add(approver, team.slug, "ci", "pro-key-duplicate-0001", List.of("Tasks"));
        Keys.post(approver, team.slug, Keys.body("CI", "pro-key-duplicate-0002", List.of("Tasks"), Keys.inDays(5)))
                .statusCode(409);
    }

    @Test
    void replacingKeepsTheLabelAndHistoryAndDestroysTheOldSeal() {
        long oldId = Keys.add(approver, team.slug, "ci", "pro-key-replace-old-1111", List.of("PublishApp", "Tasks"));
        int newId = given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD)
                .contentType("application/json")
                .body(Map.of("key", "pro-key-replace-new-2222", "expiresAt", Keys.inDays(200)))
                .when().put(base + "/" + oldId + "/secret")
                .then().statusCode(200)
                .body("label", equalTo("ci"))
                .body("last4", equalTo("2222"))
                .body("scopes", equalTo(List.of("PublishApp", "Tasks")))
                .extract().path("id");
        Keys.get(member, base).body("id", equalTo(List.of(newId)));
        Keys.get(member, base + "?history=true").body("id", hasItems(newId, (int) oldId));
        Keys.get(member, base + "/" + oldId).body("status", equalTo("REPLACED"))
                .body("replacedBy", equalTo(newId));
        Credential old = QuarkusTransaction.requiringNew().call(() -> Credential.findById(oldId));
        assertNull(old.sealed(), "a replaced key can never be opened again");
        assertNull(old.masterKeyId);
        AuditEvent event = lastEvent("credential.replace");
        assertTrue(event.details.replace(" ", "").contains("\"replaces\":" + oldId), event.details);
        // a replaced key cannot be replaced or removed again
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).when().delete(base + "/" + oldId)
                .then().statusCode(404);
    }

    @Test
    void removingRetiresTheKey() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-remove-me-3333", List.of("Tasks"));
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).when().delete(base + "/" + id)
                .then().statusCode(204);
        Keys.get(member, base).body("", hasSize(0));
        Keys.get(member, base + "/" + id).body("status", equalTo("REMOVED"))
                .body("removedBy", equalTo(approver.username));
        assertEquals("credential.remove", lastEvent("credential.remove").action);
        Keys.add(approver, team.slug, "ci", "pro-key-remove-me-4444", List.of("Tasks"));
    }

    @Test
    void verifyingAStoredKeyOpensItAndMarksItUsed() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-verify-again-55", List.of("PublishApp"));
        probe.refuse(Scope.PUBLISH_APP, "PRO answered 401: unknown or expired key");
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).contentType("application/json")
                .when().post(base + "/" + id + "/verify")
                .then().statusCode(200)
                .body("passed", equalTo(false))
                .body("checks[0].scope", equalTo("PublishApp"))
                .body("checks[0].status", equalTo("REFUSED"))
                .body("checks[0].reason", containsString("401"));
        Keys.get(member, base + "/" + id).body("verified", equalTo(false)).body("lastUsedAt", not(nullValue()));
    }

    @Test
    void usableForPicksTheNewestUnexpiredKeyWithTheScope() {
        CredentialService service = io.quarkus.arc.Arc.container().instance(CredentialService.class).get();
        long older = Keys.add(approver, team.slug, "older", "pro-key-usable-older-1", List.of("PublishApp", "Tasks"));
        long newer = Keys.add(approver, team.slug, "newer", "pro-key-usable-newer-2", List.of("PublishApp"));
        assertEquals(newer, usable(service, Scope.PUBLISH_APP));
        assertEquals(older, usable(service, Scope.TASKS));
        assertEquals(-1, usable(service, Scope.API_KEY), "no key carries APIKey");
        QuarkusTransaction.requiringNew().run(() -> Credential.update("expiresAt = ?1 where id = ?2",
                java.time.Instant.now().minusSeconds(60), newer));
        assertEquals(older, usable(service, Scope.PUBLISH_APP), "expired keys are skipped");
        given().auth().preemptive().basic(approver.username, Fixtures.PASSWORD).when().delete(base + "/" + older)
                .then().statusCode(204);
        assertEquals(-1, usable(service, Scope.PUBLISH_APP), "removed keys are skipped");
    }

    private long usable(CredentialService service, Scope scope) {
        return QuarkusTransaction.requiringNew().call(() -> service.usableFor(team, scope).map(c -> c.id).orElse(-1L));
    }

    @Test
    void withSecretLendsTheKeyAndRecordsTheUse() {
        CredentialService service = io.quarkus.arc.Arc.container().instance(CredentialService.class).get();
        long id = Keys.add(approver, team.slug, "ci", "pro-key-with-secret-777", List.of("Tasks"));
        Credential credential = service.usableFor(team, Scope.TASKS).orElseThrow();
        assertEquals(id, credential.id);
        char[][] lent = new char[1][];
        String value = service.withSecret(credential, secret -> {
            lent[0] = secret.chars();
            return secret.reveal();
        });
        assertEquals("pro-key-with-secret-777", value);
        assertTrue(new String(lent[0]).chars().allMatch(c -> c == 0), "the key is wiped after the callback");
        Credential after = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertNotNull(after.lastUsedAt);
    }


    private static AuditEvent lastEvent(String action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>find("action = ?1 order by id desc", action).firstResult());
    }
}
