package io.progate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupRequirementsTest {

    static final String KEY = "Z7Lq8o2rO6p3mZ8pWbq5c9VYq0m0S3c6m0mXQy8wY0E=";

    static final StartupRequirements.AdminLookup NO_ADMIN = () -> Optional.of(false);
    static final StartupRequirements.AdminLookup HAS_ADMIN = () -> Optional.of(true);
    static final StartupRequirements.AdminLookup UNREACHABLE = Optional::empty;

    static List<String> missing(SmallRyeConfig config) {
        return StartupRequirements.missing(config, NO_ADMIN);
    }

    static SmallRyeConfig config(String profile, Map<String, String> values) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    static Map<String, String> prodBasics() {
        Map<String, String> values = new HashMap<>();
        values.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/progate");
        values.put("progate.admin-password", "first-start-secret-42");
        return values;
    }

    @Test
    void prodWithAValidActiveMasterKeyStarts() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        assertEquals(List.of(), missing(config("prod", values)));
    }

    @Test
    void prodWithoutMasterKeysIsRefusedWithOneReason() {
        List<String> missing = missing(config("prod", prodBasics()));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("PROGATE_MASTER_KEYS"), missing.get(0));
    }

    @Test
    void prodWithAWrongLengthKeyIsRefusedWithoutShowingIt() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=c2hvcnQta2V5");
        values.put("progate.credentials.active-master-key", "k1");
        List<String> missing = missing(config("prod", values));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("must be 32 bytes"), missing.get(0));
        assertFalse(missing.get(0).contains("c2hvcnQta2V5"));
    }

    @Test
    void prodWithAnUnknownActiveIdIsRefused() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k2");
        List<String> missing = missing(config("prod", values));
        assertTrue(missing.get(0).contains("'k2' is not among"), missing.get(0));
        assertFalse(missing.get(0).contains(KEY));
    }

    @Test
    void prodWithUnparsableKeysIsRefused() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "garbage");
        values.put("progate.credentials.active-master-key", "k1");
        assertTrue(missing(config("prod", values)).get(0).contains("not of the form id=base64"));
    }

    @Test
    void devIsNeverRefused() {
        assertEquals(List.of(), missing(config("dev", Map.of())));
    }

    @Test
    void prodWithoutDatabaseUrlOrAdminPasswordIsRefusedNamingBoth() {
        Map<String, String> values = new HashMap<>();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        List<String> missing = missing(config("prod", values));
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(missing.get(1).contains("PROGATE_ADMIN_PASSWORD"));
    }

    @Test
    void prodWithBlankAdminPasswordIsRefused() {
        Map<String, String> values = prodBasics();
        values.put("progate.admin-password", "  ");
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        assertEquals(List.of("no admin password (set PROGATE_ADMIN_PASSWORD): the database has no admin yet"),
                missing(config("prod", values)));
    }

    @Test
    void prodStartsWithoutAnAdminPasswordOnceTheDatabaseHasAnAdmin() {
        Map<String, String> values = prodBasics();
        values.remove("progate.admin-password");
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        assertEquals(List.of(), StartupRequirements.missing(config("prod", values), HAS_ADMIN));
        List<String> unknown = StartupRequirements.missing(config("prod", values), UNREACHABLE);
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).startsWith("no admin password (set PROGATE_ADMIN_PASSWORD)"), unknown.get(0));
    }

    @Test
    void aWeakBootstrapPasswordIsRefusedWhileItWouldBeUsedWithoutShowingIt() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        values.put("progate.admin-password", "changeme");
        List<String> missing = missing(config("prod", values));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("at least 12 characters"), missing.get(0));
        assertFalse(missing.get(0).contains("changeme"));
        values.put("progate.admin-password", "qwertyuiop123456");
        assertTrue(missing(config("prod", values)).get(0).contains("most common"));
        // once an admin exists the setting is not read, weak or not
        assertEquals(List.of(), StartupRequirements.missing(config("prod", values), HAS_ADMIN));
    }

    @Test
    void aMigrationOnlyRunNeedsTheDatabaseUrlAlone() {
        Map<String, String> values = new HashMap<>();
        values.put("quarkus.init-and-exit", "true");
        assertEquals(1, missing(config("prod", values)).size());
        values.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/progate");
        assertEquals(List.of(), missing(config("prod", values)));
    }
}
