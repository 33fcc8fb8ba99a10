package io.progate.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.common.InvalidInputException;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.packages.PackageStore;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Packages of pending requests count against a quota and go when their request expires. */
@QuarkusTest
class PendingPackagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    RequestService requests;

    @Inject
    PendingPackages pending;

    @Inject
    PackageStore store;

    @Test
    void theContentOfAnExpiredRequestsPackageIsPurgedWithIt() {
        Team team = sandbox.team("expiring");
        User owner = fixtures.user("expowner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        long id = Requests.published(owner, team, Fixtures.unique("Expiring").replace("-", ""));
        long packageId = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>findById(id).pkg.id);
        assertTrue(store.chunkCount(packageId) > 0);
        assertTrue(pending.heldBy(team.id) > 0);
        QuarkusTransaction.requiringNew().run(() -> ReleaseRequest.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), id));

        assertTrue(requests.expireDue(Instant.now()) >= 1);

        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseRequest r = ReleaseRequest.findById(id);
            assertEquals(RequestStatus.EXPIRED, r.status);
            assertNotNull(r.pkg.purgedAt);
            assertTrue(r.pkg.sha256 != null && r.pkg.sizeBytes > 0, "name, size and hash stay");
            AuditEvent event = AuditEvent.find("action = 'request.expire' and targetId = ?1", String.valueOf(id)).firstResult();
            assertTrue(event.details.contains("packagePurged"), event.details);
        });
        assertEquals(0, store.chunkCount(packageId));
        assertEquals(0, pending.heldBy(team.id));
    }

    @Test
    void aFilingThatWouldPassTheQuotaIsRefused() {
        Team team = sandbox.team("quota");
        QuarkusTransaction.begin();
        try {
            pending.reserve(Team.findById(team.id), pending.quota());
            assertThrows(InvalidInputException.class, () -> pending.reserve(Team.findById(team.id), pending.quota() + 1));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(5L * 1024 * 1024 * 1024, pending.quota(), "5 GiB by default");
    }
}
