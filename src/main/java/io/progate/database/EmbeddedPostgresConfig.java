package io.progate.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The embedded PostgreSQL of the dev and test profiles. Read early by
 * {@link EmbeddedPostgresConfigSourceFactory}; mapped here so the keys are documented and checked.
 */
@ConfigMapping(prefix = "progate.embedded-postgres")
public interface EmbeddedPostgresConfig {

    /** Start an embedded server when no JDBC URL is configured (dev and test only). */
    @WithDefault("true")
    boolean enabled();

    /** Data folder of the dev server; defaults to {@code .progate-dev/pgdata}. */
    Optional<String> dataDir();
}
