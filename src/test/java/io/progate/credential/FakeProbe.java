package io.progate.credential;

import io.progate.credential.seal.Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A probe for tests: accepts every scope unless told otherwise, and remembers what it was asked. */
class FakeProbe implements CredentialProbe {

    final Map<Scope, Verification.ScopeCheck> failures = new HashMap<>();
    int calls;
    String lastProUrl;

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
