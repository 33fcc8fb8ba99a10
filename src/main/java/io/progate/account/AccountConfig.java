package io.progate.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Accounts and sign-in. */
@ConfigMapping(prefix = "progate")
public interface AccountConfig {

    /** Password of the {@code admin} account created on first start with an empty database (PROGATE_ADMIN_PASSWORD). */
    Optional<String> adminPassword();

    /** Sign-in lock-out. */
    Lockout lockout();

    /** Demo users and team, for the dev profile. */
    Demo demo();

    interface Lockout {
        /** Failed sign-ins in a row that lock an account. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked account stays locked. */
        @WithDefault("PT1M")
        Duration duration();
    }

    interface Demo {
        /** Create demo users and a demo team on first start. */
        @WithDefault("false")
        boolean enabled();
    }
}
