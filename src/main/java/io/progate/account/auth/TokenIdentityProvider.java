package io.progate.account.auth;

import io.progate.account.TokenService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a personal access token into the identity of the user who owns it, narrowed to its scopes. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** A token resolved a moment ago answers at once; any other goes to a worker thread, as it may read and write. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        var warm = tokens.fromMemory(request.token());
        if (warm.isPresent()) {
            return Uni.createFrom().item(Identities.forToken(warm.get()));
        }
        return context.runBlocking(() -> tokens.authenticate(request.token())
                .map(Identities::forToken)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
