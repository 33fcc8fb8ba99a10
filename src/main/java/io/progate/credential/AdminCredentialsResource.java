package io.progate.credential;

import io.progate.account.CurrentUser;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The admin page for master keys: which rows sit under which key, and the re-wrap button. */
@Path("/admin/credentials")
@RolesAllowed("admin")
public class AdminCredentialsResource {

    @Inject
    Rewrapper rewrapper;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keys(Rewrapper.Status status);
    }

    @GET
    public TemplateInstance keys() {
        return Templates.keys(rewrapper.status());
    }

    @POST
    @Path("rewrap")
    public Response rewrap() {
        Rewrapper.Report r = rewrapper.rewrapAll(currentUser.get().username);
        String message = "Re-wrapped " + r.rewrapped() + " key(s) under master key '" + r.activeKeyId() + "'; "
                + r.failed() + " failed" + (r.failed() > 0 ? " (ids " + r.failedIds() + ")" : "") + "; "
                + r.remaining() + " still under another master key.";
        return r.failed() == 0 ? Flash.redirect("/admin/credentials", message)
                : Flash.redirectWithError("/admin/credentials", message);
    }
}
