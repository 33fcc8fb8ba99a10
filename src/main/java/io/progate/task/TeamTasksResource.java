package io.progate.task;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.Submission;
import io.progate.request.TaskFields;
import io.progate.packages.Upload;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
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

/** The team's tasks page (PRO's list, paged, filtered by app and state) and the form that files a TASK request. */
@Path("/teams/{slug}/tasks")
@RolesAllowed("user")
public class TeamTasksResource {

    @Inject
    TeamTasks teamTasks;

    @Inject
    TeamService teams;

    @Inject
    RequestService requests;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Team team, TeamTasks.Page page, String problem);

        static native TemplateInstance form(Team team, TaskForm form, Map<String, String> errors);
    }

    /** What the task form shows again after a refusal. */
    public record TaskForm(String reason, String appName, String appVersion, String serviceName, String input) {

        static final TaskForm EMPTY = new TaskForm("", "", TaskFields.LATEST, "", "{}");
    }

    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("slug") String slug, @QueryParam("app") String app) {
        Team team = teams.require(slug, currentUser.get());
        TaskForm form = TaskForm.EMPTY;
        return Templates.form(team, app == null ? form : new TaskForm("", app, form.appVersion(), "", form.input()),
                Map.of());
    }

    /** Files a TASK request: the input typed in the form, or an uploaded JSON file. */
    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response file(@PathParam("slug") String slug, @RestForm String reason, @RestForm String appName,
            @RestForm String appVersion, @RestForm String serviceName, @RestForm String input,
            @RestForm("file") FileUpload file) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        TaskForm form = new TaskForm(reason, appName, appVersion, serviceName, input);
        Upload upload = file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()
                ? null : new Upload(file.uploadedFile(), file.fileName());
        try {
            ReleaseRequest r = requests.submit(slug, user, Submission.task(reason, appName, appVersion, serviceName,
                    upload != null && (input == null || input.isBlank() || input.trim().equals("{}")) ? null : input,
                    upload));
            return Flash.redirect("/requests/" + r.id, r.requiredApprovals == 0
                    ? "Task request filed and approved by the team's policy: the task is being created."
                    : "Task request filed: it now waits for " + r.requiredApprovals + " approval"
                            + (r.requiredApprovals == 1 ? "" : "s") + ".");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.form(team, form, FormErrors.of(e)));
        }
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
