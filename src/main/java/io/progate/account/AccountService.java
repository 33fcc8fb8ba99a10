package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User accounts and their lifecycle. Admins create users, reset passwords (forcing a change at the next
 * sign-in), disable and enable them and grant or take away admin; users change their own password.
 * Disabling revokes the user's tokens and ends their sessions; a password change or reset ends the
 * sessions too. There is always at least one enabled admin, and no admin disables themselves.
 * Admin-only methods rely on the callers' roles.
 */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    AuditLog audit;

    @Inject
    PasswordPolicy policy;

    @Inject
    SessionService sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    EntityManager em;

    /** What an admin fills in for a new user. */
    public record NewUser(String username, String displayName, String email, String password, boolean admin) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    @Transactional
    public User create(NewUser input) {
        String username = input.username() == null ? null : input.username().trim().toLowerCase();
        Validator v = new Validator()
                .require("username", username, "Username")
                .matches("username", username, USERNAME,
                        "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
                .require("displayName", input.displayName(), "Display name")
                .maxLength("displayName", input.displayName(), 200)
                .require("email", input.email(), "Email")
                .matches("email", input.email(), EMAIL, "not an email address")
                .maxLength("email", input.email(), 320);
        PasswordPolicy.problem(input.password(), username, policy.minLength())
                .ifPresent(message -> v.check(false, "password", message));
        v.throwIfInvalid();
        if (User.byUsername(username).isPresent()) {
            throw new ConflictException("user " + username + " exists already");
        }
        User user = new User();
        user.username = username;
        user.displayName = input.displayName().trim();
        user.email = input.email().trim();
        user.passwordHash = Passwords.hash(input.password());
        user.passwordChangedAt = Instant.now();
        user.admin = input.admin();
        user.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", user.displayName);
        details.put("email", user.email);
        details.put("admin", user.admin);
        audit.record(AuditRecord.of("user.create", "user", user.username).details(details));
        return user;
    }

    /**
     * The signed-in user changes their own password: the current one is required, the new one must pass
     * the policy. Every session of the user ends; returns the user with the new session generation, so
     * that the caller can start a fresh session for the browser that made the change.
     */
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public User changeOwnPassword(long userId, String current, String next, String confirm, String sourceIp) {
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> new NotFoundException("no such user"));
        if (throttle.waitFor(sourceIp, user.username).isPresent()) {
            throw new InvalidInputException("current", "too many wrong passwords; try again later");
        }
        if (!Passwords.matches(current, user.passwordHash)) {
            throttle.failed(sourceIp, user.username);
            audit.record(AuditRecord.of("user.password.change", "user", user.username).failure()
                    .details(Map.of("reason", "wrong current password")));
            throw new InvalidInputException("current", "this is not your current password");
        }
        Validator v = new Validator();
        PasswordPolicy.problem(next, user.username, policy.minLength()).ifPresent(m -> v.check(false, "password", m));
        v.check(next != null && next.equals(confirm), "confirm", "the two new passwords differ");
        v.check(next == null || !next.equals(current), "password", "choose a password other than the current one");
        v.throwIfInvalid();
        user.passwordHash = Passwords.hash(next);
        user.mustChangePassword = false;
        user.passwordChangedAt = Instant.now();
        user.sessionGeneration = sessions.endAll(user.id);
        audit.record(AuditRecord.of("user.password.change", "user", user.username));
        return user;
    }

    /** An admin sets a temporary password; the user must change it at the next sign-in. */
    @Transactional
    public User resetPassword(String actor, String username, String temporary) {
        User user = require(username);
        if (user.username.equals(actor)) {
            throw new ConflictException("change your own password on your account page");
        }
        policy.check("password", temporary, user.username);
        user.passwordHash = Passwords.hash(temporary);
        user.mustChangePassword = true;
        user.passwordChangedAt = Instant.now();
        sessions.endAll(user.id);
        clearFailures(user.id);
        audit.record(AuditRecord.of("user.password.reset", "user", user.username)
                .details(Map.of("mustChangePassword", true)));
        return user;
    }

    /** Disables (revoking tokens, ending sessions) or re-enables an account. */
    @Transactional
    public User setEnabled(String actor, String username, boolean enabled) {
        List<User> admins = User.enabledAdminsLocked();
        User user = require(username);
        if (user.enabled == enabled) {
            return user;
        }
        if (!enabled) {
            if (user.username.equals(actor)) {
                throw new ConflictException("you cannot disable your own account");
            }
            refuseLastAdmin(user, admins);
            user.enabled = false;
            int revoked = ApiToken.revokeAllOf(user, Instant.now());
            sessions.endAll(user.id);
            audit.record(AuditRecord.of("user.disable", "user", user.username).details(Map.of("tokensRevoked", revoked)));
        } else {
            user.enabled = true;
            audit.record(AuditRecord.of("user.enable", "user", user.username));
        }
        return user;
    }

    /** Grants or takes away admin; the last enabled admin keeps it. */
    @Transactional
    public User setAdmin(String username, boolean admin) {
        List<User> admins = User.enabledAdminsLocked();
        User user = require(username);
        if (user.admin != admin) {
            if (!admin) {
                refuseLastAdmin(user, admins);
            }
            user.admin = admin;
            audit.record(AuditRecord.of("user.update", "user", user.username).details(Map.of("admin", admin)));
        }
        return user;
    }

    @Transactional
    public void unlock(String username) {
        User user = require(username);
        clearFailures(user.id);
        audit.record(AuditRecord.of("user.unlock", "user", user.username));
    }

    /** Enabled admins; never empty once the portal has started. */
    public static long enabledAdmins() {
        return User.count("admin = true and enabled = true");
    }

    private static void refuseLastAdmin(User user, List<User> enabledAdmins) {
        boolean isEnabledAdmin = user.admin && user.enabled;
        if (isEnabledAdmin && enabledAdmins.stream().filter(a -> !a.id.equals(user.id)).findAny().isEmpty()) {
            throw new ConflictException(user.username + " is the last enabled admin; make another user admin first");
        }
    }

    private void clearFailures(long userId) {
        em.createNativeQuery("update app_user set failed_logins = 0, failure_window_start = null, locked_until = null "
                + "where id = ?1").setParameter(1, userId).executeUpdate();
    }

    private static User require(String username) {
        Optional<User> user = User.byUsername(username);
        return user.orElseThrow(() -> new NotFoundException("no such user"));
    }
}
