package io.progate.access;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** A team's labels for PRO entity ids: members read them, approvers of the team and admins change them. */
@Path("/api/v1/teams/{slug}/entity-labels")
@RolesAllowed("user")
public class EntityLabelApi {

    @Inject
    EntityLabelService labels;

    @Inject
    CurrentUser currentUser;

    public record LabelView(long entityId, String label, String updatedBy, Instant updatedAt) {

        static LabelView of(EntityLabel l) {
            return new LabelView(l.entityId, l.label, l.updatedBy, l.updatedAt);
        }
    }

    public record LabelInput(String label) {
    }

    /** A page of the team's labels by entity id: {@code limit} (50, at most 500) after {@code cursor} (an entity id). */
    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageLinks.ok(labels.page(slug, currentUser.get(), Paging.parse(limit, cursor)),
                page -> page.stream().map(LabelView::of).toList(), uri);
    }

    @PUT
    @Path("{entityId}")
    public LabelView set(@PathParam("slug") String slug, @PathParam("entityId") long entityId, LabelInput input) {
        if (input == null) {
            throw new InvalidInputException("label", "a JSON object {\"label\": ...} is required");
        }
        return LabelView.of(labels.set(slug, currentUser.get(), entityId, input.label()));
    }

    @DELETE
    @Path("{entityId}")
    public void remove(@PathParam("slug") String slug, @PathParam("entityId") long entityId) {
        labels.remove(slug, currentUser.get(), entityId);
    }
}
