package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Checks passwords and keeps the failed-attempt count that locks an account. */
@ApplicationScoped
public class LoginService {

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /**
     * @return the user when the password is right and the account is not locked; empty otherwise.
     *     Every outcome is audited; the password never is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<User> check(String username, String password, String method) {
        return check(username, password, method, null);
    }

    /** The same, recording the address the attempt came from (sign-in runs outside the request's context). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<User> check(String username, String password, String method, String sourceIp) {
        Instant now = clock.instant();
        Optional<User> found = User.byUsername(username);
        if (found.isEmpty()) {
            Passwords.burn(password);
            audit.record(AuditRecord.of("login.failure", "user", safeName(username))
                    .actor(safeName(username)).sourceIp(sourceIp).failure()
                    .details(Map.of("method", method, "reason", "unknown user")));
            return Optional.empty();
        }
        User user = found.get();
        if (user.isLockedAt(now)) {
            audit.record(AuditRecord.of("login.failure", "user", user.username)
                    .actor(user.username).sourceIp(sourceIp).failure()
                    .details(Map.of("method", method, "reason", "account locked")));
            return Optional.empty();
        }
        if (!Passwords.matches(password, user.passwordHash)) {
            user.failedLogins++;
            String reason = "wrong password";
            if (user.failedLogins >= config.lockout().maxFailures()) {
                user.lockedUntil = now.plus(config.lockout().duration());
                user.failedLogins = 0;
                reason = "wrong password; account locked";
                Log.warnf("Account %s locked after %d failed sign-ins", user.username, config.lockout().maxFailures());
            }
            audit.record(AuditRecord.of("login.failure", "user", user.username)
                    .actor(user.username).sourceIp(sourceIp).failure()
                    .details(Map.of("method", method, "reason", reason)));
            return Optional.empty();
        }
        // A bulk update, not a versioned entity change: parallel API calls of one user (HTTP Basic
        // signs in on every request) must not fail each other on the row's version.
        User.update("failedLogins = 0, lockedUntil = null, lastLoginAt = ?1 where id = ?2", now, user.id);
        audit.record(AuditRecord.of("login.success", "user", user.username)
                .actor(user.username).sourceIp(sourceIp).details(Map.of("method", method)));
        return Optional.of(user);
    }

    private static String safeName(String username) {
        if (username == null) {
            return "";
        }
        String trimmed = username.trim();
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }
}
