package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.auth.SessionCodec;
import io.progate.audit.AuditEvent;
import io.progate.common.ConflictException;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password change and reset, disable and enable, admin grants, and sessions that end everywhere. */
@QuarkusTest
class AccountLifecycleTest {

    static final String NEW_PASSWORD = "violet-tractor-lagoon-58";

    @Inject
    Fixtures fixtures;

    @Inject
    AccountService accounts;

    @Inject
    SessionCodec codec;

    @Inject
    AccountConfig config;

    @Test
    void userChangesTheirPasswordWithTheCurrentOneAndOtherSessionsEnd() {
        User user = fixtures.user("chpw");
        Sessions.Session here = Sessions.signIn(user.username, Fixtures.PASSWORD);
        Sessions.Session elsewhere = Sessions.signIn(user.username, Fixtures.PASSWORD);
        String before = here.cookie();
        here.postForm("/me/password", "current", Fixtures.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD)
                .then().statusCode(303).header("Location", endsWith("/me"));
        assertNotEquals(before, here.cookie(), "this browser got a fresh session");
        here.get("/me").then().statusCode(200);
        elsewhere.get("/me").then().statusCode(302).header("Location", endsWith("/login"));
        LoginFormTest.signIn(user.username, Fixtures.PASSWORD).then().header("Location", endsWith("/login?error=true"));
        LoginFormTest.signIn(user.username, NEW_PASSWORD).then().statusCode(303).header("Location", endsWith("/"));
        assertEquals(1, audits("user.password.change", user.username, "SUCCESS"));
    }

    @Test
    void wrongCurrentPasswordOrAWeakNewOneChangesNothing() {
        User user = fixtures.user("chpwbad");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        String hash = hashOf(user);
        session.postForm("/me/password", "current", "not-my-password", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD)
                .then().statusCode(400).body(containsString("this is not your current password"));
        session.postForm("/me/password", "current", Fixtures.PASSWORD, "password", "short1", "confirm", "short1")
                .then().statusCode(400).body(containsString("at least 12 characters"));
        session.postForm("/me/password", "current", Fixtures.PASSWORD, "password", "iloveyou1234", "confirm", "iloveyou1234")
                .then().statusCode(400).body(containsString("most common passwords"));
        session.postForm("/me/password", "current", Fixtures.PASSWORD, "password", "Password!2024", "confirm", "Password!2024")
                .then().statusCode(400).body(containsString("most common passwords"));
        session.postForm("/me/password", "current", Fixtures.PASSWORD, "password", NEW_PASSWORD, "confirm", "different-one-42")
                .then().statusCode(400).body(containsString("differ"));
        assertEquals(hash, hashOf(user), "the password is unchanged");
        session.get("/me").then().statusCode(200);
        assertEquals(1, audits("user.password.change", user.username, "FAILURE"));
    }

    @Test
    void adminResetForcesAChangeAtTheNextSignInAndEndsSessions() {
        User admin = fixtures.admin("resetter");
        User user = fixtures.user("resetme");
        Sessions.Session old = Sessions.signIn(user.username, Fixtures.PASSWORD);
        Sessions.Session adminSession = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        adminSession.postForm("/admin/users/" + user.username + "/reset-password", "password", "temporary-pass-8231")
                .then().statusCode(303);
        old.get("/me").then().statusCode(302).header("Location", endsWith("/login"));

        Response signIn = LoginFormTest.signIn(user.username, "temporary-pass-8231");
        signIn.then().statusCode(303).header("Location", endsWith("/me/password"));
        Sessions.Session session = new Sessions.Session(signIn.getCookie("progate-session"));
        // every page leads to the password form, the API refuses, until the password is changed
        for (String page : new String[] {"/", "/me", "/audit", "/approvals"}) {
            session.get(page).then().statusCode(303).header("Location", endsWith("/me/password"));
        }
        session.get("/me/password").then().statusCode(200).body(containsString("An admin has reset your password"));
        given().auth().preemptive().basic(user.username, "temporary-pass-8231").get("/api/v1/me")
                .then().statusCode(403).body("error", containsString("/me/password"));
        String token = session.csrfTokenFrom("/me/password");
        session.request().formParam("progate-csrf", token).formParam("current", "temporary-pass-8231")
                .formParam("password", NEW_PASSWORD).formParam("confirm", NEW_PASSWORD)
                .post("/me/password").then().statusCode(303);
        given().auth().preemptive().basic(user.username, NEW_PASSWORD).get("/api/v1/me").then().statusCode(200);
        assertEquals(1, audits("user.password.reset", user.username, "SUCCESS"));
    }

