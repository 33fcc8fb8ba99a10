package io.progate.account;

import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The signed-in user's own page: profile and personal access tokens. */
@Path("/me")
@RolesAllowed("user")
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(User user, List<ApiToken> tokens, String newToken, Map<String, String> errors);
    }

    @GET
    public TemplateInstance me() {
        User user = currentUser.get();
        return Templates.me(user, tokens.listFor(user), null, Map.of());
    }

    /** Shows the new token's value on this one answer (no redirect: the value must not travel in a cookie). */
    @POST
    @Path("tokens")
    public Response createToken(@RestForm String name) {
        User user = currentUser.get();
        if (name == null || name.isBlank() || name.length() > 100) {
            return FormErrors.badRequest(Templates.me(user, tokens.listFor(user), null,
                    FormErrors.one("name", "a name of 1 to 100 characters is required")));
        }
        TokenService.Issued issued = tokens.create(user, name.trim(), null);
        String page = Templates.me(user, tokens.listFor(user), issued.value(), Map.of()).render();
        return Response.ok(page, MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Flash.redirect("/me", "Token revoked.");
    }
}
