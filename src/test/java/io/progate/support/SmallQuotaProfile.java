package io.progate.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A 3 MiB quota for the packages of a team's pending requests (test packages are at most 2 MiB). */
public class SmallQuotaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("progate.quota.pending-packages", "3M");
    }
}
