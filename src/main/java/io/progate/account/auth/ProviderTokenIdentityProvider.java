package io.progate.account.auth;

import io.progate.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepts the identity provider's access tokens on the API: Quarkus's OIDC tenant verifies the token
 * (signature, issuer, expiry), then it stands for the ProGate account with the same subject, which a
 * browser sign-in through {@code /sso} made. A token of someone without such an account, or of a
 * disabled account, is refused; so is every such token while single sign-on is off.
 */
@ApplicationScoped
public class ProviderTokenIdentityProvider implements IdentityProvider<ProviderTokenAuthenticationRequest> {

    @Inject
    TenantIdentityProvider oidc;

    /** On only when PROGATE_OIDC_ISSUER is set (io.progate.sso.SsoConfigSourceFactory). */
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean ssoEnabled;

    @Override
    public Class<ProviderTokenAuthenticationRequest> getRequestType() {
        return ProviderTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ProviderTokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!ssoEnabled) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return oidc.authenticate(new AccessTokenCredential(request.token()))
                .onFailure().transform(e -> new AuthenticationFailedException())
                .flatMap(verified -> context.runBlocking(() -> {
                    String subject = verified.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
                    User user = QuarkusTransaction.requiringNew().call(() -> User.bySsoSubject(subject)
                            .filter(u -> u.enabled).orElse(null));
                    if (user == null) {
                        throw new AuthenticationFailedException();
                    }
                    return Identities.forProviderToken(user);
                }));
    }
}
