package io.progate.task;

import io.progate.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's recent tasks as PRO lists them, for automation. */
@Path("/api/v1/teams/{slug}/tasks")
@RolesAllowed("user")
@Tag(name = "Tasks", description = "DEX tasks run through TASK requests")
public class TeamTasksApi {

    @Inject
    TeamTasks teamTasks;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The team's recent tasks as PRO lists them, newest first, a page at a time")
    public TeamTasks.Page list(@PathParam("slug") String slug, @QueryParam("app") String app,
            @QueryParam("state") String state, @QueryParam("page") Integer page) {
        return teamTasks.list(slug, currentUser.get(), app, state, page == null ? 0 : page);
    }

}
