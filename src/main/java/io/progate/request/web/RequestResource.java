package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.request.Payloads;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestAction;
import io.progate.request.RequestService;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.trail.AuditService;
import io.progate.trail.StoryLine;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** My requests, one request's page, and the buttons on it. */
@Path("/requests")
@RolesAllowed("user")
public class RequestResource {

    @Inject
    RequestService requests;

    @Inject
    RequestViews views;

    @Inject
    Payloads payloads;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamService teams;

    /** Everything the detail page shows. */
    public record Detail(ReleaseRequest request, RequestView view, String body, List<StoryLine> trail,
            boolean canDecide, boolean canCancel, boolean canRetry, boolean canClose) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<ReleaseRequest> requests, String status, String type, List<Team> teams,
                String next);

        static native TemplateInstance detail(Detail detail);
    }

    @GET
    public TemplateInstance mine(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        User user = currentUser.get();
        Paging.Page<ReleaseRequest> page = ReleaseRequest.search(
                Filters.parse(null, user.id, status, type, Paging.parse(limit, cursor)));
        return Templates.mine(page.items(), status == null ? "" : status.toUpperCase(),
                type == null ? "" : type.toUpperCase(), teams.visibleTo(user), PageLinks.next(uri, page.nextCursor()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        User user = currentUser.get();
        ReleaseRequest r = requests.require(id, user);
        RequestView view = views.detailed(r);
        String body = view.proCall().body() == null ? null : payloads.pretty(view.proCall().body());
        return Templates.detail(new Detail(r, view, body, audit.storyOf("request", String.valueOf(r.id)),
                requests.may(r, user, RequestAction.APPROVE), requests.may(r, user, RequestAction.CANCEL),
                requests.may(r, user, RequestAction.RETRY), requests.may(r, user, RequestAction.CLOSE)));
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id, @RestForm String comment) {
        return act(id, () -> requests.approve(id, currentUser.get(), comment), "Approved.");
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") long id, @RestForm String comment) {
        return act(id, () -> requests.reject(id, currentUser.get(), comment), "Rejected.");
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return act(id, () -> requests.cancel(id, currentUser.get()), "Cancelled.");
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return act(id, () -> requests.retry(id, currentUser.get()), "Approved again: it will be carried out.");
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("id") long id) {
        return act(id, () -> requests.close(id, currentUser.get()), "Closed: nothing more will be tried for this request.");
    }

    @POST
    @Path("{id}/break-glass")
    public Response breakGlass(@PathParam("id") long id, @RestForm String reason) {
        return act(id, () -> requests.breakGlass(id, currentUser.get(), reason),
                "Break-glass: the request goes to execution now; everyone who could approve is told, and it waits"
                        + " for a review by someone else.");
    }

    @POST
    @Path("{id}/review")
    public Response review(@PathParam("id") long id, @RestForm String comment) {
        return act(id, () -> requests.review(id, currentUser.get(), comment), "Break-glass reviewed.");
    }

    /**
     * Post/Redirect/Get back to the request page: done, or refused for its state (409) with the reason
     * as the flash message; a refusal for role (403) or team (404) answers its error page.
     */
    static Response act(long id, Runnable action, String done) {
        String back = "/requests/" + id;
        try {
            action.run();
            return Flash.redirect(back, done);
        } catch (InvalidInputException e) {
            return Flash.redirectWithError(back, e.errors().get(0).message());
        } catch (ConflictException e) {
            return Flash.redirectWithError(back, e.getMessage());
        }
    }
}
