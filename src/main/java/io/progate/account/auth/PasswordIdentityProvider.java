package io.progate.account.auth;

import io.progate.account.LoginService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Username and password sent as HTTP Basic to the API (the sign-in form calls {@link LoginService} itself). */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginService logins;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String sourceIp = http == null || http.request().remoteAddress() == null ? null
                : http.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> {
            LoginService.Attempt attempt = logins.signIn(request.getUsername(),
                    new String(request.getPassword().getPassword()), "basic", sourceIp);
            if (attempt.result() == LoginService.Result.THROTTLED && http != null) {
                http.put(PortalAuthentication.RETRY_AFTER, LoginService.seconds(attempt.retryAfter()));
            }
            if (attempt.result() != LoginService.Result.SIGNED_IN) {
                throw new AuthenticationFailedException();
            }
            return Identities.forPassword(attempt.user());
        });
    }
}
