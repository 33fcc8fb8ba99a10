package io.progate.database;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says at start-up which database the portal uses (never with credentials). */
@ApplicationScoped
public class DatabaseStartupLog {

    @Inject
    EmbeddedPostgresConfig config;

    @ConfigProperty(name = EmbeddedPostgresConfigSourceFactory.JDBC_URL)
    String jdbcUrl;

    void onStart(@Observes StartupEvent event) {
        String where = jdbcUrl.replaceAll("\\?.*$", "");
        if (config.enabled() && System.getProperties().values().contains(jdbcUrl)) {
            Log.infof("Using the embedded PostgreSQL at %s", where);
        } else {
            Log.infof("Using PostgreSQL at %s", where);
        }
    }
}
