package io.progate;

import io.progate.account.PasswordPolicy;
import io.progate.credential.seal.MasterKeyException;
import io.progate.credential.seal.MasterKeys;
import io.smallrye.config.SmallRyeConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * The settings without which the portal must not start in the prod profile. Dev and test supply
 * safe defaults of their own (embedded database, demo admin password), so they are never refused.
 *
 * <p>The admin password is needed only while the database has no admin (the first start with an empty
 * database creates the {@code admin} account with it); it must then pass the password policy. Once an
 * admin exists the setting is not read, and the portal starts without it. A migration-only run
 * ({@code quarkus.init-and-exit=true}) needs the database URL alone.
 */
public final class StartupRequirements {

    static final String NO_ADMIN_PASSWORD = "no admin password (set PROGATE_ADMIN_PASSWORD)";

    /** Whether the database already has an admin: true, false, or empty when it cannot be asked. */
    @FunctionalInterface
    public interface AdminLookup {
        Optional<Boolean> hasAdmin();
    }

    private StartupRequirements() {
    }

    /** Human-readable reasons, one per missing setting; empty when the portal may start. */
    public static List<String> missing(Config config) {
        return missing(config, () -> hasAdmin(config));
    }

    public static List<String> missing(Config config, AdminLookup admins) {
        // a packaged run is checked unless it asks for another profile
        if (!config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        boolean noDatabase = blank(config.getOptionalValue("quarkus.datasource.jdbc.url", String.class));
        if (noDatabase) {
            missing.add("no database URL (set QUARKUS_DATASOURCE_JDBC_URL, e.g. jdbc:postgresql://db:5432/progate)");
        }
        if (config.getOptionalValue("quarkus.init-and-exit", Boolean.class).orElse(false)) {
            return missing;
        }
        Optional<String> password = config.getOptionalValue("progate.admin-password", String.class).filter(p -> !p.isBlank());
        Optional<Boolean> hasAdmin = noDatabase ? Optional.empty() : admins.hasAdmin();
        if (!hasAdmin.orElse(false)) {
            if (password.isEmpty()) {
                missing.add(noDatabase ? NO_ADMIN_PASSWORD
                        : NO_ADMIN_PASSWORD + ": the database has " + (hasAdmin.isPresent() ? "no admin yet" : "not been checked for an admin (unreachable)"));
            } else {
                int minLength = config.getOptionalValue("progate.password.min-length", Integer.class).orElse(12);
                PasswordPolicy.problem(password.get(), "admin", minLength).ifPresent(problem ->
                        missing.add("PROGATE_ADMIN_PASSWORD is not acceptable: " + problem));
            }
        }
        masterKeyProblem(config).ifPresent(missing::add);
        return missing;
    }

    /** Asks the configured database whether an admin exists; empty when it cannot be reached. */
    static Optional<Boolean> hasAdmin(Config config) {
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("");
        Properties props = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> props.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        try (Connection connection = new org.postgresql.Driver().connect(url, props)) {
            if (connection == null) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement()) {
                try (ResultSet table = statement.executeQuery("select to_regclass('app_user') is not null")) {
                    if (!table.next() || !table.getBoolean(1)) {
                        return Optional.of(false);
                    }
                }
                try (ResultSet admins = statement.executeQuery("select exists (select 1 from app_user where admin)")) {
                    return Optional.of(admins.next() && admins.getBoolean(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Missing, unparsable, wrong-length or inactive master keys; the reason never shows key material. */
    static Optional<String> masterKeyProblem(Config config) {
        try {
            MasterKeys.parse(config.getOptionalValue("progate.credentials.master-keys", String.class).orElse(null),
                    config.getOptionalValue("progate.credentials.active-master-key", String.class).orElse(null));
            return Optional.empty();
        } catch (MasterKeyException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
