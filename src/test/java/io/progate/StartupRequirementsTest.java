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
import org.junit.jupiter.api.Test;

class StartupRequirementsTest {

    static final String KEY = "Z7Lq8o2rO6p3mZ8pWbq5c9VYq0m0S3c6m0mXQy8wY0E=";

    static SmallRyeConfig config(String profile, Map<String, String> values) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    static Map<String, String> prodBasics() {
        Map<String, String> values = new HashMap<>();
        values.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/progate");
        values.put("progate.admin-password", "s3cret-admin");
        return values;
    }

    @Test
    void prodWithAValidActiveMasterKeyStarts() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k1");
        assertEquals(List.of(), StartupRequirements.missing(config("prod", values)));
    }

    @Test
    void prodWithoutMasterKeysIsRefusedWithOneReason() {
        List<String> missing = StartupRequirements.missing(config("prod", prodBasics()));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("PROGATE_MASTER_KEYS"), missing.get(0));
    }

    @Test
    void prodWithAWrongLengthKeyIsRefusedWithoutShowingIt() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=c2hvcnQta2V5");
        values.put("progate.credentials.active-master-key", "k1");
        List<String> missing = StartupRequirements.missing(config("prod", values));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("must be 32 bytes"), missing.get(0));
        assertFalse(missing.get(0).contains("c2hvcnQta2V5"));
    }

    @Test
    void prodWithAnUnknownActiveIdIsRefused() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "k1=" + KEY);
        values.put("progate.credentials.active-master-key", "k2");
        List<String> missing = StartupRequirements.missing(config("prod", values));
        assertTrue(missing.get(0).contains("'k2' is not among"), missing.get(0));
        assertFalse(missing.get(0).contains(KEY));
    }

    @Test
    void prodWithUnparsableKeysIsRefused() {
        Map<String, String> values = prodBasics();
        values.put("progate.credentials.master-keys", "garbage");
        values.put("progate.credentials.active-master-key", "k1");
        assertTrue(StartupRequirements.missing(config("prod", values)).get(0).contains("not of the form id=base64"));
    }

    @Test
    void devIsNeverRefused() {
        assertEquals(List.of(), StartupRequirements.missing(config("dev", Map.of())));
    }
}
