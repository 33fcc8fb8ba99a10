package io.progate.web;

import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the portal answers with, in one place: JSON {@code {"error", "details"}} under
 * {@code /api}, an error page elsewhere. Neither ever shows an exception class or stack trace.
 */
public class ErrorMappers {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, HttpServerRequest request) {
        if (isApi(request)) {
            return json(400, new ApiError("invalid input", e.errors()));
        }
        return page(400, "Invalid input", String.join("; ", e.errors().stream().map(Object::toString).toList()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, HttpServerRequest request) {
        return answer(request, 409, "Conflict", e.getMessage());
    }

    /** PRO refused or failed a call made for the user (a task's interrupt or delete, a key rotation). */
    @ServerExceptionMapper
    public Response pro(io.progate.pro.ProException e, HttpServerRequest request) {
        return answer(request, 502, "PRO did not do it", e.getMessage());
    }

    /**
     * Nobody signed in: the API answers 401 with a Bearer challenge (never Basic, which would make a
     * browser prompt for a password and then send it on its own), a page sends the browser to sign in.
     */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        if (isApi(request)) {
            return Response.status(401).header("WWW-Authenticate", "Bearer realm=\"ProGate\"")
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("authentication required")).build();
        }
        return Response.status(302).location(java.net.URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return answer(request, 403, "Forbidden", "you may not do this");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> answer(request, 404, "Not found", "nothing here, or nothing you may see");
            case 403 -> answer(request, 403, "Forbidden", "you may not do this");
            case 405 -> answer(request, 405, "Method not allowed", "this address does not take that method");
            case 415 -> answer(request, 415, "Unsupported media type", "send the documented content type");
            default -> status >= 500 ? unexpected(e, request)
                    : answer(request, status, "Request refused", "the request could not be accepted");
        };
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (Overload.is(e)) {
            Log.warnf("Busy: no database connection for %s %s", request.method(), request.path());
            Response busy = answer(request, 503, "Busy", Overload.MESSAGE);
            return Response.fromResponse(busy).header("Retry-After", Overload.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "Unexpected error %s on %s %s", reference, request.method(), request.path());
        return answer(request, 500, "Something went wrong",
                "an unexpected error occurred; quote reference " + reference + " to your administrator");
    }

    public static Response answer(HttpServerRequest request, int status, String title, String message) {
        return isApi(request) ? json(status, ApiError.of(message)) : page(status, title, message);
    }

    public static boolean isApi(HttpServerRequest request) {
        return WebPaths.answersJson(request.path());
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message).render()).build();
    }
}
