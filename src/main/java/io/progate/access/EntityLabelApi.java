package io.progate.access;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @GET
    public List<LabelView> list(@PathParam("slug") String slug) {
        return labels.list(slug, currentUser.get()).stream().map(LabelView::of).toList();
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
