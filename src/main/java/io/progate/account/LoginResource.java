package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.web.Flash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sign-in page and form, and sign-out. A successful sign-in starts a session (cookie); sign-out
 * ends every session of the user. The form is guarded against cross-site posts by the origin check of
 * {@link CsrfFilter} (login CSRF); it has no session to bind a token to yet.
 */
@Path("/")
public class LoginResource {

    /** Where sign-out of an account made by single sign-on goes on, to the provider's sign-out ({@code SsoResource}). */
    static final String PROVIDER_SIGN_OUT = "/signed-out/provider";

    @Inject
    SecurityIdentity identity;

    @Inject
    LoginService logins;

    @Inject
    SessionService sessions;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, long retryAfter);
    }

    @GET
    @Path("login")
    public Object login(@RestQuery String error) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Templates.login(error != null, 0);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password, HttpServerRequest request) {
        String sourceIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        LoginService.Attempt attempt = logins.signIn(username, password, "form", sourceIp);
        switch (attempt.result()) {
            case SIGNED_IN:
                User user = attempt.user();
                return Response.seeOther(URI.create(user.mustChangePassword ? MeResource.PASSWORD_PAGE : "/"))
                        .cookie(sessions.start(user, isSecure(request))).build();
            case THROTTLED:
                long seconds = LoginService.seconds(attempt.retryAfter());
                return Response.status(429).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", seconds)
                        .entity(Templates.login(true, seconds).render()).build();
            default:
                return Response.seeOther(URI.create("/login?error=true")).build();
        }
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(HttpServerRequest request) {
        String name = identity.getPrincipal().getName();
        QuarkusTransaction.requiringNew().run(() -> {
            currentUser.find().ifPresent(user -> sessions.endAll(user.id));
            audit.record(AuditRecord.of("logout", "user", name));
        });
        boolean viaProvider = currentUser.find().map(User::isSso).orElse(false);
        Response redirect = viaProvider ? Response.seeOther(URI.create(PROVIDER_SIGN_OUT)).build()
                : Flash.redirect("/login", "You are signed out.");
        return Response.fromResponse(redirect).cookie(sessions.cleared(isSecure(request))).build();
    }

    static boolean isSecure(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }
}
