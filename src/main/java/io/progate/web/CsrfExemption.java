package io.progate.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paths that are an API authenticated by a header alone, like PRO's (the sandbox's PRO paths, listed
 * by {@link CookieFreePaths} beans): no cookie of the portal's may reach them, and the portal's CSRF
 * check (meant for its own multipart forms) must not refuse a publish. Before anything else reads
 * the request, this strips its cookies and gives it a fresh, matching CSRF cookie and header of its
 * own; the answer sets no cookie either.
 */
public class CsrfExemption {

    private static final SecureRandom RANDOM = new SecureRandom();

    void register(@Observes Filters filters, Instance<CookieFreePaths> exempt,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize) {
        List<String> prefixes = exempt.stream().flatMap(paths -> paths.prefixes().stream()).toList();
        filters.register(context -> {
            String path = context.request().path();
            if (prefixes.stream().anyMatch(path::startsWith)) {
                byte[] bytes = new byte[tokenSize];
                RANDOM.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                context.request().headers().set(HttpHeaders.COOKIE, cookieName + "=" + token);
                context.request().headers().set(headerName, token);
                context.addHeadersEndHandler(v -> {
                    context.response().removeCookie(cookieName, false);
                    context.response().headers().remove(HttpHeaders.SET_COOKIE);
                });
            }
            context.next();
        }, 1000);
    }
}
