package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.request.ReleaseRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The caller's approval queue for automation. */
@Path("/api/v1/approvals")
@RolesAllowed("user")
public class ApprovalsApi {

    @Inject
    RequestViews views;

    @Inject
    CurrentUser currentUser;

    /** Requests waiting for the caller's decision, oldest first. */
    @GET
    public List<RequestView> waiting() {
        return ReleaseRequest.waitingFor(currentUser.get()).stream().map(views::of).toList();
    }

}
