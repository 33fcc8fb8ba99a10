package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Fixtures;
import io.progate.fixtures.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginFormTest {

    @Inject
    Fixtures fixtures;

    @Test
    void loginPageShowsTheForm() {
        given().when().get("/login")
                .then().statusCode(200)
                .body(containsString("action=\"/login\""))
                .body(containsString("name=\"password\""));
    }

    @Test
    void rightPasswordSignsInWithASecureSessionCookie() {
        User user = fixtures.user("form");
        Response response = signIn(user.username, Fixtures.PASSWORD);
        response.then().statusCode(303).header("Location", endsWith("/"));
        String setCookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("progate-session=")).findFirst().orElse(null);
        assertNotNull(setCookie, "session cookie set");
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);

        given().cookie("progate-session", response.getCookie("progate-session"))
                .when().get("/")
                .then().statusCode(200).body(containsString("Welcome, " + user.displayName));
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAnError() {
        User user = fixtures.user("formbad");
        signIn(user.username, "wrong-password").then().statusCode(303).header("Location", endsWith("/login?error=true"));
        given().when().get("/login?error=true").then().statusCode(200).body(containsString("Sign-in failed"));
    }

    @Test
    void fiveFailuresLockTheAccountForFormAndBasic() {
        User user = fixtures.user("lock");
        for (int i = 0; i < 4; i++) {
            signIn(user.username, "wrong-" + i).then().header("Location", endsWith("/login?error=true"));
        }
        // the fourth failure does not lock yet
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(user.username, "wrong-" + i).when().get("/api/v1/me").then().statusCode(401);
        }
        // locked: the right password is refused too, through either door
        signIn(user.username, Fixtures.PASSWORD).then().header("Location", endsWith("/login?error=true"));
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/me").then().statusCode(401);

        // once the minute has passed the account opens again
        // (the lock columns change only through SQL updates, never through the entity)
        QuarkusTransaction.requiringNew().run(() -> User.getEntityManager()
                .createNativeQuery("update app_user set locked_until = now() - interval '1 second' where username = ?1")
                .setParameter(1, user.username).executeUpdate());
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void adminCanUnlockALockedAccount() {
        User admin = fixtures.admin("unlocker");
        User user = fixtures.user("locked");
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(user.username, "nope").when().get("/api/v1/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/me").then().statusCode(401);
        Sessions.Session session = Sessions.signIn(admin.username, Fixtures.PASSWORD);
        session.postForm("/admin/users/" + user.username + "/unlock").then().statusCode(303);
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).when().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void logoutEndsTheSession() {
        User user = fixtures.user("logout");
        Sessions.Session session = Sessions.signIn(user.username, Fixtures.PASSWORD);
        session.get("/").then().statusCode(200);
        Response out = session.postForm("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login"));
        String cleared = out.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("progate-session=")).findFirst().orElse("");
        assertTrue(cleared.contains("Max-Age=0") || cleared.toLowerCase().contains("expires="), cleared);
    }

    static Response signIn(String username, String password) {
        return Sessions.postLogin(username, password);
    }
}
