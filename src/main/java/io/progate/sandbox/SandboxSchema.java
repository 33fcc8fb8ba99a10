package io.progate.sandbox;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * The sandbox's tables exist only where the sandbox is on.
 *
 * <p>Its migrations live in {@code db/sandbox} (V4 and V10, the versions they always had, so a
 * database migrated before they moved validates unchanged). With the sandbox on, Flyway runs them
 * with the portal's own, out of order if the sandbox is switched on for a database that has newer
 * migrations already. With it off, Flyway does not see them, and accepts that an older database lists
 * them as applied (its sandbox tables stay, unused). Hibernate then validates the sandbox's entities
 * only when the sandbox is on ({@link ValidateFilter}).
 */
@Singleton
public class SandboxSchema implements FlywayConfigurationCustomizer {

    static final String LOCATION = "db/sandbox/";
    private static final String TABLE_PREFIX = "sandbox_";

    @Inject
    SandboxConfig config;

    @Override
    public void customize(FluentConfiguration configuration) {
        if (config.enabled()) {
            configuration.outOfOrder(true);
            return;
        }
        Log.info("The PRO sandbox is off: its migrations (db/sandbox) do not run");
        configuration.resourceProvider(new WithoutSandbox(configuration.getResourceProvider()));
        configuration.ignoreMigrationPatterns("*:future", "versioned:missing");
    }

    /** The resources of another provider, less the sandbox's migrations. */
    private record WithoutSandbox(ResourceProvider all) implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            LoadableResource resource = all.getResource(name);
            return resource == null || isSandbox(resource) ? null : resource;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return all.getResources(prefix, suffixes).stream().filter(r -> !isSandbox(r)).toList();
        }

        private static boolean isSandbox(LoadableResource resource) {
            String path = resource.getAbsolutePath().replace('\\', '/');
            return path.startsWith(LOCATION) || path.contains("/" + LOCATION);
        }
    }

    /**
     * Named by {@code hibernate.hbm2ddl.schema_filter_provider}: Hibernate's start-up validation skips
     * the sandbox's tables while the sandbox is off (they are not there on a database that never had it).
     */
    public static class ValidateFilter implements SchemaFilterProvider, SchemaFilter {

        private final boolean sandboxOn = ConfigProvider.getConfig()
                .getOptionalValue("progate.sandbox.enabled", Boolean.class).orElse(false);

        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return sandboxOn || !table.getName().toLowerCase(Locale.ROOT).startsWith(TABLE_PREFIX);
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return true;
        }

        @Override
        public SchemaFilter getCreateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getDropFilter() {
            return this;
        }

        @Override
        public SchemaFilter getTruncatorFilter() {
            return this;
        }

        @Override
        public SchemaFilter getMigrateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getValidateFilter() {
            return this;
        }
    }
}
