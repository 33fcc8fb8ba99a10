package io.progate.account;

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

/** Username and password, for the sign-in form and for HTTP Basic on the API. */
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
        String method = request.getAttribute("quarkus.http.auth.mechanism") instanceof String s ? s : "password";
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String sourceIp = http == null || http.request().remoteAddress() == null ? null
                : http.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> logins
                .check(request.getUsername(), new String(request.getPassword().getPassword()), method, sourceIp)
                .map(Identities::of)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
