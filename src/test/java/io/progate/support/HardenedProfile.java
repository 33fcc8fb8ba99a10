package io.progate.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Settings as a production deployment might harden them, with small limits so that tests reach them:
 * HTTP Basic off on the API, PRO URLs https-only and never internal, low sign-in throttles.
 */
public class HardenedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "progate.api.basic-auth", "false",
                "progate.teams.pro-url.allow-private", "false",
                "progate.teams.pro-url.allow-http", "false",
                "progate.throttle.per-source", "6",
                "progate.throttle.per-username", "4");
    }
}
