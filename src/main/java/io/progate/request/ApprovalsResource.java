package io.progate.request;

import io.progate.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Requests waiting for my decision, oldest first. */
@Path("/approvals")
@RolesAllowed("user")
public class ApprovalsResource {

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReleaseRequest> requests);
    }

    @GET
    public TemplateInstance queue() {
        return Templates.queue(ReleaseRequest.waitingFor(currentUser.get()));
    }
}
