package io.progate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebTest {

    @Inject
    Fixtures fixtures;

    @Test
    void everyPageCarriesSecurityHeaders() {
        given().when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void unknownPageIsAFriendly404WithoutInternals() {
        User user = fixtures.user("web404");
        Sessions.signIn(user.username, Fixtures.PASSWORD).get("/teams/does-not-exist")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Not found"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void apiErrorsAreJsonWithoutInternals() {
        User user = fixtures.user("webapi");
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD)
                .when().get("/api/v1/teams/does-not-exist")
                .then().statusCode(404).contentType(containsString("application/json"))
                .body("error", not(containsString("Exception")))
                .body("details.size()", equalTo(0));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/teams"));
    }

    @Test
    void flashMessageIsShownOnceAfterARedirect() {
        User admin = fixtures.admin("flash");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        String slug = Fixtures.unique("flashteam");
        session.postForm("/admin/teams", "slug", slug, "name", "Flash Team", "proUrl", "https://flash.aimms.cloud")
                .then().statusCode(303).header("Location", containsString("/teams/" + slug));
        session.get("/teams/" + slug).then().statusCode(200).body(containsString("Team Flash Team created"));
        session.get("/teams/" + slug).then().statusCode(200).body(not(containsString("Team Flash Team created")));
    }

    @Test
    void nonAdminOnAnAdminPageGetsA403PageWithTheLayout() {
        User user = fixtures.user("web403");
        for (String page : new String[] {"/admin/users", "/admin/teams"}) {
            Sessions.signIn(user.username, Fixtures.PASSWORD).get(page)
                    .then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(containsString("Forbidden"))
                    .body(containsString(user.displayName))
                    .body(not(containsString("Exception")));
        }
    }
}
