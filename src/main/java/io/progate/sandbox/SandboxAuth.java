package io.progate.sandbox;

import io.progate.common.Hashes;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Who calls the sandbox: the {@code apikey} header must name an unexpired key (401) with the scope (403). */
@ApplicationScoped
public class SandboxAuth {

    @Inject
    SandboxCaller caller;

    public SandboxKey require(String apiKey, SandboxScope scope) {
        if (apiKey == null || apiKey.isBlank()) {
            throw SandboxException.unauthorized();
        }
        SandboxKey key = SandboxKey.byHash(Hashes.sha256Hex(apiKey.trim()))
                .filter(k -> k.expiresAt.isAfter(Instant.now()))
                .orElseThrow(SandboxException::unauthorized);
        caller.keyName(key.name);
        if (!key.has(scope)) {
            throw SandboxException.forbidden(scope);
        }
        return key;
    }
}
