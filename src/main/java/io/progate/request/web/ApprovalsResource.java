package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestType;
import io.progate.team.PolicyChange;
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

    @Inject
    RequestViews views;

    /** A waiting POLICY request with its old and new policy, shown side by side. */
    public record PolicyRequest(ReleaseRequest request, PolicyChange change) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReleaseRequest> requests, List<PolicyRequest> policies);
    }

    @GET
    public TemplateInstance queue() {
        List<ReleaseRequest> waiting = ReleaseRequest.waitingFor(currentUser.get());
        return Templates.queue(waiting, waiting.stream().filter(r -> r.type == RequestType.POLICY)
                .map(r -> new PolicyRequest(r, views.policyChange(r))).toList());
    }
}
