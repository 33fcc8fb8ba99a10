package io.progate;

import io.progate.credential.MasterKeyException;
import io.progate.credential.MasterKeys;
import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The settings without which the portal must not start in the prod profile. Dev and test supply
 * safe defaults of their own (embedded database, demo admin password), so they are never refused.
 */
public final class StartupRequirements {

    private StartupRequirements() {
    }

    /** Human-readable reasons, one per missing setting; empty when the portal may start. */
    public static List<String> missing(Config config) {
        // a packaged run is checked unless it asks for another profile
        if (!config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (blank(config.getOptionalValue("quarkus.datasource.jdbc.url", String.class))) {
            missing.add("no database URL (set QUARKUS_DATASOURCE_JDBC_URL, e.g. jdbc:postgresql://db:5432/progate)");
        }
        if (blank(config.getOptionalValue("progate.admin-password", String.class))) {
            missing.add("no admin password (set PROGATE_ADMIN_PASSWORD)");
        }
        masterKeyProblem(config).ifPresent(missing::add);
        return missing;
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
