package io.progate.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
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
 * The prod profile never starts anything here, and the packaged application does not even carry
 * the embedded server (a {@code provided} dependency): this class names none of its types, only
 * {@link EmbeddedServers} does, and only dev and test reach it.
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
        Path dataDir = null;
        if ("dev".equals(profile)) {
            ConfigValue dir = context.getValue("progate.embedded-postgres.data-dir");
            dataDir = Path.of(isConfigured(dir) ? dir.getValue() : ".progate-dev/pgdata").toAbsolutePath();
        }
        String url = EmbeddedServers.urlFor(profile, dataDir);
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
}
