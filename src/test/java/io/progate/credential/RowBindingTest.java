package io.progate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.credential.seal.Binding;
import io.progate.credential.seal.MasterKeyException;
import io.progate.credential.seal.MasterKeys;
import io.progate.credential.seal.SealBrokenException;
import io.progate.credential.seal.Sealer;
import io.progate.credential.seal.Secret;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Keys;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealed rows in the real database: bound to their team and id, and clear errors for missing master keys. */
@QuarkusTest
class RowBindingTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CredentialService service;

    @Inject
    Rewrapper rewrapper;

    Team teamA;
    Team teamB;
    User approver;

    @BeforeEach
    void setUp() {
        new FakeProbe().install();
        teamA = fixtures.team("binda");
        teamB = fixtures.team("bindb");
        approver = fixtures.user("bappr");
        fixtures.member(teamA, approver, TeamRole.APPROVER);
        fixtures.member(teamB, approver, TeamRole.APPROVER);
    }


    @Test
    void aSealedRowCopiedToAnotherTeamOrCredentialDoesNotOpen() {
        long a = Keys.add(approver, teamA.slug, "a", "pro-key-team-a-secret-1", List.of("Tasks"));
        long b = Keys.add(approver, teamB.slug, "b", "pro-key-team-b-secret-2", List.of("Tasks"));
        long a2 = Keys.add(approver, teamA.slug, "a2", "pro-key-team-a-secret-3", List.of("Tasks"));
        assertEquals("pro-key-team-b-secret-2", open(b));
        try {
            tamperAndCheck(a, b, a2);
        } finally {
            // the tampered rows would trouble other tests' re-wraps in this shared database
            service.remove(teamB.slug, approver, b);
            service.remove(teamA.slug, approver, a2);
        }
    }

    private void tamperAndCheck(long a, long b, long a2) {
        copySealedParts(a, b);
        SealBrokenException e = assertThrows(SealBrokenException.class, () -> open(b));
        assertTrue(e.getMessage().contains("credential " + b), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the message holds no key");

        copySealedParts(a, a2);
        assertThrows(SealBrokenException.class, () -> open(a2), "same team, other credential id");
        assertEquals("pro-key-team-a-secret-1", open(a), "the original still opens");
    }

    @Test
    void aRowUnderAMasterKeyNoLongerConfiguredGivesAClearErrorAndIsReportedByTheRewrap() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Credential c = new Credential();
            c.id = Credential.nextId();
            c.team = Team.findById(teamA.id);
            c.createdAt = Instant.now();
            c.label = "from-a-lost-key";
            c.setScopes(java.util.EnumSet.of(Scope.TASKS));
            c.expiresAt = Instant.now().plus(10, ChronoUnit.DAYS);
            c.last4 = "LOST";
            c.createdBy = approver.username;
            MasterKeys gone = MasterKeys.parse("gone=" + SealerTest.randomKey(), "gone");
            c.seal(Sealer.seal("pro-key-under-a-lost-master".getBytes(StandardCharsets.UTF_8),
                    Binding.current(c), gone));
            c.persist();
            return c.id;
        });
        try {
            MasterKeyException e = assertThrows(MasterKeyException.class, () -> open(id));
            assertTrue(e.getMessage().contains("master key 'gone' is not configured"), e.getMessage());

            Rewrapper.Report report = rewrapper.rewrapAll("test");
            assertTrue(report.failedIds().contains(id), report.toString());
            assertTrue(report.remaining() >= 1, "the lost row is still under 'gone'");
        } finally {
            service.remove(teamA.slug, approver, id);
        }
        Credential removed = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        assertEquals(null, removed.sealed(), "a removed key keeps no sealed value");
    }

    private String open(long id) {
        Credential credential = QuarkusTransaction.requiringNew().call(() -> Credential.findById(id));
        return service.withSecret(credential, Secret::reveal);
    }

    private static void copySealedParts(long from, long to) {
        QuarkusTransaction.requiringNew().run(() -> {
            Credential source = Credential.findById(from);
            Credential target = Credential.findById(to);
            target.seal(source.sealed());
        });
    }
}
