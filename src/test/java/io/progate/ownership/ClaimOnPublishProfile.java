package io.progate.ownership;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** App ownership as deployed: a team's first publish of a name nobody owns claims it. */
public class ClaimOnPublishProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("progate.ownership.claim-on-publish", "true");
    }
}
