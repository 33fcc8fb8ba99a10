package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Creating and changing user accounts (admins only, enforced by the callers' roles). */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    AuditLog audit;

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
        new Validator()
                .require("username", username, "Username")
                .matches("username", username, USERNAME,
                        "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
                .require("displayName", input.displayName(), "Display name")
                .maxLength("displayName", input.displayName(), 200)
                .require("email", input.email(), "Email")
                .matches("email", input.email(), EMAIL, "not an email address")
                .maxLength("email", input.email(), 320)
                .check(input.password() != null && input.password().length() >= Passwords.MIN_LENGTH,
                        "password", "at least " + Passwords.MIN_LENGTH + " characters")
                .throwIfInvalid();
        if (User.byUsername(username).isPresent()) {
            throw new ConflictException("user " + username + " exists already");
        }
        User user = new User();
        user.username = username;
        user.displayName = input.displayName().trim();
        user.email = input.email().trim();
        user.passwordHash = Passwords.hash(input.password());
        user.admin = input.admin();
        user.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", user.displayName);
        details.put("email", user.email);
        details.put("admin", user.admin);
        audit.record(AuditRecord.of("user.create", "user", user.username).details(details));
        return user;
    }

    @Transactional
    public User setAdmin(String username, boolean admin) {
        User user = User.byUsername(username).orElseThrow(() -> new NotFoundException("no such user"));
        if (user.admin != admin) {
            user.admin = admin;
            audit.record(AuditRecord.of("user.update", "user", user.username).details(Map.of("admin", admin)));
        }
        return user;
    }

    @Transactional
    public void unlock(String username) {
        User user = User.byUsername(username).orElseThrow(() -> new NotFoundException("no such user"));
        user.failedLogins = 0;
        user.lockedUntil = null;
        audit.record(AuditRecord.of("user.unlock", "user", user.username));
    }
}
