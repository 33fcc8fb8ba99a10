package io.progate.ownership;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.team.TeamService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The app names a team owns and what its apps page shows of other teams' apps; members read, approvers change. */
@Path("/api/v1/teams/{slug}/app-owners")
@RolesAllowed("user")
public class TeamAppOwnersApi {

    @Inject
    OwnershipService ownership;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    /** The team's names, and whether its apps page hides other teams' apps. */
    public record TeamOwners(String team, List<OwnershipService.ClaimView> names, boolean hideOtherApps) {
    }

    /** The body of a change of the apps page's choice. */
    public record ViewInput(Boolean hideOtherApps) {
    }

    @GET
    public TeamOwners get(@PathParam("slug") String slug) {
        List<OwnershipService.ClaimView> names = ownership.ofTeam(slug, currentUser.get());
        return new TeamOwners(slug, names, teams.require(slug, currentUser.get()).hideOtherApps);
    }

    @PUT
    @Path("view")
    public TeamOwners view(@PathParam("slug") String slug, ViewInput input) {
        if (input == null || input.hideOtherApps() == null) {
            throw new InvalidInputException("hideOtherApps", "true (hide other teams' apps) or false (list them read-only)");
        }
        ownership.setHideOtherApps(slug, currentUser.get(), input.hideOtherApps());
        return get(slug);
    }
}
