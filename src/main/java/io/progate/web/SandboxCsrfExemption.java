package io.progate.web;

import io.progate.sandbox.SandboxPaths;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox's PRO paths are an API authenticated by the {@code apikey} header alone, like PRO:
 * no cookie of the portal's may reach them, and the portal's CSRF check (meant for its own
 * multipart forms) must not refuse a publish. Before anything else reads the request, this strips
 * its cookies and gives it a fresh, matching CSRF cookie and header of its own; the answer sets
 * no cookie either.
 */
public class SandboxCsrfExemption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PRO_API = SandboxPaths.ACCOUNT + SandboxPaths.PRO_API + "/";
    private static final String USER_MANAGER = SandboxPaths.ACCOUNT + SandboxPaths.USER_MANAGER + "/";

    void register(@Observes Filters filters,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize) {
        filters.register(context -> {
            String path = context.request().path();
            if (path.startsWith(PRO_API) || path.startsWith(USER_MANAGER)) {
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
