package io.progate.account.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A random session-cookie key for this process, used when {@code PROGATE_SESSION_KEY} is not set
 * (see application.properties). Quarkus would otherwise make one itself and print it in its log;
 * this one is never logged. Sessions then do not survive a restart or move between replicas.
 */
public class GeneratedSessionKey implements ConfigSource {

    static final String NAME = "io.progate.generated-session-key";
    private static final String KEY = generate();

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(NAME, KEY);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(NAME);
    }

    @Override
    public String getValue(String propertyName) {
        return NAME.equals(propertyName) ? KEY : null;
    }

    @Override
    public String getName() {
        return "progate-generated-session-key";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
