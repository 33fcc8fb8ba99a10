package io.progate.request;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Lets automation post multipart publish requests to the JSON API. The CSRF filter checks every
 * multipart POST for a token, which a CI pipeline signing in with HTTP Basic or a bearer token has
 * no way to hold. CSRF needs a browser's ambient credentials; a request that carries its own
 * {@code Authorization} header and no session cookie has none, so for exactly those requests under
 * {@code /api/} this handler supplies a fresh matching cookie and header pair before the filter runs.
 */
@ApplicationScoped
public class ApiMultipartCsrf {

    static final String SESSION_COOKIE = "progate-session";
    static final String CSRF_COOKIE = "progate-csrf";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private final SecureRandom random = new SecureRandom();

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(context -> {
            var request = context.request();
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String cookies = request.getHeader(HttpHeaders.COOKIE);
            boolean automation = request.method() == HttpMethod.POST && type != null
                    && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                    && request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    && (cookies == null || !cookies.contains(SESSION_COOKIE + "="));
            if (automation) {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.headers().set(HttpHeaders.COOKIE, CSRF_COOKIE + "=" + token);
                request.headers().set(CSRF_HEADER, token);
            }
            context.next();
        });
    }
}
