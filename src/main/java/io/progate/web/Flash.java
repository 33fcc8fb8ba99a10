package io.progate.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-shot message carried across a Post/Redirect/Get in a short-lived cookie (the portal keeps no
 * server session). The layout alone renders it, as {@code inject:flash}.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "progate-flash";

    private String message;
    private boolean error;

    /** A 303 to {@code path} that shows {@code message} on the next page. */
    public static Response redirect(String path, String message) {
        return redirect(path, message, false);
    }

    /** Same, shown as an error. */
    public static Response redirectWithError(String path, String message) {
        return redirect(path, message, true);
    }

    private static Response redirect(String path, String message, boolean error) {
        String value = (error ? "e:" : "i:") + URLEncoder.encode(message, StandardCharsets.UTF_8);
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(60).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(path)).cookie(cookie).build();
    }

    void load(String cookieValue) {
        if (cookieValue == null || cookieValue.length() < 2) {
            return;
        }
        error = cookieValue.startsWith("e:");
        message = URLDecoder.decode(cookieValue.substring(2), StandardCharsets.UTF_8);
    }

    public String getMessage() {
        return message;
    }

    public boolean isError() {
        return error;
    }

    public boolean isPresent() {
        return message != null && !message.isBlank();
    }
}
