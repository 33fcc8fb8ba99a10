package io.progate.task;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.pro.ProException;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The task panel of a TASK request's page (an HTML fragment the page reloads while the task runs),
 * its response download, the interrupt and delete buttons (the team's tasks page: {@link TeamTasksResource}).
 */
@Path("/requests/{id}/task")
@RolesAllowed("user")
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    TeamTasks teamTasks;

    @Inject
    RequestService requests;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(ReleaseRequest request, TaskView task, boolean canControl);

    }

    @GET
    public TemplateInstance panel(@PathParam("id") long id) {
        User user = currentUser.get();
        ReleaseRequest r = requests.require(id, user);
        TaskView view = tasks.of(id, user).map(t -> TaskView.of(t, TaskUrls.taskResponseUrl(r))).orElse(null);
        return Templates.panel(r, view, tasks.mayControl(r, user));
    }

    @GET
    @Path("response")
    public Response response(@PathParam("id") long id) {
        return download(tasks, tasks.response(id, currentUser.get()));
    }

    @POST
    @Path("interrupt")
    public Response interrupt(@PathParam("id") long id, @RestForm String how) {
        return act(id, () -> tasks.interrupt(id, currentUser.get(), TaskApi.how(new TaskApi.InterruptInput(how))),
                "Interrupt sent to PRO.");
    }

    @POST
    @Path("delete")
    public Response delete(@PathParam("id") long id) {
        return act(id, () -> tasks.delete(id, currentUser.get()), "The task was deleted in PRO.");
    }

    /** Streams a stored response one chunk at a time, with its size and SHA-256 in the headers. */
    static Response download(TaskService tasks, TaskService.Download d) {
        StreamingOutput body = out -> {
            try (InputStream in = tasks.open(d)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/octet-stream").header("Content-Length", d.size())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("X-Content-SHA256", d.sha256()).build();
    }

    private static Response act(long id, Runnable action, String done) {
        String back = "/requests/" + id;  // the request page
        try {
            action.run();
            return Flash.redirect(back, done);
        } catch (ConflictException e) {
            return Flash.redirectWithError(back, e.getMessage());
        } catch (ProException e) {
            return Flash.redirectWithError(back, "PRO did not do it: " + e.getMessage());
        } catch (io.progate.common.InvalidInputException e) {
            return Flash.redirectWithError(back, e.errors().get(0).message());
        }
    }
}
