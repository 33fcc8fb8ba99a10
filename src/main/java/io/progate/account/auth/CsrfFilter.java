package io.progate.account.auth;

import io.progate.web.ErrorMappers;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection, closed by construction: every unsafe request (POST, PUT, PATCH, DELETE, anything but
 * GET, HEAD, OPTIONS) that carries the session cookie and is authenticated by it, or carries it next to
 * an {@code Authorization} header, must present the session's CSRF token, whatever its content type:
 * in the {@value #HEADER} header (scripts), or, for form and multipart bodies, in the
 * {@value #FIELD} form field. Anything else answers 400 before the resource runs. Only requests without
 * the session cookie (authenticated by their own {@code Authorization} header, or by nobody) are exempt:
 * a browser attaches the cookie on its own, never that header. The token is an HMAC of the session id
 * ({@link SessionCodec#csrfToken}), so it is good for one session only.
 *
 * <p>Cross-site posts are refused earlier still, by origin ({@link io.progate.web.RequestGuard}).
 */
public class CsrfFilter {

    public static final String FIELD = "progate-csrf";
    public static final String HEADER = "X-CSRF-TOKEN";
    private static final String PENDING = "progate.csrf.session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SessionCodec codec;

    @Inject
    SecurityIdentity identity;

    /** Runs before any body is read: decides whether a token is needed and checks the header. */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Optional<Response> beforeBody(ContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        Cookie cookie = routing.request().getCookie(SessionCodec.COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        boolean bySession = Identities.method(identity) == Identities.Method.SESSION;
        boolean withAuthorization = routing.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (!bySession && !withAuthorization) {
            // an unreadable or ended session: the request is anonymous and may do only what anyone may
            return Optional.empty();
        }
        String sessionId = bySession ? Identities.sessionId(identity)
                : codec.decode(cookie.getValue()).map(SessionCodec.Session::id).orElse(null);
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return codec.csrfMatches(sessionId, header) ? Optional.empty() : refuse(routing);
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || (type.getType().equals("multipart") && type.getSubtype().equals("form-data")))) {
            routing.put(PENDING, sessionId == null ? "" : sessionId);
            return Optional.empty();
        }
        return refuse(routing);
    }

    /** Runs once a form or multipart body is read, for the requests {@link #beforeBody} left to it. */
    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> afterFormRead(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String sessionId = routing.get(PENDING);
        if (sessionId == null) {
            return Optional.empty();
        }
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(FIELD, true, false);
        String token = value instanceof String s ? s : null;
        return codec.csrfMatches(sessionId, token) ? Optional.empty() : refuse(routing);
    }

    private static Optional<Response> refuse(RoutingContext routing) {
        return Optional.of(ErrorMappers.answer(routing.request(), 400, "Request refused",
                "the form or call is missing its CSRF token, or the token is not this session's; reload the page and try again"));
    }
}
