package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.common.Paging;
import io.progate.request.ReleaseRequest;
import io.progate.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Break-glass requests awaiting review, for automation. */
@Path("/api/v1/break-glass")
@RolesAllowed("user")
public class BreakGlassApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestViews views;

    /** A page of the break-glass requests the caller sees (admins: all) that nobody has reviewed yet, oldest first. */
    @GET
    public Response awaiting(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageLinks.ok(ReleaseRequest.awaitingReview(currentUser.get(), Paging.parse(limit, cursor)), views::of,
                uri);
    }
}
