package io.progate.account.auth;

import io.progate.account.ApiScopes;
import io.progate.account.MeResource;
import io.progate.account.TokenScope;
import io.progate.web.ErrorMappers;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Two checks on every call, after authentication and before the resource (and before any body is read):
 * a personal access token needs the scope the call asks for ({@link ApiScopes}); and a user whose password
 * an admin reset does nothing until they have chosen a new one (pages lead to the password form, the API
 * answers 403).
 */
public class AccessFilters {

    private static final Set<String> ALLOWED_BEFORE_CHANGE = Set.of(MeResource.PASSWORD_PAGE, "/logout");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION - 10)
    public Optional<Response> tokenScope(ContainerRequestContext request, RoutingContext routing) {
        Set<TokenScope> scopes = Identities.tokenScopes(identity);
        if (scopes == null) {
            return Optional.empty();
        }
        return ApiScopes.refusal(request.getMethod(), routing.normalizedPath(), scopes)
                .map(why -> ErrorMappers.answer(routing.request(), 403, "Forbidden", why));
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION - 5)
    public Optional<Response> passwordChange(ContainerRequestContext request, RoutingContext routing) {
        if (!Identities.mustChangePassword(identity) || ALLOWED_BEFORE_CHANGE.contains(routing.normalizedPath())) {
            return Optional.empty();
        }
        if (ErrorMappers.isApi(routing.request())) {
            return Optional.of(ErrorMappers.answer(routing.request(), 403, "Forbidden",
                    "an admin reset your password: choose a new one at /me/password first"));
        }
        return Optional.of(Response.seeOther(URI.create(MeResource.PASSWORD_PAGE)).build());
    }
}
