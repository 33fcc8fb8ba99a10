package io.progate.execution;

import io.progate.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A request's execution over JSON: its attempts and before/after, and closing a failed request. */
@Path("/api/v1/executions/{id}")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionApi {

    @Inject
    ExecutionService executions;

    @Inject
    CurrentUser currentUser;

    @GET
    public ExecutionView get(@PathParam("id") long id) {
        return executions.view(id, currentUser.get());
    }

    /** Closes a FAILED request (approvers of the team other than its author; admins when the policy lets them). */
    @POST
    @Path("close")
    public ExecutionView close(@PathParam("id") long id) {
        executions.close(id, currentUser.get());
        return executions.view(id, currentUser.get());
    }
}
