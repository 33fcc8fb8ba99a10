package io.progate.request;

import static io.progate.fixtures.Requests.act;
import static io.progate.fixtures.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Zips;
import io.progate.packages.PackageStore;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Packages of finished requests are purged after the retention; name, size and hash stay. */
@QuarkusTest
class PackageRetentionTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    @Inject
    RequestService service;

    @Inject
    PackageStore store;

    private long packageIdOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>findById(id).pkg.id);
    }

    @Test
    void finishedRequestsLoseTheirContentAfterRetentionPendingOnesKeepIt() {
        Team team = sandbox.team("retain");
        User owner = fixtures.user("owner");
        fixtures.member(team, owner, TeamRole.MEMBER);
        long cancelled = Requests.published(owner, team, "Cancelled");
        long pending = Requests.published(owner, team, "Pending");
        String sha = as(owner).get("/api/v1/requests/" + cancelled).then().extract().jsonPath().getString("sha256");
        act(owner, cancelled, "cancel", null).then().statusCode(200);
        service.purgeFinishedBefore(Instant.now().minus(1, ChronoUnit.DAYS));
        assertEquals(1, store.chunkCount(packageIdOf(cancelled)), "nothing is purged before the retention ends");
        service.purgeFinishedBefore(Instant.now().plus(1, ChronoUnit.MINUTES));
        assertEquals(0, store.chunkCount(packageIdOf(cancelled)));
        assertEquals(1, store.chunkCount(packageIdOf(pending)));
        as(owner).get("/api/v1/requests/" + cancelled).then().statusCode(200)
                .body("sha256", equalTo(sha)).body("pkg.purged", equalTo(true)).body("pkg.size", equalTo(Zips.project(true).length));
        assertThrows(IllegalStateException.class, () -> store.open(packageIdOf(cancelled)));
        long stillListed = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest
                .withPackagesFinishedBefore(Instant.now().plus(1, ChronoUnit.MINUTES)).stream()
                .filter(r -> r.id == cancelled).count());
        assertEquals(0L, stillListed, "a purged request is not purged again");
    }
}
