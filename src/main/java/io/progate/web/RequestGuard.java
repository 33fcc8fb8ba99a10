package io.progate.web;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs first on every request, before authentication and before any body is read:
 * <ul>
 * <li><b>Cross-site refusal.</b> An unsafe request (anything but GET, HEAD, OPTIONS) that a browser says
 * comes from another site ({@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}), or whose
 * {@code Origin} is not the portal's own, answers 403. This covers every form, the sign-in form included,
 * and every script; the CSRF token ({@code io.progate.account.auth.CsrfFilter}) is checked on top.</li>
 * <li><b>Body size where it belongs.</b> Only the publish and task-filing routes take large bodies (up to
 * {@code quarkus.http.limits.max-body-size}); every other route refuses a body announced larger than
 * {@code progate.web.max-body-size} with 413, and a body of unannounced length with 411.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /**
     * The routes that take a package or a task's input: filing a publish or task request (page and API)
     * and the sandbox's PRO publish and task creation.
     */
    static final List<Pattern> PUBLISH_ROUTES = List.of(
            Pattern.compile("^/teams/[^/]+/requests/publish$"),
            Pattern.compile("^/teams/[^/]+/tasks/new$"),
            Pattern.compile("^/sandbox/pro-api/v2/tasks/[^/]+/[^/]+(/[^/]+)?$"),
            Pattern.compile("^/api/v1/teams/[^/]+/requests$"),
            Pattern.compile("^/sandbox/pro-api/v2/applications$"));

    @Inject
    WebConfig config;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method())) {
            context.next();
            return;
        }
        String crossSite = crossSite(request);
        if (crossSite != null) {
            Log.infof("Refused a cross-site %s %s: %s", request.method(), request.path(), crossSite);
            refuse(context, 403, "cross-site requests are not accepted");
            return;
        }
        if (!isPublishRoute(request)) {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
            if (length == null && encoding != null) {
                refuse(context, 411, "send the body with a Content-Length");
                return;
            }
            if (length != null && tooLong(length)) {
                refuse(context, 413, "the body is larger than this address accepts");
                return;
            }
        }
        context.next();
    }

    /** Why the request is cross-site, or null when it is not. */
    String crossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            // the browser's own judgement; a page cannot set this header
            return site.equals("same-origin") || site.equals("none") ? null : "Sec-Fetch-Site: " + site;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        String normalised = normalise(origin);
        if (normalised != null && (normalised.equals(ownOrigin(request)) || trusted(normalised))) {
            return null;
        }
        return "Origin: " + origin;
    }

    private boolean trusted(String origin) {
        return config.trustedOrigins().orElse(List.of()).stream().map(RequestGuard::normalise).anyMatch(origin::equals);
    }

    static boolean isPublishRoute(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return false;
        }
        String path = request.path();
        return PUBLISH_ROUTES.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxBodySize().asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** scheme://host[:port] as this server is addressed (after any trusted forwarded headers). */
    static String ownOrigin(HttpServerRequest request) {
        io.vertx.core.net.HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        return normalise(request.scheme() + "://" + authority.host() + (authority.port() > 0 ? ":" + authority.port() : ""));
    }

    /** Lower-case scheme and host, default port dropped; null when it is no origin. */
    static String normalise(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void refuse(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"error\":\"" + message + "\",\"details\":[]}");
    }
}
