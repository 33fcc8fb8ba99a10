package io.progate.execution;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The execution worker running as in dev and prod: woken by approvals, sweeping every second. */
public class WorkerOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("progate.execution.enabled", "true");
    }
}
