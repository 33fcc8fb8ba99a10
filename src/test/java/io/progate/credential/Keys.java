package io.progate.credential;

import static io.restassured.RestAssured.given;

import io.progate.account.User;
import io.progate.support.Fixtures;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** API helpers for credential tests. */
final class Keys {

    private Keys() {
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    static Map<String, Object> body(String label, String key, List<String> scopes, String expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("label", label);
        body.put("key", key);
        body.put("scopes", scopes);
        body.put("expiresAt", expiresAt);
        return body;
    }

    static ValidatableResponse post(User user, String slug, Map<String, Object> body) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .contentType("application/json").body(body)
                .when().post("/api/v1/teams/" + slug + "/credentials").then();
    }

    static long add(User user, String slug, String label, String key, List<String> scopes) {
        return post(user, slug, body(label, key, scopes, inDays(90))).statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    static ValidatableResponse get(User user, String path) {
        return given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get(path).then();
    }
}
