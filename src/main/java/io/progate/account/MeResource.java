package io.progate.account;

import io.progate.account.auth.Identities;
import io.progate.common.InvalidInputException;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The signed-in user's own page: profile, password and personal access tokens. */
@Path("/me")
@RolesAllowed("user")
public class MeResource {

    public static final String PASSWORD_PAGE = "/me/password";
    /** Lifetimes offered on the token form, in days. */
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 180, 365);

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    PasswordPolicy policy;

    @Inject
    SecurityIdentity identity;

    /** What the token form sends back when it has to be shown again. */
    public record TokenForm(String name, List<String> scopes, int days) {
        static final TokenForm DEFAULT = new TokenForm("", List.of("read", "submit"), 90);

        public boolean has(String scope) {
            return scopes.contains(scope);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(User user, List<ApiToken> tokens, String newToken, TokenForm form,
                List<Integer> lifetimes, Instant now, Map<String, String> errors);

        static native TemplateInstance password(User user, int minLength, Map<String, String> errors);
    }

    @GET
    public TemplateInstance me() {
        return page(currentUser.get(), null, TokenForm.DEFAULT, Map.of());
    }

    /** Shows the new token's value on this one answer (no redirect: the value must not travel in a cookie). */
    @POST
    @Path("tokens")
    public Response createToken(@RestForm String name, @RestForm("scope") List<String> scopes, @RestForm Integer days) {
        User user = currentUser.get();
        int lifetime = days == null ? 90 : days;
        TokenForm form = new TokenForm(name, scopes == null ? List.of() : scopes, lifetime);
        try {
            if (!LIFETIMES.contains(lifetime)) {
                throw new InvalidInputException("days", "choose one of the offered lifetimes");
            }
            TokenService.Issued issued = tokens.create(user, Identities.method(identity), new TokenService.Request(name,
                    TokenService.parseScopes(form.scopes()), Instant.now().plus(lifetime, ChronoUnit.DAYS)));
            String page = page(user, issued.value(), TokenForm.DEFAULT, Map.of()).render();
            return Response.ok(page, MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(user, null, form, FormErrors.of(e)));
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id, null);
        return Flash.redirect("/me", "Token revoked.");
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(currentUser.get(), policy.minLength(), Map.of());
    }

    /** Changes the password; the other sessions end, this browser gets a fresh one. */
    @POST
    @Path("password")
    public Response changePassword(@RestForm String current, @RestForm String password, @RestForm String confirm,
            HttpServerRequest request) {
        User user = currentUser.get();
        String sourceIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        try {
            User changed = accounts.changeOwnPassword(user.id, current, password, confirm, sourceIp);
            Response redirect = Flash.redirect("/me", "Password changed. Your other sessions have ended.");
            return Response.fromResponse(redirect).cookie(sessions.start(changed, LoginResource.isSecure(request))).build();
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.password(user, policy.minLength(), FormErrors.of(e)));
        }
    }

    private TemplateInstance page(User user, String newToken, TokenForm form, Map<String, String> errors) {
        return Templates.me(user, tokens.listFor(user), newToken, form, LIFETIMES, Instant.now(), errors);
    }
}
