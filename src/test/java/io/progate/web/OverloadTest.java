package io.progate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SmallPoolProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A drained connection pool answers 503 with Retry-After (API and pages, token, Basic and session alike),
 * never 500; health keeps answering; a refused write wrote nothing; once connections are free, all is well.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
class OverloadTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDrainedPoolAnswers503WithRetryAfterAndWritesNothing() throws Exception {
        User user = fixtures.user("busy");
        String token = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                .body(Map.of("name", "t", "scopes", List.of("read", "submit"))).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        long tokensBefore = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me/tokens")
                .then().statusCode(200).extract().jsonPath().getList("id").size();

        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < 3) {
                held.add(dataSource.getConnection());
            }
            given().header("Authorization", "Bearer " + token).get("/api/v1/me")
                    .then().statusCode(503).header("Retry-After", equalTo("1")).body("error", containsString("busy"));
            given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).contentType("application/json")
                    .body(Map.of("name", "during", "scopes", List.of("read"))).post("/api/v1/me/tokens")
                    .then().statusCode(503).header("Retry-After", equalTo("1"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        assertEquals(tokensBefore, given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .get("/api/v1/me/tokens").then().statusCode(200).extract().jsonPath().getList("id").size(),
                "the refused token creation stored nothing");
    }

    @Test
    void aConnectionTimeoutAnywhereInTheCauseChainIsOverload() {
        var timeout = new java.sql.SQLException("Acquisition timeout while waiting for new connection");
        var wrapped = new RuntimeException("Unable to acquire JDBC Connection", new IllegalStateException(timeout));
        assertEquals(true, Overload.is(wrapped));
        assertEquals(true, Overload.is(new RuntimeException(new java.sql.SQLException("Sorry, acquisition timeout!"))));
        assertEquals(true, Overload.is(new java.sql.SQLException("connection refused", "08001")));
        assertEquals(false, Overload.is(new java.sql.SQLException("duplicate key", "23505")));
        assertEquals(false, Overload.is(new IllegalStateException("something else")));
    }
}
