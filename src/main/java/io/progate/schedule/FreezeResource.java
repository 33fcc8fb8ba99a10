package io.progate.schedule;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** A team's freezes page: members see them, approvers of the team and admins declare and lift. */
@Path("/teams/{slug}/freezes")
@RolesAllowed("user")
public class FreezeResource {

    @Inject
    FreezeService freezes;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    /** What was typed into a freeze form, kept when it comes back with errors. */
    public record Form(String team, String startsAt, String endsAt, String reason) {

        static Form empty() {
            return new Form("", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(Team team, List<Freeze> freezes, boolean canFreeze, Form form,
                Map<String, String> errors);
    }

    @GET
    public TemplateInstance team(@PathParam("slug") String slug) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        return Templates.team(team, freezes.ofTeam(slug, user), freezes.mayFreeze(team, user), Form.empty(), Map.of());
    }

    @POST
    public Response declare(@PathParam("slug") String slug, @RestForm String startsAt, @RestForm String endsAt,
            @RestForm String reason) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            freezes.declare(slug, user, new FreezeService.FreezeInput(startsAt, endsAt, reason));
            return Flash.redirect(ScheduleUrls.teamPage(slug), "Freeze declared: nothing of the team starts executing"
                    + " until it ends or is lifted.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.team(team, freezes.ofTeam(slug, user), true,
                    new Form(slug, startsAt, endsAt, reason), FormErrors.of(e)));
        }
    }

    @POST
    @Path("{id}/lift")
    public Response lift(@PathParam("slug") String slug, @PathParam("id") long id) {
        return AdminFreezeResource.lift(freezes, id, currentUser.get(), ScheduleUrls.teamPage(slug));
    }
}
