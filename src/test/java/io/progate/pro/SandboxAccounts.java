package io.progate.pro;

import io.progate.sandbox.SandboxKeys;
import io.progate.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sandbox as a PRO account for tests: the demo key, or keys with chosen scopes and expiry. */
@ApplicationScoped
public class SandboxAccounts {

    public static final String DEMO_KEY = "sandbox-demo-key-0000000000000000";
    public static final String OFFICIAL_VERSION = "24.6.2.9-linux64-x86-vc143";
    public static final String DEV_VERSION = "25.4.0.77-dev-linux64-x86-vc143";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    SandboxKeys keys;

    public String proUrl() {
        return "http://localhost:" + port + "/sandbox";
    }

    public ProAccount demo() {
        return new ProAccount(proUrl(), DEMO_KEY);
    }

    /** A fresh key with just these scopes (wire names), valid for a day. */
    public ProAccount withScopes(ProScope... scopes) {
        return key(Instant.now().plus(Duration.ofDays(1)), scopes);
    }

    /** A key that expired a minute ago, with every scope. */
    public ProAccount expired() {
        return key(Instant.now().minusSeconds(60), ProScope.values());
    }

    private ProAccount key(Instant expiresAt, ProScope... scopes) {
        String value = SandboxKeys.newValue();
        List<String> names = Arrays.stream(scopes).map(ProScope::wireName).toList();
        QuarkusTransaction.requiringNew().run(() -> keys.issue(Fixtures.unique("key"), "demo.user", names, expiresAt, value));
        return new ProAccount(proUrl(), value);
    }

    /** A small package file with recognisable content. */
    public static Path pack(String content) throws java.io.IOException {
        Path file = Files.createTempFile("test-", ".aimmspack");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
