package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/** The sign-in page (the form posts to Quarkus's {@code j_security_check}) and sign-out. */
@Path("/")
public class LoginResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditLog audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    @GET
    @Path("login")
    public Object login(@RestQuery String error) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(java.net.URI.create("/")).build();
        }
        return Templates.login(error != null);
    }

    @POST
    @Path("logout")
    @Authenticated
    @Transactional
    public Response logout() {
        audit.record(AuditRecord.of("logout", "user", identity.getPrincipal().getName()));
        FormAuthenticationMechanism.logout(identity);
        return Flash.redirect("/login", "You are signed out.");
    }
}
