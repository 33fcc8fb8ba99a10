package io.progate.account;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Personal access tokens ({@code Authorization: Bearer ...}) on {@code /api/**}, and the one place
 * that decides how an unauthenticated caller is answered: the API gets 401 with a JSON body and a
 * Basic challenge, pages a redirect to the sign-in page. Form and Basic sign-in are Quarkus's own.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!isApi(context) || header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(header.substring(BEARER.length()).trim()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"ProGate\", Bearer"));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (isApi(context)) {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"ProGate\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"error\":\"authentication required\",\"details\":[]}");
        } else {
            context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/login").end();
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }

    static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
