package io.progate.team;

import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
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

/** Admin pages for teams. */
@Path("/admin/teams")
@RolesAllowed("admin")
public class AdminTeamsResource {

    @Inject
    TeamService teams;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(List<Team> teams, TeamService.TeamInput form, Map<String, String> errors);
    }

    @GET
    public TemplateInstance list() {
        return Templates.teams(Team.allByName(), new TeamService.TeamInput("", "", ""), Map.of());
    }

    @POST
    public Response create(@RestForm String slug, @RestForm String name, @RestForm String proUrl) {
        TeamService.TeamInput input = new TeamService.TeamInput(slug, name, proUrl);
        try {
            Team team = teams.create(input);
            return Flash.redirect("/teams/" + team.slug, "Team " + team.name + " created. Add its members below.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.teams(Team.allByName(), input, FormErrors.of(e)));
        } catch (ConflictException e) {
            return FormErrors.badRequest(Templates.teams(Team.allByName(), input,
                    FormErrors.one("slug", "this slug is taken")));
        }
    }

    @POST
    @Path("{slug}/delete")
    public Response delete(@PathParam("slug") String slug) {
        teams.delete(slug);
        return Flash.redirect("/admin/teams", "Team " + slug + " deleted.");
    }
}
