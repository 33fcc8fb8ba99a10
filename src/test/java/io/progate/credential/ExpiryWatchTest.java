package io.progate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExpiryWatchTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ExpiryWatch watch;


    @Test
    void warningsAreRecordedAt30And7And1DaysOncePerThreshold() {
        new FakeProbe().install();
        Team team = fixtures.team("expiry");
        User approver = fixtures.user("eappr");
        fixtures.member(team, approver, TeamRole.APPROVER);
        Instant now = Instant.now();
        long month = add(team, approver, "month", now.plus(Duration.ofDays(20)));
        long week = add(team, approver, "week", now.plus(Duration.ofDays(5)));
        long day = add(team, approver, "day", now.plus(Duration.ofHours(12)));
        long far = add(team, approver, "far", now.plus(Duration.ofDays(90)));

        watch.check(now);
        assertEquals(List.of(month + ":30", week + ":7", day + ":1"), warnings(team));

        watch.check(now.plus(Duration.ofHours(1)));
        assertEquals(3, warnings(team).size(), "the same threshold is never warned twice");

        watch.check(now.plus(Duration.ofHours(4 * 24 + 12)));
        watch.check(now.plus(Duration.ofDays(14)));
        List<String> later = warnings(team);
        assertTrue(later.contains(month + ":7"), later.toString());
        assertTrue(later.contains(week + ":1"), later.toString());
        assertEquals(5, later.size(), "the expired day key and the far key get nothing more: " + later);
        assertTrue(later.stream().noneMatch(w -> w.startsWith(far + ":")));

        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'credential.expiring' and targetId = ?1", String.valueOf(day)).firstResult());
        assertEquals("system", event.actor);
        assertEquals(team.id, event.teamId);
        assertTrue(event.details.contains("\"day\""), event.details);
    }

    private static long add(Team team, User approver, String label, Instant expiresAt) {
        long id = Keys.add(approver, team.slug, label, "pro-key-expiry-" + label + "-0000", List.of("Tasks"));
        QuarkusTransaction.requiringNew().run(() -> Credential.update("expiresAt = ?1 where id = ?2", expiresAt, id));
        return id;
    }

    /** "credentialId:thresholdDays" for the team's expiry warnings, in order. */
    private static List<String> warnings(Team team) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = 'credential.expiring' and teamId = ?1 order by id", team.id).stream()
                .map(e -> e.targetId + ":" + e.details.replaceAll(".*\"thresholdDays\":\\s*(\\d+).*", "$1"))
                .toList());
    }
}
