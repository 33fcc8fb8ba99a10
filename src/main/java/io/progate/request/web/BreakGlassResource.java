package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.common.Paging;
import io.progate.request.ReleaseRequest;
import io.progate.web.PageLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Break-glass requests waiting for their review after the fact (the JSON twin is {@link BreakGlassApi}). */
@Path("/break-glass")
@RolesAllowed("user")
public class BreakGlassResource {

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance awaiting(List<ReleaseRequest> requests, String next);
    }

    @GET
    public TemplateInstance awaiting(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Paging.Page<ReleaseRequest> page = ReleaseRequest.awaitingReview(currentUser.get(), Paging.parse(limit, cursor));
        return Templates.awaiting(page.items(), PageLinks.next(uri, page.nextCursor()));
    }
}
