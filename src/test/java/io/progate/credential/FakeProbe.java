package io.progate.credential;

import io.progate.credential.seal.Secret;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.enterprise.inject.Vetoed;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A probe for tests: accepts every scope unless told otherwise, and remembers what it was asked.
 * {@link #install()} makes it the probe the application sees until the current test ends. It extends
 * the real probe only because a mock must have the bean's class; it is no bean itself.
 */
@Vetoed
class FakeProbe extends ProCredentialProbe {

    final Map<Scope, Verification.ScopeCheck> failures = new HashMap<>();
    int calls;
    String lastProUrl;
    private CredentialProbe passTo;

    /** Replaces the real probe (a {@code QuarkusMock}, removed again after the test method). */
    FakeProbe install() {
        QuarkusMock.installMockForType(this, ProCredentialProbe.class);
        return this;
    }

    FakeProbe refuse(Scope scope, String reason) {
        failures.put(scope, new Verification.ScopeCheck(scope, Verification.Status.REFUSED, reason));
        return this;
    }

    /** From now on, hands every call to {@code probe} (the real one, say) instead of answering. */
    void passTo(CredentialProbe probe) {
        passTo = probe;
    }

    @Override
    public Verification probe(String proUrl, Secret key, Set<Scope> scopes) {
        if (passTo != null) {
            return passTo.probe(proUrl, key, scopes);
        }
        calls++;
        lastProUrl = proUrl;
        return new Verification(scopes.stream()
                .map(s -> failures.getOrDefault(s, new Verification.ScopeCheck(s, Verification.Status.OK, "ok")))
                .toList());
    }
}
