package io.progate.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A connection pool of three that gives up waiting after half a second, so a test can drain it. */
public class SmallPoolProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.min-size", "0",
                "quarkus.datasource.jdbc.acquisition-timeout", "PT0.5S");
    }
}
