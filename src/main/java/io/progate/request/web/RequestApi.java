package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.request.RequestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
        return views.of(requests.require(id, currentUser.get()));
    }

    @POST
    @Path("{id}/approve")
    public RequestView approve(@PathParam("id") long id, CommentInput input) {
        requests.approve(id, currentUser.get(), input == null ? null : input.comment());
        return get(id);
    }

    @POST
    @Path("{id}/reject")
    public RequestView reject(@PathParam("id") long id, CommentInput input) {
        requests.reject(id, currentUser.get(), input == null ? null : input.comment());
        return get(id);
    }

    @POST
    @Path("{id}/cancel")
    public RequestView cancel(@PathParam("id") long id) {
        requests.cancel(id, currentUser.get());
        return get(id);
    }

    @POST
    @Path("{id}/retry")
    public RequestView retry(@PathParam("id") long id) {
        requests.retry(id, currentUser.get());
        return get(id);
    }

    @POST
    @Path("{id}/close")
    public RequestView close(@PathParam("id") long id) {
        requests.close(id, currentUser.get());
        return get(id);
    }

}
