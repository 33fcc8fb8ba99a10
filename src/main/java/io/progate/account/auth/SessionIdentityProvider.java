package io.progate.account.auth;

import io.progate.account.AccountConfig;
import io.progate.account.User;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Checks a session cookie against the user row on every request: the user exists and is enabled, the
 * session was started at the user's current session generation (sign-out, a password change and
 * disabling raise it), and it is younger than its absolute lifetime. The identity is rebuilt from the
 * row, so a changed admin flag takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    @Inject
    AccountConfig config;

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> load(request.session()));
    }

    @ActivateRequestContext
    SecurityIdentity load(SessionCodec.Session session) {
        Instant now = Instant.now();
        if (!isLive(session, now, config.session().lifetime())) {
            throw new AuthenticationFailedException();
        }
        User user = User.<User>findByIdOptional(session.userId())
                .filter(u -> u.enabled && u.sessionGeneration == session.generation())
                .orElseThrow(AuthenticationFailedException::new);
        return Identities.forSession(user, session.id());
    }

    static boolean isLive(SessionCodec.Session session, Instant now, java.time.Duration lifetime) {
        return !session.issuedAt().isAfter(now.plusSeconds(60)) && session.issuedAt().plus(lifetime).isAfter(now);
    }
}
