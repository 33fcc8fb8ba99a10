package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.StatementCounter;
import io.progate.team.MyTeams;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resolved token and its owner's teams are kept in memory for a few seconds, yet a revocation, a
 * disabled owner, an expiry, a lost admin flag or a lost membership refuse the very next call.
 */
@QuarkusTest
class TokenCacheTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TokenService tokens;

    @Inject
    MyTeams myTeams;

    @Test
    void aWarmTokenAndItsTeamsAreAnsweredWithoutAStatement() {
        User user = fixtures.user("warm");
        Team team = fixtures.team("warmteam");
        fixtures.member(team, user, TeamRole.MEMBER);
        String token = TokenScopesTest.token(user, List.of("read"), null);
        TokenService.Resolved cold = tokens.authenticate(token).orElseThrow();
        myTeams.of(cold.user());

        StatementCounter.Counted<TokenService.Resolved> warm = StatementCounter.count(() -> {
            TokenService.Resolved resolved = tokens.authenticate(token).orElseThrow();
            myTeams.of(resolved.user());
            return resolved;
        });
        assertEquals(0, warm.statements(), "token and teams from memory");
        assertEquals(user.username, warm.result().user().username);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(user.username)).body("teams.slug", hasItem(team.slug))
                .body("teams.find { it.slug == '" + team.slug + "' }.role", equalTo("MEMBER"));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        User user = fixtures.user("revokecache");
        String token = TokenScopesTest.token(user, List.of("read"), null);
        long id = tokens.authenticate(token).orElseThrow().id();
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).delete("/api/v1/me/tokens/" + id)
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
        assertTrue(tokens.authenticate(token).isEmpty());
    }

    @Test
    void aDisabledUsersTokensAreRefusedAtOnceAndStayRefusedWhenEnabledAgain() {
        User admin = fixtures.admin("disabler");
        User user = fixtures.user("disabledcache");
        String token = TokenScopesTest.token(user, List.of("read"), null);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("enabled", false)).patch("/api/v1/users/" + user.username).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("enabled", true)).patch("/api/v1/users/" + user.username).then().statusCode(200);
        // disabling revoked the token for good
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefusedOnTheFirstCallAfterItsExpiryThoughItIsStillCached() {
        User user = fixtures.user("expirycache");
        // within a minute of the call below, so no "last used" write falls due at the instants asked about
        Instant expiresAt = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        String token = TokenScopesTest.token(user, List.of("read"), expiresAt);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        tokens.authenticate(token).orElseThrow(); // cached again, should the HTTP call lie longer ago than the TTL
        StatementCounter.Counted<Boolean> atExpiry = StatementCounter.count(() -> {
            assertTrue(tokens.authenticate(token, expiresAt.minusMillis(1)).isPresent(), "a moment before");
            return tokens.authenticate(token, expiresAt).isPresent();
        });
        assertEquals(false, atExpiry.result(), "refused from its expiry on");
        assertEquals(0, atExpiry.statements(), "while the cache still holds it");
    }

    @Test
    void aLostMembershipOrAdminFlagShowsOnTheNextCall() {
        User admin = fixtures.admin("flagger");
        User other = fixtures.admin("flagged");
        Team team = fixtures.team("lostteam");
        User member = fixtures.user("lostmember");
        fixtures.member(team, member, TeamRole.APPROVER);
        String memberToken = TokenScopesTest.token(member, List.of("read"), null);
        String adminToken = TokenScopesTest.token(other, List.of("read", "admin"), null);
        given().header("Authorization", "Bearer " + memberToken).get("/api/v1/me").then().statusCode(200)
                .body("teams.slug", hasItem(team.slug));
        given().header("Authorization", "Bearer " + adminToken).get("/api/v1/users").then().statusCode(200);

        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD)
                .delete("/api/v1/teams/" + team.slug + "/members/" + member.username).then().statusCode(204);
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("admin", false)).patch("/api/v1/users/" + other.username).then().statusCode(200);

        given().header("Authorization", "Bearer " + memberToken).get("/api/v1/me").then().statusCode(200)
                .body("teams.slug", not(hasItem(team.slug)));
        given().header("Authorization", "Bearer " + memberToken).get("/api/v1/teams/" + team.slug + "/requests")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + adminToken).get("/api/v1/users").then().statusCode(403);
        given().header("Authorization", "Bearer " + adminToken).get("/api/v1/me").then().statusCode(200)
                .body("admin", equalTo(false));
    }
}
