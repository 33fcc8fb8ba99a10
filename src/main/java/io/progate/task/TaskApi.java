package io.progate.task;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.pro.model.TaskInterrupt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tasks for automation: the task a TASK request created (state, times, return code), its stored
 * response, interrupting and deleting it (the team's tasks: {@link TeamTasksApi}). A CI job
 * files a TASK request, polls {@code GET /api/v1/requests/{id}/task} until {@code finished}, then
 * downloads {@code response.url}.
 */
@Path("/api/v1/requests/{id}/task")
@RolesAllowed("user")
@Tag(name = "Tasks", description = "DEX tasks run through TASK requests")
public class TaskApi {

    @Inject
    TaskService tasks;

    @Inject
    CurrentUser currentUser;

    /** How to interrupt: {@code solve} (the task ends as completed) or {@code execution} (it ends as failed). */
    public record InterruptInput(String how) {
    }

    @GET
        @Operation(summary = "The task a TASK request created, as PRO last reported it")
    @APIResponse(responseCode = "404", description = "No such request, or it has created no task (yet)")
    public TaskView get(@PathParam("id") long id) {
        return tasks.of(id, currentUser.get()).map(t -> TaskView.of(t, responseUrl(id)))
                .orElseThrow(() -> new NotFoundException("no task"));
    }

    @GET
    @Path("response")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The completed task's response, byte for byte as PRO gave it (streamed)")
    @APIResponse(responseCode = "404", description = "No stored response")
    public Response response(@PathParam("id") long id) {
        return TaskResource.download(tasks, tasks.response(id, currentUser.get()));
    }

    @POST
    @Path("interrupt")
    @Operation(summary = "Interrupts the task (author, approvers and admins; no new approval; audited)")
    @APIResponse(responseCode = "403", description = "Neither the author nor an approver of the team")
    @APIResponse(responseCode = "409", description = "No task, or it was deleted")
    @APIResponse(responseCode = "502", description = "PRO refused (for instance, the task has ended)")
    public TaskView interrupt(@PathParam("id") long id, InterruptInput input) {
        return TaskView.of(tasks.interrupt(id, currentUser.get(), how(input)), responseUrl(id));
    }

    @DELETE
        @Operation(summary = "Deletes the task in PRO (queued or completed ones; author, approvers and admins; audited)")
    @APIResponse(responseCode = "502", description = "PRO refused (a running task cannot be deleted)")
    public TaskView delete(@PathParam("id") long id) {
        return TaskView.of(tasks.delete(id, currentUser.get()), responseUrl(id));
    }

    static TaskInterrupt how(InterruptInput input) {
        String how = input == null || input.how() == null ? "" : input.how().trim();
        if (how.equalsIgnoreCase("solve") || how.equalsIgnoreCase(TaskInterrupt.SOLVE.wireValue())) {
            return TaskInterrupt.SOLVE;
        }
        if (how.equalsIgnoreCase("execution") || how.equalsIgnoreCase(TaskInterrupt.EXECUTION.wireValue())) {
            return TaskInterrupt.EXECUTION;
        }
        throw new InvalidInputException("how", "solve (ends the task as completed) or execution (ends it as failed)");
    }

    static String responseUrl(long id) {
        return TaskUrls.apiResponseUrl(id);
    }
}
