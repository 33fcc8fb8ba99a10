package io.progate.team;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A team's page: its members, and for admins the forms that change them. */
@Path("/teams/{slug}")
@RolesAllowed("user")
public class TeamResource {

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(Team team, List<Membership> members, String myRole, boolean admin,
                List<User> users, List<TeamNotice> notices);
    }

    @GET
    public TemplateInstance team(@PathParam("slug") String slug) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        return Templates.team(team, Membership.ofTeam(team),
                teams.roleOf(team, user).map(Enum::name).orElse("ADMIN"), user.admin,
                user.admin ? User.allByUsername() : List.of(), teams.noticesAbout(team));
    }

    @POST
    @Path("members")
    @RolesAllowed("admin")
    public Response addMember(@PathParam("slug") String slug, @RestForm String username, @RestForm String role) {
        String back = "/teams/" + slug;
        try {
            teams.setMember(slug, username, TeamApi.parseRole(new TeamApi.RoleInput(role)));
            return Flash.redirect(back, username + " is now " + role.toUpperCase() + " of the team.");
        } catch (InvalidInputException | ConflictException e) {
            return Flash.redirectWithError(back, "Could not change the member: choose a user and a role.");
        } catch (NotFoundException e) {
            teams.require(slug, currentUser.get());
            return Flash.redirectWithError(back, "No such user: " + username);
        }
    }

    @POST
    @Path("members/{username}/remove")
    @RolesAllowed("admin")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("username") String username) {
        teams.removeMember(slug, username);
        return Flash.redirect("/teams/" + slug, username + " was removed from the team.");
    }
}
