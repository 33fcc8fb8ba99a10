package io.progate.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.common.ConflictException;
import io.progate.credential.seal.Binding;
import io.progate.credential.seal.MasterKeyring;
import io.progate.credential.seal.SealBrokenException;
import io.progate.credential.seal.Sealed;
import io.progate.credential.seal.Sealer;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.team.ProUrls;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sealed key is bound to its team's PRO account URL: pointing the team elsewhere never sends it there. */
@QuarkusTest
class ProUrlBindingTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CredentialService credentials;

    @Inject
    MasterKeyring ring;

    @Inject
    CredentialResealer resealer;

    FakeProbe probe;
    Team team;
    User approver;
    User admin;

    @BeforeEach
    void setUp() {
        probe = new FakeProbe().install();
        team = fixtures.team("bound");
        approver = fixtures.user("boundappr");
        admin = fixtures.admin("boundadmin");
        fixtures.member(team, approver, TeamRole.APPROVER);
    }


    @Test
    void aKeySealedForOneProUrlDoesNotOpenAfterTheUrlChanges() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-bound-to-acme-1234", List.of("PublishApp"));
        Credential row = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertEquals(2, row.sealVersion);
        assertEquals("pro-key-bound-to-acme-1234", credentials.withSecret(row, s -> s.reveal()));

        // a write to the database (not through the portal) points the team at another host
        QuarkusTransaction.requiringNew().run(() -> Team.update("proUrl = ?1 where id = ?2",
                "https://attacker.example.com", team.id));
        assertThrows(SealBrokenException.class, () -> credentials.withSecret(row, s -> s.reveal()));

        // back on the original URL it opens again: nothing else about the row changed
        QuarkusTransaction.requiringNew().run(() -> Team.update("proUrl = ?1 where id = ?2", team.proUrl, team.id));
        assertEquals("pro-key-bound-to-acme-1234", credentials.withSecret(row, s -> s.reveal()));
    }

    @Test
    void sealedValuesDoNotOpenUnderAnotherUrlEvenWithTheRightKeys() {
        Binding acme = new Binding(7, 42, "https://acme.aimms.cloud", Binding.CURRENT);
        Binding other = new Binding(7, 42, "https://other.aimms.cloud", Binding.CURRENT);
        Sealed sealed = Sealer.seal("secret-value".getBytes(StandardCharsets.UTF_8), acme, ring.keys());
        assertArrayEquals("secret-value".getBytes(StandardCharsets.UTF_8), Sealer.open(sealed, acme, ring.keys()));
        assertThrows(SealBrokenException.class, () -> Sealer.open(sealed, other, ring.keys()));
    }

    @Test
    void changingTheProUrlRetiresTheTeamsKeysIntoHistoryAndAsksForNewOnes() {
        long id = Keys.add(approver, team.slug, "ci", "pro-key-retire-me-5678", List.of("PublishApp"));
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("proUrl", "https://newaccount.aimms.cloud/")).patch("/api/v1/teams/" + team.slug)
                .then().statusCode(200).body("proUrl", equalTo("https://newaccount.aimms.cloud"));
        Keys.get(approver, "/api/v1/teams/" + team.slug + "/credentials").statusCode(200).body("size()", equalTo(0));
        Credential retired = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertNotNull(retired.removedAt);
        assertEquals(admin.username, retired.removedBy);
        assertEquals("the team's PRO account URL changed", retired.retiredReason);
        assertNull(retired.sealed(), "the sealed value is gone");
        assertThrows(ConflictException.class, () -> credentials.withSecret(retired, s -> "never"));
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'credential.retire' and targetId = ?1", String.valueOf(id)).firstResult());
        assertNotNull(event);
        assertTrue(event.details.contains("newaccount"), event.details);
        // the same URL written differently is no change and retires nothing
        long again = Keys.add(approver, team.slug, "ci", "pro-key-new-account-9999", List.of("PublishApp"));
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("proUrl", "HTTPS://NewAccount.aimms.cloud:443")).patch("/api/v1/teams/" + team.slug)
                .then().statusCode(200);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Credential.<Credential>findById(again).isActive()));
    }

    @Test
    void aKeySealedBeforeUrlsWereBoundIsResealedWithTheUrl() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Credential c = new Credential();
            c.id = Credential.nextId();
            c.team = Team.findById(team.id);
            c.createdAt = Instant.now();
            c.label = "old-row";
            c.setScopes(EnumSet.of(Scope.PUBLISH_APP));
            c.expiresAt = Instant.now().plus(30, ChronoUnit.DAYS);
            c.last4 = "0LD1";
            c.verified = true;
            c.createdBy = approver.username;
            c.seal(Sealer.seal("pro-key-from-before-0LD1".getBytes(StandardCharsets.UTF_8),
                    new Binding(team.id, c.id, null, 1), ring.keys()));
            c.sealVersion = 1;
            c.persist();
            return c.id;
        });
        Credential v1 = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertEquals("pro-key-from-before-0LD1", credentials.withSecret(v1, s -> s.reveal()), "version 1 still opens");

        assertTrue(QuarkusTransaction.requiringNew().call(() -> resealer.resealOne(id)));
        Credential v2 = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertEquals(2, v2.sealVersion);
        assertEquals("pro-key-from-before-0LD1", credentials.withSecret(v2, s -> s.reveal()));
        QuarkusTransaction.requiringNew().run(() -> Team.update("proUrl = ?1 where id = ?2", "https://elsewhere.example", team.id));
        assertThrows(SealBrokenException.class, () -> credentials.withSecret(v2, s -> s.reveal()));
        QuarkusTransaction.requiringNew().run(() -> Team.update("proUrl = ?1 where id = ?2", team.proUrl, team.id));
    }

    @Test
    void urlsAreNormalisedTheSameWayEveryTime() {
        assertEquals("https://acme.aimms.cloud", ProUrls.normalise("HTTPS://Acme.AIMMS.cloud:443/"));
        assertEquals("http://localhost:8080/sandbox", ProUrls.normalise("http://LOCALHOST:8080/sandbox//"));
        assertEquals("https://acme.aimms.cloud:8443", ProUrls.normalise("https://acme.aimms.cloud:8443"));
    }
}
