package io.progate.execution;

import io.progate.account.CurrentUser;
import io.progate.common.ConflictException;
import io.progate.request.ReleaseRequest;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The execution parts of a request page: a status the page polls, the before/after fragment, and
 * the close button of a failed request (the request page has the retry button) (Post/Redirect/Get back to the request page).
 */
@Path("/executions/{id}")
@RolesAllowed("user")
public class ExecutionResource {

    @Inject
    ExecutionService executions;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance beforeAfter(ExecutionView execution, ExecutionService.LiveView live);
    }

    /** Polled by js/execution.js while the request waits for or is in execution. */
    /** Where a request's execution panel reads its status and before/after view, for templates. */
    @TemplateExtension
    static String executionUrl(ReleaseRequest r) {
        return "/executions/" + r.id;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status(@PathParam("id") long id) {
        ExecutionView view = executions.view(id, currentUser.get());
        return Map.of("status", view.status(), "running", view.running(), "closed", view.closed(),
                "attempts", view.attempts().size());
    }

    /** The before/after view (live PRO now, and as it was at execution), loaded into the request page. */
    @GET
    @Path("before-after")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance beforeAfter(@PathParam("id") long id) {
        ExecutionView view = executions.view(id, currentUser.get());
        ExecutionService.LiveView live = view.running() || "PENDING".equals(view.status())
                || "FAILED".equals(view.status()) ? executions.live(id, currentUser.get()) : new ExecutionService.LiveView(null, null);
        return Templates.beforeAfter(view, live);
    }

    @POST
    @Path("close")
    public Response close(@PathParam("id") long id) {
        try {
            executions.close(id, currentUser.get());
            return Flash.redirect(page(id), "Closed: nothing more will be tried for this request.");
        } catch (ConflictException e) {
            return Flash.redirectWithError(page(id), e.getMessage());
        }
    }

    static String page(long id) {
        return "/requests/" + id;
    }
}
