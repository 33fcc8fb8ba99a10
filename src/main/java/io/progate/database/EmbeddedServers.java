package io.progate.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts and keeps one embedded server per profile for the life of the JVM. The only class that
 * names the embedded server's types: it is on the dev and test class paths, not in the packaged
 * application.
 *
 * <p>The URL is remembered in a system property rather than a static field: dev-mode reloads load
 * this class again in a new class loader, and must find the server the first load started.
 */
final class EmbeddedServers {

    private static EmbeddedPostgres server; // keeps the process referenced

    private EmbeddedServers() {
    }

    /** The JDBC URL of the profile's server, started now if needed; {@code dataDir} null: throwaway. */
    static synchronized String urlFor(String profile, Path dataDir) {
        String key = "io.progate.embedded-postgres." + profile + ".url";
        String known = System.getProperty(key);
        if (known != null) {
            return known;
        }
        server = start(profile, dataDir);
        String url = server.getJdbcUrl("postgres", "postgres");
        System.setProperty(key, url);
        return url;
    }

    private static EmbeddedPostgres start(String profile, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // zonky trades durability for speed by default; a portal's data wants it back
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for profile " + profile, e);
        }
    }
}
