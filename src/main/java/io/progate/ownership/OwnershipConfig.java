package io.progate.ownership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** App ownership per team. */
@ConfigMapping(prefix = "progate.ownership")
public interface OwnershipConfig {

    /** Whether a team's publish of a name nobody owns claims it for the team (else only admins assign names). */
    @WithDefault("true")
    boolean claimOnPublish();
}
