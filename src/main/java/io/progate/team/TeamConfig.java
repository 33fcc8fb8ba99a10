package io.progate.team;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Teams: which PRO account URLs they may point at. */
@ConfigMapping(prefix = "progate.teams")
public interface TeamConfig {

    /** Rules for a team's PRO account URL, checked when it is set and before a key is sent there. */
    ProUrl proUrl();

    interface ProUrl {
        /**
         * Accept URLs whose host resolves to a loopback, private, link-local or otherwise internal address
         * (PROGATE_PRO_ALLOW_PRIVATE): an on-premises PRO, or the built-in sandbox. Off in prod.
         */
        @WithDefault("false")
        boolean allowPrivate();

        /** Accept plain http:// URLs (PROGATE_PRO_ALLOW_HTTP): only for the sandbox or a test PRO. Off in prod. */
        @WithDefault("false")
        boolean allowHttp();
    }
}
