package io.progate.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEvent;
import io.progate.fixtures.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Failed sign-ins all count, all leave an audit row, and take as long whatever the reason. */
@QuarkusTest
class SignInGuessingTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LoginService logins;

    @Test
    void twentyParallelWrongPasswordsLockTheAccountAndLeaveTwentyAuditRows() throws Exception {
        User user = fixtures.user("parallelguess");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "wrong-guess-" + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().auth().preemptive().basic(user.username, guess).get("/api/v1/me").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                assertEquals(401, call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        User after = AccountLifecycleTest.reload(user);
        assertTrue(after.isLockedAt(Instant.now()), "locked");
        assertEquals(20, after.failedLogins, "every guess counted");
        assertEquals(20L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'login.failure' and targetId = ?1", user.username)));
        // locked: the right password is refused too
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aSuccessDoesNotResetTheFailureCount() {
        User user = fixtures.user("noreset");
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic(user.username, "wrong-" + i).get("/api/v1/me").then().statusCode(401);
        }
        // the user's own CI signs in fine meanwhile...
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(200);
        // ...which does not wipe out the four failures: the fifth locks
        given().auth().preemptive().basic(user.username, "wrong-5").get("/api/v1/me").then().statusCode(401);
        assertTrue(AccountLifecycleTest.reload(user).isLockedAt(Instant.now()));
        given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void unknownWrongDisabledAndLockedAnswersEachRunBcryptExactlyOnce() {
        User user = fixtures.user("timing");
        User disabled = fixtures.user("timingoff");
        QuarkusTransaction.requiringNew().run(() -> User.update("enabled = false where id = ?1", disabled.id));
        long before = Passwords.verifications();
        assertEquals(LoginService.Result.REFUSED, logins.signIn("nobody-" + user.username, "guess-1", "form", "192.0.2.1").result());
        assertEquals(before + 1, Passwords.verifications(), "unknown user");
        assertEquals(LoginService.Result.REFUSED, logins.signIn(user.username, "guess-2", "form", "192.0.2.1").result());
        assertEquals(before + 2, Passwords.verifications(), "wrong password");
        assertEquals(LoginService.Result.REFUSED, logins.signIn(disabled.username, Fixtures.PASSWORD, "form", "192.0.2.1").result());
        assertEquals(before + 3, Passwords.verifications(), "disabled");
        QuarkusTransaction.requiringNew().run(() -> User.getEntityManager()
                .createNativeQuery("update app_user set locked_until = now() + interval '1 hour' where id = ?1")
                .setParameter(1, user.id).executeUpdate());
        assertEquals(LoginService.Result.REFUSED, logins.signIn(user.username, Fixtures.PASSWORD, "form", "192.0.2.1").result());
        assertEquals(before + 4, Passwords.verifications(), "locked");
    }

    @Test
    void guessesPastTheLimitGet429WithRetryAfterAsJsonOnTheApi() {
        User user = fixtures.user("apithrottle");
        // the test profile allows 25 failures per user name in the window
        for (int i = 0; i < 25; i++) {
            given().auth().preemptive().basic(user.username, "wrong-" + i).get("/api/v1/me").then().statusCode(401);
        }
        var waited = given().auth().preemptive().basic(user.username, Fixtures.PASSWORD).get("/api/v1/me")
                .then().statusCode(429).contentType(org.hamcrest.Matchers.containsString("application/json"))
                .body("error", org.hamcrest.Matchers.containsString("try again later")).extract();
        assertTrue(Integer.parseInt(waited.header("Retry-After")) > 0);
    }

    @Test
    void everyFailureIsAuditedWithItsReasonAndNoPassword() {
        User user = fixtures.user("auditfail");
        LoginFormTest.signIn(user.username, "the-wrong-one-123").then().header("Location", endsWith("/login?error=true"));
        LoginFormTest.signIn("ghost-" + user.username, "the-wrong-one-456");
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = 'login.failure' and (targetId = ?1 or targetId = ?2) order by id", user.username,
                "ghost-" + user.username));
        assertEquals(2, events.size());
        assertTrue(events.get(0).details.contains("wrong password"), events.get(0).details);
        assertTrue(events.get(1).details.contains("unknown user"), events.get(1).details);
        events.forEach(e -> assertTrue(!e.details.contains("the-wrong-one"), "no password in the audit log"));
    }
}
