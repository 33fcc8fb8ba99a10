package io.progate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupRequirementsTest {

    private static SmallRyeConfig config(String profile, Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build();
    }

    @Test
    void prodWithoutDatabaseUrlOrAdminPasswordIsRefusedNamingBoth() {
        List<String> missing = StartupRequirements.missing(config("prod", Map.of()));
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(missing.get(1).contains("PROGATE_ADMIN_PASSWORD"));
    }

    @Test
    void prodWithBlankPasswordIsRefused() {
        List<String> missing = StartupRequirements.missing(config("prod", Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/progate",
                "progate.admin-password", "  ")));
        assertEquals(List.of("no admin password (set PROGATE_ADMIN_PASSWORD)"), missing);
    }

    @Test
    void prodWithEverythingStarts() {
        assertEquals(List.of(), StartupRequirements.missing(config("prod", Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/progate",
                "progate.admin-password", "s3cret-enough"))));
    }

    @Test
    void otherProfilesAreNotChecked() {
        assertEquals(List.of(), StartupRequirements.missing(config("dev", Map.of())));
    }
}
