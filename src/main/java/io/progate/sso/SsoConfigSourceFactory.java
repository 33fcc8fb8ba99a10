package io.progate.sso;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches Quarkus's OIDC tenant on when, and only when, PROGATE_OIDC_ISSUER is set, and points it at
 * that issuer: with no issuer, dev, tests and the set-up commands run exactly as without single sign-on.
 */
public class SsoConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 275; // above application.properties, below env and system properties

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue issuer = context.getValue("progate.oidc.issuer");
        if (issuer == null || issuer.getValue() == null || issuer.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer.getValue().trim()), "progate-sso", ORDINAL));
    }
}
