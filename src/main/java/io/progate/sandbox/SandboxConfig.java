package io.progate.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The built-in PRO sandbox, served under {@code /sandbox} (its account URL is {@code <portal>/sandbox}). */
@ConfigMapping(prefix = "progate.sandbox")
public interface SandboxConfig {

    /** Serve the sandbox; on in dev and test, off in prod unless set. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The value of the seeded demo API key (every scope). Set in dev and test so the demo team's
     * credential can be made from it; when unset a random value is generated and never shown.
     */
    Optional<String> demoKey();

    /** How long a new task stays queued before it runs. */
    @WithDefault("PT1S")
    Duration taskQueueTime();

    /** How long a running task takes to complete. */
    @WithDefault("PT3S")
    Duration taskRunTime();

    /** Packages up to this many bytes are kept whole; larger ones only by size and SHA-256. */
    @WithDefault("1048576")
    long keepPackageBytes();
}
