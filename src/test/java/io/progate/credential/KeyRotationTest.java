package io.progate.credential;

import io.progate.pro.model.ProScope;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.pro.ProAccount;
import io.progate.pro.ProApiKeys;
import io.progate.pro.ProException;
import io.progate.fixtures.SandboxAccounts;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.SandboxKeys;
import io.progate.fixtures.Fixtures;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys with the APIKey scope rotate through the sandbox's api-key calls. Each test has its own PRO
 * user in the sandbox, so "the keys PRO holds" are exactly this test's.
 */
@QuarkusTest
class KeyRotationTest {

    static final List<String> SCOPES = List.of("PublishApp", "APIKey");

    @Inject
    io.progate.fixtures.ExecutionFixtures x;

    @Inject
    CredentialService credentials;

    @Inject
    KeyRotation rotation;

    @Inject
    SandboxKeys sandboxKeys;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApiKeys proKeys;

    record Setup(Team team, User approver, User member, String proUser, String oldName, String oldValue, long credentialId) {
    }

    @Test
    void rotationLeavesProWithTheNewKeyOnlyAndProGateUsingItWhileTheOldValueIsRefused() {
        Setup s = setup();

        Response answer = as(s.approver()).post(rotateUrl(s)).then().statusCode(200).extract().response();

        assertTrue((Boolean) answer.path("rotated"), answer.asString());
        List<SandboxKey> inPro = keysOf(s.proUser());
        assertEquals(1, inPro.size(), "PRO holds the new key only");
        assertNotEquals(s.oldName(), inPro.get(0).name);
        assertTrue(inPro.get(0).name.startsWith("progate-" + s.team().slug));
        assertEquals(401, assertThrows(ProException.class,
                () -> proKeys.list(new ProAccount(sandbox.proUrl(), s.oldValue()))).status(), "the old value is refused");
        Credential inUse = QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(
                Team.findById(s.team().id), ProScope.PUBLISH_APP).orElseThrow());
        assertNotEquals(s.credentialId(), inUse.id);
        assertEquals(inPro.get(0).name, inUse.proName);
        assertTrue(inUse.lastRotatedAt != null && inUse.verified);
        assertEquals(1, credentials.withSecret(inUse, secret -> proKeys.list(new ProAccount(sandbox.proUrl(),
                secret.reveal()))).size(), "ProGate's stored key is the one PRO now holds");
        Credential old = QuarkusTransaction.requiringNew().call(() -> Credential.<Credential>findById(s.credentialId()));
        assertEquals(inUse.id, old.replacedBy);
        assertEquals(List.of("credential.rotate.create", "credential.rotate.verify", "credential.rotate.switch",
                "credential.rotate.delete-old"), actions(s.team()));
    }

    @Test
    void aRotationWhoseVerifyStepFailsLeavesTheOldKeyWorkingAndInUse() {
        Setup s = setup();
        new FakeProbe().refuse(ProScope.PUBLISH_APP, "403 from PRO").install();

        Response answer = as(s.approver()).post(rotateUrl(s)).then().statusCode(200).extract().response();

        assertFalse((Boolean) answer.path("rotated"));
        assertTrue(((String) answer.path("message")).contains("failed verification"), answer.asString());
        List<SandboxKey> inPro = keysOf(s.proUser());
        assertEquals(List.of(s.oldName()), inPro.stream().map(k -> k.name).toList(), "the new key was deleted again");
        Credential inUse = QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(
                Team.findById(s.team().id), ProScope.PUBLISH_APP).orElseThrow());
        assertEquals(s.credentialId(), inUse.id);
        assertEquals(1, proKeys.list(new ProAccount(sandbox.proUrl(), s.oldValue())).size(), "the old key works");
        assertEquals(List.of("credential.rotate.create", "credential.rotate.verify", "credential.rotate.delete-new",
                "credential.rotate"), actions(s.team()));
    }

    @Test
    void aMemberMayNotRotateAndNothingChanges() {
        Setup s = setup();

        as(s.member()).post(rotateUrl(s)).then().statusCode(403);

        assertEquals(List.of(s.oldName()), keysOf(s.proUser()).stream().map(k -> k.name).toList());
        assertEquals(s.credentialId(), QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(
                Team.findById(s.team().id), ProScope.PUBLISH_APP).orElseThrow()).id);
        assertEquals(List.of("credential.rotate"), actions(s.team()));
    }

    @Test
    void theSweepRotatesAKeyOnlyOnceItIsWithinTheTeamsDaysOfExpiry() {
        Setup s = setup();
        Instant expiry = QuarkusTransaction.requiringNew().call(() -> Credential.<Credential>findById(s.credentialId())
                .expiresAt);

        assertEquals(0, rotation.rotateDue(expiry.minus(Duration.ofDays(15)), s.team().id));
        assertEquals(1, keysOf(s.proUser()).size());
        assertEquals(s.oldName(), keysOf(s.proUser()).get(0).name);

        assertEquals(1, rotation.rotateDue(expiry.minus(Duration.ofDays(13)), s.team().id));
        assertNotEquals(s.oldName(), keysOf(s.proUser()).get(0).name);
        assertEquals(1, keysOf(s.proUser()).size());
    }

    @Test
    void keysInProThatProGateDoesNotHoldAreListedAsUnmanaged() {
        Setup s = setup();
        QuarkusTransaction.requiringNew().run(() -> sandboxKeys.issue("stray-key", s.proUser(), List.of("Tasks"),
                Instant.now().plus(Duration.ofDays(30)), SandboxKeys.newValue()));

        Response answer = as(s.member()).get("/api/v1/teams/" + s.team().slug + "/credentials/pro-keys")
                .then().statusCode(200).extract().response();

        List<String> unmanaged = answer.path("keys.findAll { it.credentialId == null }.name");
        assertEquals(List.of("stray-key"), unmanaged);
        assertEquals(s.oldName(), answer.path("keys.find { it.credentialId != null }.name"));
    }

    @Test
    void theCredentialsPageShowsTheNameInProTheRotateButtonAndUnmanagedKeys() {
        Setup s = setup();
        QuarkusTransaction.requiringNew().run(() -> sandboxKeys.issue("stray-page-key", s.proUser(), List.of("Tasks"),
                Instant.now().plus(Duration.ofDays(30)), SandboxKeys.newValue()));
        io.progate.fixtures.Sessions.Session approver = io.progate.fixtures.Sessions.signIn(s.approver().username,
                Fixtures.PASSWORD);
        String page = approver.get("/teams/" + s.team().slug + "/credentials").then().statusCode(200).extract().asString();
        assertTrue(page.contains(s.oldName()) && page.contains("rotate-" + s.credentialId())
                && page.contains("unmanaged-keys") && page.contains("stray-page-key"), page);

        Response rotated = approver.postForm("/teams/" + s.team().slug + "/credentials/" + s.credentialId() + "/rotate");
        assertEquals(303, rotated.statusCode());
        assertEquals(1, keysOf(s.proUser()).stream().filter(k -> k.name.startsWith("progate-")).count());
        String after = approver.get("/teams/" + s.team().slug + "/credentials").then().statusCode(200).extract().asString();
        assertTrue(after.contains("rotated ") && !after.contains(">" + s.oldName() + "<"), after);

        approver.postForm("/teams/" + s.team().slug + "/credentials/rotation", "days", "").then().statusCode(303);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Team.<Team>findById(s.team().id).keyRotationDays));
    }

    /** A team on the sandbox whose key, made by hand in PRO for a PRO user of its own, ProGate holds. */
    private Setup setup() {
        String proUser = Fixtures.unique("pro-user");
        String oldName = Fixtures.unique("handmade");
        String value = SandboxKeys.newValue();
        Instant expires = LocalDate.now(ZoneOffset.UTC).plusDays(90).atStartOfDay(ZoneOffset.UTC).toInstant();
        QuarkusTransaction.requiringNew().run(() -> sandboxKeys.issue(oldName, proUser, SCOPES, expires, value));
        io.progate.fixtures.ExecutionFixtures.SandboxTeam t = x.teamWithKey(value, SCOPES.toArray(String[]::new));
        long id = credentials.list(t.team().slug, t.admin()).get(0).id;
        return new Setup(t.team(), t.approver(), t.author(), proUser, oldName, value, id);
    }

    private static List<SandboxKey> keysOf(String proUser) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxKey.ofUser(proUser));
    }

    private static List<String> actions(Team team) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "teamId = ?1 and action like 'credential.rotate%' order by id", team.id).stream()
                .map(e -> e.action).toList());
    }

    private static String rotateUrl(Setup s) {
        return "/api/v1/teams/" + s.team().slug + "/credentials/" + s.credentialId() + "/rotate";
    }

    private static io.restassured.specification.RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json");
    }
}
