package io.progate.account.auth;

import io.progate.account.AccountConfig;
import io.progate.web.WebPaths;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides who a request comes from, and how an unknown caller is answered.
 * <ul>
 * <li>An {@code Authorization} header, meant for scripts and CI: a personal access token
 * ({@code Bearer pgt_...}) or, unless {@code PROGATE_API_BASIC_AUTH=false}, HTTP Basic. No answer ever
 * asks for Basic, so a browser never holds those credentials; a token does only what its scopes allow.</li>
 * <li>Everywhere, the session cookie ({@link SessionCodec}), checked against the user row on every request.
 * An unreadable, outdated or ended session counts as nobody signed in.</li>
 * </ul>
 * The API answers 401 with a JSON body and a {@code Bearer} challenge, never a {@code Basic} one, so no
 * browser ever shows its password prompt; a throttled sign-in answers 429 with {@code Retry-After}.
 * Pages send the browser to the sign-in page.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    /** Routing-context key: seconds a throttled caller has to wait. */
    static final String RETRY_AFTER = "progate.retryAfterSeconds";
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    @Inject
    SessionCodec sessions;

    @Inject
    AccountConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return fromAuthorization(authorization, context, identities);
        }
        Cookie cookie = context.request().getCookie(SessionCodec.COOKIE);
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        Optional<SessionCodec.Session> session = sessions.decode(cookie.getValue());
        if (session.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionAuthenticationRequest(session.get()), context);
        return identities.authenticate(request).onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    private Uni<SecurityIdentity> fromAuthorization(String header, RoutingContext context, IdentityProviderManager identities) {
        if (startsWith(header, BEARER)) {
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new TokenAuthenticationRequest(header.substring(BEARER.length()).trim()), context));
        }
        if (startsWith(header, BASIC) && config.api().basicAuth()) {
            Optional<String[]> pair = basic(header.substring(BASIC.length()).trim());
            if (pair.isPresent()) {
                UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(pair.get()[0],
                        new PasswordCredential(pair.get()[1].toCharArray()));
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
            }
        }
        return Uni.createFrom().failure(new AuthenticationFailedException());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"ProGate\""));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (isApi(context)) {
            Object retryAfter = context.get(RETRY_AFTER);
            if (retryAfter != null) {
                context.response().setStatusCode(429).putHeader("Retry-After", retryAfter.toString())
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"error\":\"too many failed sign-ins; try again later\",\"details\":[]}");
            } else {
                context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"ProGate\"")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"error\":\"authentication required\",\"details\":[]}");
            }
        } else {
            context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/login").end();
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class,
                SessionAuthenticationRequest.class);
    }

    private static boolean isApi(RoutingContext context) {
        return WebPaths.isApi(context.normalizedPath());
    }

    private static boolean startsWith(String header, String scheme) {
        return header.length() > scheme.length() && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    private static Optional<String[]> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
