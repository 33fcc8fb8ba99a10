package io.progate.web;

import static org.hamcrest.Matchers.containsString;

import io.progate.account.User;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsrfTest {

    @Inject
    Fixtures fixtures;

    @Test
    void formPostWithoutTokenIsRefused() {
        User user = fixtures.user("csrf");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.get("/me").then().statusCode(200);
        session.request().formParam("name", "sneaky").when().post("/me/tokens").then().statusCode(400);
        session.get("/me").then().body(org.hamcrest.Matchers.not(containsString("sneaky")));
    }

    @Test
    void formPostWithWrongTokenIsRefused() {
        User user = fixtures.user("csrfwrong");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.get("/me").then().statusCode(200);
        session.request().formParam("progate-csrf", "forged").formParam("name", "forged")
                .when().post("/me/tokens").then().statusCode(400);
    }

    @Test
    void formPostWithTokenIsAccepted() {
        User user = fixtures.user("csrfok");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.postForm("/me/tokens", "name", "from-the-page", "scope", "read", "days", "90")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("pgt_"))
                .body(containsString("from-the-page"));
    }

    @Test
    void formThatFailsValidationIsShownAgainWithTheError() {
        User admin = fixtures.admin("csrfadmin");
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        session.postForm("/admin/users", "username", "Bad Name!", "displayName", "Kept Name", "email", "nope", "password", "short")
                .then().statusCode(400)
                .body(containsString("Kept Name"))
                .body(containsString("not an email address"))
                .body(containsString("at least 12 characters"));
    }
}
