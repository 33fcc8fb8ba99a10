package io.progate.credential;

import io.progate.credential.seal.Secret;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Set;

/** In tests, the probe the service sees: the real one unless a test installs a fake for its duration. */
@Alternative
@Priority(1)
@ApplicationScoped
public class SwitchableProbe implements CredentialProbe {

    private static volatile CredentialProbe override;

    @Inject
    ProCredentialProbe real;

    static void use(CredentialProbe probe) {
        override = probe;
    }

    static void reset() {
        override = null;
    }

    @Override
    public Verification probe(String proUrl, Secret key, Set<Scope> scopes) {
        CredentialProbe current = override;
        return (current != null ? current : real).probe(proUrl, key, scopes);
    }
}
