package io.progate.team;

import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
        static native TemplateInstance teams(List<Team> teams, TeamService.TeamInput form, Map<String, String> errors,
                String next);
    }

    /** A page of teams by name (then id): {@code limit} (50, at most 500) after {@code cursor}, a link to the next. */
    @GET
    public TemplateInstance list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return page(new TeamService.TeamInput("", "", ""), Map.of(), Paging.parse(limit, cursor), uri);
    }

    @POST
    public Response create(@RestForm String slug, @RestForm String name, @RestForm String proUrl,
            @Context UriInfo uri) {
        TeamService.TeamInput input = new TeamService.TeamInput(slug, name, proUrl);
        try {
            Team team = teams.create(input);
            return Flash.redirect("/teams/" + team.slug, "Team " + team.name + " created. Add its members below.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(input, FormErrors.of(e), Paging.first(), uri));
        } catch (ConflictException e) {
            return FormErrors.badRequest(page(input, FormErrors.one("slug", "this slug is taken"), Paging.first(), uri));
        }
    }

    @POST
    @Path("{slug}/delete")
    public Response delete(@PathParam("slug") String slug) {
        teams.delete(slug);
        return Flash.redirect("/admin/teams", "Team " + slug + " deleted.");
    }

    /** The page with one page of teams (a form shown again starts at the first). */
    private static TemplateInstance page(TeamService.TeamInput form, Map<String, String> errors, Paging paging,
            UriInfo uri) {
        Paging.Page<Team> teams = Team.page(null, paging);
        return Templates.teams(teams.items(), form, errors, PageLinks.next(uri, teams.nextCursor()));
    }
}
