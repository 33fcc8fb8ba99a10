package io.progate.task;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.pro.ProException;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The team's tasks page: PRO's list, paged, filtered by app and state. */
@Path("/teams/{slug}/tasks")
@RolesAllowed("user")
public class TeamTasksResource {

    @Inject
    TeamTasks teamTasks;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Team team, TeamTasks.Page page, String problem);
    }

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("app") String app,
            @QueryParam("state") String state, @QueryParam("page") Integer page) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            return Templates.list(team, teamTasks.list(slug, user, app, state, page == null ? 0 : page), null);
        } catch (ProException | ConflictException e) {
            return Templates.list(team, new TeamTasks.Page(java.util.List.of(), 0, 0, 1, app, state),
                    "PRO's task list could not be read: " + e.getMessage());
        }
    }

}
