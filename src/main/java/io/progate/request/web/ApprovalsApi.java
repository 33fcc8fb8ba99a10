package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import io.progate.request.ReleaseRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The caller's approval queue for automation. */
@Path("/api/v1/approvals")
@RolesAllowed("user")
public class ApprovalsApi {

    @Inject
    RequestViews views;

    @Inject
    CurrentUser currentUser;

    /** A page of the requests waiting for the caller's decision, oldest first. */
    @GET
    public Response waiting(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageLinks.ok(ReleaseRequest.waitingFor(currentUser.get(), Paging.parse(limit, cursor)), views::of, uri);
    }
}
