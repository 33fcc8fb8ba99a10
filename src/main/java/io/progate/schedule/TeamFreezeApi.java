package io.progate.schedule;

import io.progate.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A team's freezes for automation: members read them, approvers of the team and admins declare one. */
@Path("/api/v1/teams/{slug}/freezes")
@RolesAllowed("user")
public class TeamFreezeApi {

    @Inject
    FreezeService freezes;

    @Inject
    CurrentUser currentUser;

    /** The team's freezes and those of every team, running or to come. */
    @GET
    public List<FreezeView> ofTeam(@PathParam("slug") String slug) {
        return freezes.ofTeam(slug, currentUser.get()).stream().map(FreezeView::of).toList();
    }

    @POST
    public Response declare(@PathParam("slug") String slug, FreezeService.FreezeInput input) {
        return FreezeApi.created(freezes.declare(slug, currentUser.get(), FreezeApi.required(input)));
    }
}
