package io.progate.credential;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Used while no PRO client is available: every scope is reported as not verifiable. */
@ApplicationScoped
public class UnavailableProbe implements CredentialProbe {

    @Override
    public Verification probe(String proUrl, Secret key, Set<Scope> scopes) {
        return new Verification(scopes.stream()
                .map(scope -> new Verification.ScopeCheck(scope, Verification.Status.UNAVAILABLE,
                        "cannot verify: PRO client unavailable"))
                .toList());
    }
}
