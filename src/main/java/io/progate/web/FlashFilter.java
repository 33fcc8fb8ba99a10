package io.progate.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Reads the flash cookie into {@link Flash} and deletes it once a page has shown it. */
public class FlashFilter {

    @Inject
    Flash flash;

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Flash.COOKIE);
        if (cookie != null) {
            flash.load(cookie.getValue());
        }
    }

    @ServerResponseFilter
    public void clear(ContainerRequestContext request, ContainerResponseContext response) {
        boolean shown = request.getCookies().containsKey(Flash.COOKIE) && response.getStatus() < 300;
        if (shown && !response.getHeaders().containsKey("Set-Cookie")) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Flash.COOKIE).value("").path("/").maxAge(0)
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
    }
}
