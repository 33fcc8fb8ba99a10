package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks passwords (sign-in form and HTTP Basic) and counts failures.
 * <ul>
 * <li>Every attempt that reaches a check runs bcrypt exactly once, against the user's hash or a decoy
 * of the same cost, so unknown, wrong-password, disabled and locked answers take the same time.</li>
 * <li>Failures are counted by one SQL update on the user row, outside the entity's version, so parallel
 * guesses all count; they are counted in a window ({@code progate.lockout.window}) and a success
 * resets nothing, so one source's good sign-ins do not erase another's failures.</li>
 * <li>Guesses past the limits of {@link LoginThrottle} are refused before any check.</li>
 * <li>Every failure is audited (in its own transaction, which nothing rolls back), the password never.</li>
 * </ul>
 */
@ApplicationScoped
public class LoginService {

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    @Inject
    LoginThrottle throttle;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** What became of an attempt. */
    public enum Result {
        SIGNED_IN, REFUSED, THROTTLED
    }

    /** The outcome; {@code user} only when signed in, {@code retryAfter} only when throttled. */
    public record Attempt(Result result, User user, Duration retryAfter) {

        static Attempt refused() {
            return new Attempt(Result.REFUSED, null, null);
        }
    }

    public Attempt signIn(String username, String password, String method, String sourceIp) {
        String name = safeName(username);
        Optional<Duration> wait = throttle.waitFor(sourceIp, name);
        if (wait.isPresent()) {
            fail(name, null, method, sourceIp, "throttled", Map.of("retryAfterSeconds", seconds(wait.get())));
            return new Attempt(Result.THROTTLED, null, wait.get());
        }
        Optional<User> found = QuarkusTransaction.requiringNew().call(() -> User.byUsername(name));
        if (found.isEmpty()) {
            Passwords.burn(password);
            throttle.failed(sourceIp, name);
            fail(name, null, method, sourceIp, "unknown user", Map.of());
            return Attempt.refused();
        }
        User user = found.get();
        boolean matches = Passwords.matches(password, user.passwordHash);
        Instant now = clock.instant();
        if (!user.enabled) {
            throttle.failed(sourceIp, name);
            fail(user.username, user.id, method, sourceIp, "account disabled", Map.of());
            return Attempt.refused();
        }
        if (!matches) {
            throttle.failed(sourceIp, name);
            QuarkusTransaction.requiringNew().run(() -> countFailure(user, method, sourceIp, now));
            return Attempt.refused();
        }
        if (user.isLockedAt(now)) {
            throttle.failed(sourceIp, name);
            fail(user.username, user.id, method, sourceIp, "account locked", Map.of());
            return Attempt.refused();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update app_user set last_login_at = ?1 where id = ?2")
                    .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, user.id)
                    .executeUpdate();
            audit.record(AuditRecord.of("login.success", "user", user.username)
                    .actor(user.username).sourceIp(sourceIp).details(Map.of("method", method)));
        });
        user.lastLoginAt = now;
        return new Attempt(Result.SIGNED_IN, user, null);
    }

    /** One wrong password: counted by a single update that also sets the lock, then audited. */
    private void countFailure(User user, String method, String sourceIp, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime windowStart = at.minus(config.lockout().window());
        OffsetDateTime lockUntil = at.plus(config.lockout().duration());
        String fresh = "(failure_window_start is null or failure_window_start <= ?2)";
        em.createNativeQuery("update app_user set "
                + "locked_until = case when (case when " + fresh + " then 1 else failed_logins + 1 end) >= ?3 "
                + "  then greatest(coalesce(locked_until, ?4), ?4) else locked_until end, "
                + "failed_logins = case when " + fresh + " then 1 else failed_logins + 1 end, "
                + "failure_window_start = case when " + fresh + " then ?1 else failure_window_start end "
                + "where id = ?5")
                .setParameter(1, at).setParameter(2, windowStart).setParameter(3, config.lockout().maxFailures())
                .setParameter(4, lockUntil).setParameter(5, user.id)
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select failed_logins, locked_until from app_user where id = ?1")
                .setParameter(1, user.id).getSingleResult();
        int count = ((Number) row[0]).intValue();
        boolean lockedNow = count >= config.lockout().maxFailures();
        if (count == config.lockout().maxFailures()) {
            Log.warnf("Account %s locked after %d failed sign-ins", user.username, count);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("reason", lockedNow ? "wrong password; account locked" : "wrong password");
        details.put("failures", count);
        audit.record(AuditRecord.of("login.failure", "user", user.username)
                .actor(user.username).sourceIp(sourceIp).failure().details(details));
    }

    private void fail(String name, Long userId, String method, String sourceIp, String reason, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("reason", reason);
        details.putAll(extra);
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of("login.failure", "user", name)
                .actor(name).sourceIp(sourceIp).failure().details(details)));
    }

    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static String safeName(String username) {
        if (username == null) {
            return "";
        }
        String trimmed = username.trim().toLowerCase(java.util.Locale.ROOT);
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }
}
