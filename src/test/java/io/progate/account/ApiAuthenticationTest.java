package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.progate.fixtures.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiAuthenticationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void basicAuthenticationAnswersMe() {
        User user = fixtures.user("basic");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo(user.username))
                .body("admin", is(false));
    }

    @Test
    void apiWithoutCredentialsIs401WithJsonBodyAndNoBasicChallenge() {
        var answer = given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(containsString("application/json"))
                .body("error", equalTo("authentication required"))
                .extract();
        // a Basic challenge would make a browser prompt for a password and then send it on its own
        for (String challenge : answer.headers().getValues("WWW-Authenticate")) {
            org.junit.jupiter.api.Assertions.assertFalse(challenge.toLowerCase().contains("basic"), challenge);
        }
        org.junit.jupiter.api.Assertions.assertEquals("Bearer realm=\"ProGate\"", answer.header("WWW-Authenticate"));
    }

    @Test
    void wrongCredentialsOnTheApiGetNoBasicChallengeEither() {
        User user = fixtures.user("nochallenge");
        var answer = given().auth().preemptive().basic(user.username, "not-the-password-at-all")
                .when().get("/api/v1/teams").then().statusCode(401).extract();
        org.junit.jupiter.api.Assertions.assertFalse(
                String.valueOf(answer.header("WWW-Authenticate")).toLowerCase().contains("basic"));
        given().header("Authorization", "Bearer pgt_unknown").when().post("/api/v1/me/tokens")
                .then().statusCode(401).header("WWW-Authenticate", not(containsString("Basic")));
    }

    @Test
    void wrongPasswordIs401() {
        User user = fixtures.user("wrongpw");
        given().auth().preemptive().basic(user.username, "not-the-password")
                .when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void pageWithoutSessionRedirectsToLogin() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(302).header("Location", endsWithLogin());
    }

    @Test
    void nonAdminGets403OnAdminApi() {
        User user = fixtures.user("plain");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/api/v1/users")
                .then().statusCode(403)
                .body("error", not(equalTo(null)));
    }

    @Test
    void bearerTokenIsShownOnceAndWorksUntilRevoked() {
        User user = fixtures.user("bearer");
        var created = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .contentType("application/json").body(Map.of("name", "ci"))
                .when().post("/api/v1/me/tokens")
                .then().statusCode(201).body("token", startsWith("pgt_"))
                .extract();
        String token = created.path("token");
        int id = created.path("id");

        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo(user.username));
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me/tokens")
                .then().statusCode(200)
                .body("name", hasItem("ci"))
                .body("token", not(hasItem(token)));

        given().header("Authorization", "Bearer " + token).when().delete("/api/v1/me/tokens/" + id)
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void unknownBearerTokenIs401() {
        given().header("Authorization", "Bearer pgt_doesnotexist").when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void tokenWithoutNameIsRefusedWithFieldDetails() {
        User user = fixtures.user("tokname");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .contentType("application/json").body(Map.of("name", " "))
                .when().post("/api/v1/me/tokens")
                .then().statusCode(400)
                .body("error", equalTo("invalid input"))
                .body("details.field", hasItem("name"));
    }

    private static org.hamcrest.Matcher<String> endsWithLogin() {
        return org.hamcrest.Matchers.endsWith("/login");
    }

    @Test
    void parallelBasicCallsOfOneUserAllSucceed() throws Exception {
        User user = fixtures.user("parallel");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(() -> given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                        .when().get("/api/v1/me").statusCode()));
            }
            for (var call : calls) {
                org.junit.jupiter.api.Assertions.assertEquals(200, call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
