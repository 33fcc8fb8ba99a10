package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Requests;
import io.progate.fixtures.SandboxTeams;
import io.progate.fixtures.Sessions;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens carry scopes, expire, never do more than their owner, and never make other tokens. */
@QuarkusTest
class TokenScopesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SandboxTeams sandbox;

    static String token(User owner, List<String> scopes, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "t", "scopes", scopes));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return given().auth().preemptive().basic(owner.username, Fixtures.PASSWORD).contentType("application/json")
                .body(body).post("/api/v1/me/tokens").then().statusCode(201).extract().path("token");
    }

    @Test
    void aReadTokenReadsButCannotSubmitOrDecide() {
        Team team = sandbox.team("scoped");
        User author = fixtures.user("scopeauthor");
        User approver = fixtures.user("scopeapprover");
        fixtures.member(team, author, TeamRole.MEMBER);
        fixtures.member(team, approver, TeamRole.APPROVER);
        long id = Requests.published(author, team, Fixtures.unique("Scoped").replace("-", ""));
        String read = token(approver, List.of("read"), null);
        given().header("Authorization", "Bearer " + read).get("/api/v1/requests/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + read).contentType("application/json").body(Map.of("comment", "x"))
                .post("/api/v1/requests/" + id + "/approve")
                .then().statusCode(403).body("error", containsString("'decide' scope"));
        assertEquals("PENDING", Requests.status(author, id));

        String submitOnly = token(author, List.of("submit"), null);
        given().header("Authorization", "Bearer " + submitOnly).get("/api/v1/requests/" + id)
                .then().statusCode(403).body("error", containsString("'read' scope"));
        given().header("Authorization", "Bearer " + submitOnly).post("/api/v1/requests/" + id + "/cancel")
                .then().statusCode(200);

        String decide = token(approver, List.of("read", "decide"), null);
        long second = Requests.published(author, team, Fixtures.unique("Decided").replace("-", ""));
        given().header("Authorization", "Bearer " + decide).contentType("application/json").body(Map.of("comment", "ok"))
                .post("/api/v1/requests/" + second + "/approve").then().statusCode(200);
    }

    @Test
    void aTokenCannotCreateTokens() {
        User user = fixtures.user("nominting");
        String all = token(user, List.of("read", "submit", "decide"), null);
        given().header("Authorization", "Bearer " + all).contentType("application/json")
                .body(Map.of("name", "child", "scopes", List.of("read"))).post("/api/v1/me/tokens")
                .then().statusCode(403);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() ->
                ApiToken.ownedBy(User.byUsername(user.username).orElseThrow()).size()));
    }

    @Test
    void aTokenRevokesItselfButNoOtherToken() {
        User user = fixtures.user("selfrevoke");
        String first = token(user, List.of("read"), null);
        String second = token(user, List.of("read"), null);
        List<Integer> ids = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me/tokens")
                .then().extract().path("id");
        long firstId = idOf(user, first);
        long secondId = ids.stream().mapToLong(Integer::longValue).filter(i -> i != firstId).findFirst().orElseThrow();
        given().header("Authorization", "Bearer " + first).delete("/api/v1/me/tokens/" + secondId).then().statusCode(403);
        given().header("Authorization", "Bearer " + second).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + first).delete("/api/v1/me/tokens/" + firstId).then().statusCode(204);
        given().header("Authorization", "Bearer " + first).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void tokensExpireAfterNinetyDaysByDefaultAndNeverLiveLongerThanAYear() {
        User user = fixtures.user("expiry");
        var created = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "default")).post("/api/v1/me/tokens")
                .then().statusCode(201).body("scopes", equalTo(List.of("read", "submit"))).extract();
        Instant expires = Instant.parse(created.path("expiresAt"));
        assertTrue(Math.abs(Duration.between(Instant.now().plus(90, ChronoUnit.DAYS), expires).toMinutes()) < 5, expires.toString());
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "forever", "scopes", List.of("read"),
                        "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()))
                .post("/api/v1/me/tokens").then().statusCode(400).body("details.field", hasItem("expiresAt"));
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "odd", "scopes", List.of("everything")))
                .post("/api/v1/me/tokens").then().statusCode(400).body("details.field", hasItem("scopes"));

        String soon = token(user, List.of("read"), Instant.now().plusSeconds(3600));
        given().header("Authorization", "Bearer " + soon).get("/api/v1/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("expiresAt = ?1 where tokenHash = ?2",
                Instant.now().minusSeconds(1), io.progate.common.Hashes.sha256Hex(soon)));
        // written behind the portal's back (a bulk update, as another replica's would be seen after the
        // token cache's time to live): forget what this replica holds, as that time would
        io.progate.common.ReadCache.invalidateAll();
        given().header("Authorization", "Bearer " + soon).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theAdminScopeWorksOnlyWhileTheOwnerIsAnAdmin() {
        User admin = fixtures.admin("scopeadmin");
        User other = fixtures.admin("keepadmin");
        String readOnly = token(admin, List.of("read"), null);
        String withAdmin = token(admin, List.of("read", "admin"), null);
        given().header("Authorization", "Bearer " + readOnly).get("/api/v1/users").then().statusCode(403);
        given().header("Authorization", "Bearer " + withAdmin).get("/api/v1/users").then().statusCode(200);
        given().auth().preemptive().basic(other.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("admin", false)).patch("/api/v1/users/" + admin.username).then().statusCode(200);
        given().header("Authorization", "Bearer " + withAdmin).get("/api/v1/users").then().statusCode(403);

        User plain = fixtures.user("plainscope");
        given().auth().preemptive().basic(plain.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "sneaky", "scopes", List.of("admin"))).post("/api/v1/me/tokens")
                .then().statusCode(400).body("details.field", hasItem("scopes"));
    }

    @Test
    void callsWithOneTokenWriteItsLastUseOnceAMinuteAtMost() {
        User user = fixtures.user("lastuse");
        String value = token(user, List.of("read"), null);
        given().header("Authorization", "Bearer " + value).get("/api/v1/me").then().statusCode(200);
        Instant first = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("user.id", user.id)
                .firstResult().lastUsedAt);
        assertTrue(first != null, "the first use is written");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + value).get("/api/v1/me").then().statusCode(200);
        }
        Instant after = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("user.id", user.id)
                .firstResult().lastUsedAt);
        assertEquals(first, after, "uses within the minute write nothing");
    }

    @Test
    void theTokenListShowsScopesExpiryAndLastUse() {
        User user = fixtures.user("listing");
        String value = token(user, List.of("read", "submit"), null);
        given().header("Authorization", "Bearer " + value).get("/api/v1/me").then().statusCode(200);
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me/tokens")
                .then().statusCode(200)
                .body("[0].scopes", equalTo(List.of("read", "submit")))
                .body("[0].expiresAt", notNullValue())
                .body("[0].lastUsedAt", notNullValue());
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.get("/me").then().statusCode(200)
                .body(containsString("read, submit"))
                .body(containsString("Expires"))
                .body(containsString("Last used"));
        session.postForm("/me/tokens", "name", "from-page", "scope", "decide", "days", "30")
                .then().statusCode(200).body(containsString("pgt_"));
        session.postForm("/me/tokens", "name", "too-long", "scope", "read", "days", "5000")
                .then().statusCode(400);
    }

    private static long idOf(User user, String value) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("tokenHash",
                io.progate.common.Hashes.sha256Hex(value)).firstResult().id);
    }
}
