package io.progate.team;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** Teams and members for automation. Reading is for members; changing is for admins. */
@Path("/api/v1/teams")
@RolesAllowed("user")
public class TeamApi {

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    public record MemberView(String username, String displayName, String role) {
    }

    public record TeamView(String slug, String name, String proUrl, List<MemberView> members) {

        static TeamView of(Team team, boolean withMembers) {
            List<MemberView> members = withMembers
                    ? Membership.ofTeam(team).stream()
                            .map(m -> new MemberView(m.user.username, m.user.displayName, m.role.name())).toList()
                    : null;
            return new TeamView(team.slug, team.name, team.proUrl, members);
        }
    }

    public record RoleInput(String role) {
    }

    /** A page of the teams the caller sees, by name: {@code limit} (50, at most 500) after {@code cursor}. */
    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        User user = currentUser.get();
        return PageLinks.ok(Team.page(user.admin ? null : user, Paging.parse(limit, cursor)),
                page -> page.stream().map(t -> TeamView.of(t, false)).toList(), uri);
    }

    @POST
    @RolesAllowed("admin")
    public Response create(TeamService.TeamInput input) {
        Team team = teams.create(input == null ? new TeamService.TeamInput(null, null, null) : input);
        return Response.created(URI.create("/api/v1/teams/" + team.slug)).entity(TeamView.of(team, true)).build();
    }

    @GET
    @Path("{slug}")
    public TeamView get(@PathParam("slug") String slug) {
        return TeamView.of(teams.require(slug, currentUser.get()), true);
    }

    @PATCH
    @Path("{slug}")
    @RolesAllowed("admin")
    public TeamView update(@PathParam("slug") String slug, TeamService.TeamInput changes) {
        if (changes == null) {
            throw new InvalidInputException("body", "a JSON object with name and/or proUrl is required");
        }
        return TeamView.of(teams.update(slug, changes), true);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("slug") String slug) {
        teams.delete(slug);
        return Response.noContent().build();
    }

    @PUT
    @Path("{slug}/members/{username}")
    @RolesAllowed("admin")
    public MemberView putMember(@PathParam("slug") String slug, @PathParam("username") String username, RoleInput input) {
        Membership m = teams.setMember(slug, username, parseRole(input));
        return new MemberView(m.user.username, m.user.displayName, m.role.name());
    }

    @DELETE
    @Path("{slug}/members/{username}")
    @RolesAllowed("admin")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("username") String username) {
        teams.removeMember(slug, username);
        return Response.noContent().build();
    }

    static TeamRole parseRole(RoleInput input) {
        try {
            return TeamRole.valueOf(input == null || input.role() == null ? "" : input.role().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "MEMBER or APPROVER");
        }
    }
}
