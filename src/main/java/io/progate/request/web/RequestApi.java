package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.diff.ModelDiff;
import io.progate.diff.RequestDiff;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestAction;
import io.progate.request.RequestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** One release request for automation: read, approve, reject, cancel, retry, close. */
@Path("/api/v1/requests")
@RolesAllowed("user")
public class RequestApi {

    @Inject
    RequestService requests;

    @Inject
    RequestViews views;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id}")
    public RequestView get(@PathParam("id") long id) {
        return views.detailed(requests.require(id, currentUser.get()));
    }

    /**
     * A publish's model diff, for CI: every differing file with its change, sizes, line counts, hunks and the
     * same as unified diff text. 404 for a request without one (not a publish, or not the caller's team's).
     */
    @GET
    @Path("{id}/diff")
    public ModelDiff diff(@PathParam("id") long id) {
        ReleaseRequest r = requests.require(id, currentUser.get());
        return RequestDiff.forRequest(r.id).orElseThrow(() -> new NotFoundException("this request has no model diff"));
    }

    @POST
    @Path("{id}/approve")
    public RequestView approve(@PathParam("id") long id, CommentInput input) {
        return act(id, RequestAction.APPROVE, input == null ? null : input.comment());
    }

    @POST
    @Path("{id}/reject")
    public RequestView reject(@PathParam("id") long id, CommentInput input) {
        return act(id, RequestAction.REJECT, input == null ? null : input.comment());
    }

    @POST
    @Path("{id}/cancel")
    public RequestView cancel(@PathParam("id") long id) {
        return act(id, RequestAction.CANCEL, null);
    }

    @POST
    @Path("{id}/retry")
    public RequestView retry(@PathParam("id") long id) {
        return act(id, RequestAction.RETRY, null);
    }

    @POST
    @Path("{id}/close")
    public RequestView close(@PathParam("id") long id) {
        return act(id, RequestAction.CLOSE, null);
    }

    /** Executes the request without the remaining approvals, whatever windows and freezes say; a reason is required. */
    @POST
    @Path("{id}/break-glass")
    public RequestView breakGlass(@PathParam("id") long id, GlassInput input) {
        return act(id, RequestAction.BREAK_GLASS, input == null ? null : input.reason());
    }

    /** Marks a break-glass reviewed, with a comment, by someone other than its author and who broke the glass. */
    @POST
    @Path("{id}/review")
    public RequestView review(@PathParam("id") long id, CommentInput input) {
        return act(id, RequestAction.REVIEW, input == null ? null : input.comment());
    }

    /** The action, answered with the request as the same transaction left it. */
    private RequestView act(long id, RequestAction action, String comment) {
        return requests.act(id, currentUser.get(), action, comment, views::of);
    }
}