    @Test
    void disablingRevokesTokensAndEndsSessionsOnTheNextRequest() {
        User admin = fixtures.admin("disabler");
        User user = fixtures.user("disableme");
        String token = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "ci", "scopes", java.util.List.of("read"))).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.get("/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);

        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("enabled", false)).patch("/api/v1/users/" + user.username)
                .then().statusCode(200).body("enabled", equalTo(false));

        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
        session.get("/me").then().statusCode(302).header("Location", endsWith("/login"));
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(401);
        LoginFormTest.signIn(user.username, Fixtures.PASSWORD).then().header("Location", endsWith("/login?error=true"));
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                ApiToken.ownedBy(User.byUsername(user.username).orElseThrow()).stream().allMatch(t -> t.revokedAt != null)));
        assertEquals(1, audits("user.disable", user.username, "SUCCESS"));

        // enabled again: signs in, but the revoked token stays revoked
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("enabled", true)).patch("/api/v1/users/" + user.username).then().statusCode(200);
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void adminDisablesAndEnablesThroughThePage() {
        User admin = fixtures.admin("pagedisabler");
        User user = fixtures.user("pagedisabled");
        Sessions.Session adminSession = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        adminSession.get("/admin/users").then().statusCode(200).body(containsString("/admin/users/" + user.username + "/disable"));
        adminSession.postForm("/admin/users/" + user.username + "/disable").then().statusCode(303);
        assertFalse(reload(user).enabled);
        adminSession.postForm("/admin/users/" + user.username + "/enable").then().statusCode(303);
        assertTrue(reload(user).enabled);
        adminSession.postForm("/admin/users/" + user.username + "/grant-admin").then().statusCode(303);
        assertTrue(reload(user).admin);
        adminSession.postForm("/admin/users/" + user.username + "/revoke-admin").then().statusCode(303);
        assertFalse(reload(user).admin);
    }

    @Test
    void anAdminCannotDisableThemselves() {
        User admin = fixtures.admin("selfdisable");
        given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("enabled", false)).patch("/api/v1/users/" + admin.username)
                .then().statusCode(409).body("error", containsString("your own account"));
        assertTrue(reload(admin).enabled);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
        User last = fixtures.admin("lastadmin");
        User other = fixtures.admin("otheradmin");
        // within one transaction that is rolled back, make 'last' the only enabled admin
        QuarkusTransaction.begin();
        try {
            User.getEntityManager().createNativeQuery("update app_user set enabled = false where admin and id <> ?1")
                    .setParameter(1, last.id).executeUpdate();
            assertEquals(1, AccountService.enabledAdmins());
            assertThrows(ConflictException.class, () -> accounts.setAdmin(last.username, false));
            assertThrows(ConflictException.class, () -> accounts.setEnabled(other.username, last.username, false));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertTrue(reload(last).admin);
        assertTrue(reload(last).enabled);
        assertTrue(AccountService.enabledAdmins() > 1);
    }

    @Test
    void signOutEndsEverySessionOfTheUser() {
        User user = fixtures.user("signout");
        Sessions.Session one = Sessions.signIn(user.username, Fixtures.PASSWORD);
        Sessions.Session two = Sessions.signIn(user.username, Fixtures.PASSWORD);
        String kept = one.cookie();
        one.postForm("/logout").then().statusCode(303);
        two.get("/me").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie("progate-session", kept).get("/me").then().statusCode(302);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeWhateverItsActivity() {
        User user = fixtures.user("lifetime");
        User row = reload(user);
        Duration lifetime = config.session().lifetime();
        assertEquals(Duration.ofHours(12), lifetime);
        String fresh = codec.encode(new SessionCodec.Session(row.id, row.sessionGeneration, Instant.now().minusSeconds(60), "fresh"));
        String old = codec.encode(new SessionCodec.Session(row.id, row.sessionGeneration,
                Instant.now().minus(lifetime).minusSeconds(5), "old"));
        given().redirects().follow(false).cookie("progate-session", fresh).get("/me").then().statusCode(200);
        given().redirects().follow(false).cookie("progate-session", old).get("/me").then().statusCode(302);
        given().redirects().follow(false).cookie("progate-session", "forged" + fresh).get("/me").then().statusCode(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndBoundedInTime() {
        User user = fixtures.user("cookieflags");
        String setCookie = LoginFormTest.signIn(user.username, Fixtures.PASSWORD).getHeaders().getValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("progate-session=")).findFirst().orElse(null);
        assertNotNull(setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertTrue(setCookie.contains("Max-Age=43200"), setCookie);
    }

    @Test
    void newUsersNeedAPasswordOfTwelveCharactersThatIsNotCommon() {
        User admin = fixtures.admin("creator");
        for (String weak : new String[] {"short-pw", "qwertyuiop123", "passwordpassword"}) {
            given().auth().preemptive().basic(admin.username, Fixtures.PASSWORD).contentType("application/json")
                    .body(Map.of("username", Fixtures.unique("weak"), "displayName", "Weak", "email", "w@example.com",
                            "password", weak, "admin", false))
                    .post("/api/v1/users").then().statusCode(400).body("details.field", org.hamcrest.Matchers.hasItem("password"));
        }
    }

    private static long audits(String action, String username, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 and targetId = ?2 and outcome = ?3", action, username,
                io.progate.audit.Outcome.valueOf(outcome)));
    }

    private static String hashOf(User user) {
        return reload(user).passwordHash;
    }

    static User reload(User user) {
        return QuarkusTransaction.requiringNew().call(() -> User.byUsername(user.username).orElseThrow());
    }
}
