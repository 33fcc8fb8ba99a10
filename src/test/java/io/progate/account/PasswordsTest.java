package io.progate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** bcrypt checks: right and wrong passwords, and never more at once than the machine has cores. */
class PasswordsTest {

    @Test
    void aBurstOfChecksRunsAtMostOnePerCoreAndEveryAnswerIsRight() throws Exception {
        String hash = Passwords.hash("correct horse battery");
        int cores = Runtime.getRuntime().availableProcessors();
        int callers = cores * 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String attempt = i % 2 == 0 ? "correct horse battery" : "wrong " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return Passwords.matches(attempt, hash);
                }));
            }
            start.countDown();
            for (int i = 0; i < callers; i++) {
                assertEquals(i % 2 == 0, answers.get(i).get(), "answer of caller " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Passwords.mostAtOnce() >= 1, "the checks ran");
        assertTrue(Passwords.mostAtOnce() <= cores, "at most one check per core: " + Passwords.mostAtOnce());
    }

    @Test
    void aMissingPasswordOrHashIsRefused() {
        assertFalse(Passwords.matches(null, Passwords.hash("x-password-1")));
        assertFalse(Passwords.matches("x-password-1", null));
        assertFalse(Passwords.matches("x-password-1", "not a bcrypt hash"));
    }
}
