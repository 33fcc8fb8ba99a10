package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * On first start with an empty database, creates the {@code admin} account with the password from
 * {@code PROGATE_ADMIN_PASSWORD}, which must pass the {@link PasswordPolicy} (in dev, the default
 * {@code admin} is accepted and the log says so). Once a user exists the setting is not read again.
 * The prod profile never gets here without one (see the main class).
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN = "admin";

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    /** Called at start-up by {@link io.progate.StartupSeeding}, before anything else seeds data. */
    @Transactional
    public void run() {
        // A concurrent replica may be doing the same; the unique username makes one of them fail cleanly.
        if (User.count() > 0) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank())
                .orElseThrow(() -> new IllegalStateException("PROGATE_ADMIN_PASSWORD is not set"));
        boolean devDefault = LaunchMode.current() == LaunchMode.DEVELOPMENT && "admin".equals(password);
        if (!devDefault) {
            PasswordPolicy.problem(password, ADMIN, config.password().minLength()).ifPresent(problem -> {
                throw new IllegalStateException("PROGATE_ADMIN_PASSWORD is not acceptable: " + problem);
            });
        }
        User admin = new User();
        admin.username = ADMIN;
        admin.displayName = "Administrator";
        admin.email = "admin@localhost";
        admin.passwordHash = Passwords.hash(password);
        admin.admin = true;
        admin.passwordChangedAt = java.time.Instant.now();
        admin.persist();
        audit.record(AuditRecord.of("user.create", "user", ADMIN).actor(AuditLog.SYSTEM)
                .details(Map.of("admin", true, "bootstrap", true)));
        if (devDefault) {
            Log.warn("Created the admin account with the dev default password 'admin'; set PROGATE_ADMIN_PASSWORD to choose another");
        } else {
            Log.info("Created the admin account 'admin' with the password from PROGATE_ADMIN_PASSWORD");
        }
    }
}
