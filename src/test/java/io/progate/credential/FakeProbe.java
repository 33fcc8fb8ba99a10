package io.progate.credential;

import io.quarkus.test.junit.QuarkusMock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A probe for tests: accepts every scope unless told otherwise, and remembers what it was asked.
 * {@link #install()} makes it the probe the application sees until the current test ends.
 */
class FakeProbe implements CredentialProbe {

    final Map<Scope, Verification.ScopeCheck> failures = new HashMap<>();
    int calls;
    String lastProUrl;

    /** Replaces the real probe (a {@code QuarkusMock}, removed again after the test method). */
    FakeProbe install() {
        QuarkusMock.installMockForType(this, CredentialProbe.class);
        return this;
    }

    FakeProbe refuse(Scope scope, String reason) {
        failures.put(scope, new Verification.ScopeCheck(scope, Verification.Status.REFUSED, reason));
        return this;
    }

    @Override
    public Verification probe(String proUrl, Secret key, Set<Scope> scopes) {
        calls++;
        lastProUrl = proUrl;
        return new Verification(scopes.stream()
                .map(s -> failures.getOrDefault(s, new Verification.ScopeCheck(s, Verification.Status.OK, "ok")))
                .toList());
    }
}
