package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.HardenedProfile;
import io.progate.fixtures.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guesses are throttled per user name and per source address; Basic can be switched off. */
@QuarkusTest
@TestProfile(HardenedProfile.class)
class HardenedSignInTest {

    @Inject
    Fixtures fixtures;

    static Response signInFrom(String source, String username, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", source)
                .formParam("username", username).formParam("password", password).post("/login");
    }

    @Test
    void guessesForOneUserNameWaitOnceOverTheLimitKnownOrNot() {
        User user = fixtures.user("throttled");
        String unknown = "nobody-" + user.username;
        for (int i = 0; i < 4; i++) {
            signInFrom("198.51.100." + (10 + i), user.username, "guess-" + i).then().statusCode(303);
            signInFrom("198.51.100." + (20 + i), unknown, "guess-" + i).then().statusCode(303);
        }
        for (String name : new String[] {user.username, unknown}) {
            Response waited = signInFrom("198.51.100.99", name, Fixtures.PASSWORD);
            waited.then().statusCode(429).body(containsString("Try again in"));
            assertTrue(Integer.parseInt(waited.header("Retry-After")) > 0, waited.header("Retry-After"));
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) AuditEvent.getEntityManager()
                .createNativeQuery("select count(*) from audit_event where action = 'login.failure' and target_id = ?1"
                        + " and details ->> 'reason' = 'throttled'")
                .setParameter(1, user.username).getSingleResult()).longValue()));
    }

    @Test
    void guessesFromOneSourceWaitOnceOverTheLimitWhileOtherSourcesGoOn() {
        User victim = fixtures.user("fromsource");
        for (int i = 0; i < 6; i++) {
            signInFrom("203.0.113.7", "sprayed-" + i + "-" + victim.username, "guess").then().statusCode(303);
        }
        Response waited = signInFrom("203.0.113.7", victim.username, Fixtures.PASSWORD);
        waited.then().statusCode(429);
        assertTrue(Integer.parseInt(waited.header("Retry-After")) > 0);
        signInFrom("203.0.113.8", victim.username, Fixtures.PASSWORD).then().statusCode(303).header("Location", endsWith("/"));
    }

    @Test
    void basicAuthenticationCanBeSwitchedOffWhileTokensAndSessionsWork() {
        User user = fixtures.user("nobasic");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.not(containsString("Basic")));
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        String token = session.request().header("X-CSRF-TOKEN", session.csrfToken()).contentType("application/json")
                .body(Map.of("name", "ci", "scopes", java.util.List.of("read"))).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
    }
}
