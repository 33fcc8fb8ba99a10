package io.progate.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.team.TeamService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Release requests for automation (CI pipelines): file, list, read, approve, reject, cancel, retry. */
@Path("/api/v1")
@RolesAllowed("user")
public class RequestApi {

    @Inject
    RequestService requests;

    @Inject
    RequestViews views;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper json;

    /** A publish: part {@code request} (JSON), part {@code file}, optional part {@code icon}. */
    @POST
    @Path("teams/{slug}/requests")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submitWithPackage(@PathParam("slug") String slug, @RestForm("request") String request,
            @RestForm("file") FileUpload file, @RestForm("icon") FileUpload icon) {
        RequestInput input = parse(request);
        return created(requests.submit(slug, currentUser.get(), input.toSubmission(upload(file), upload(icon))));
    }

    /** An update or delete (or a publish without its package, which is refused with the reason). */
    @POST
    @Path("teams/{slug}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("slug") String slug, RequestInput input) {
        RequestInput body = input == null ? new RequestInput(null, null, null, null, null, null) : input;
        return created(requests.submit(slug, currentUser.get(), body.toSubmission(null, null)));
    }

    @GET
    @Path("teams/{slug}/requests")
    public List<RequestView> list(@PathParam("slug") String slug, @QueryParam("status") String status,
            @QueryParam("type") String type) {
        var team = teams.require(slug, currentUser.get());
        return ReleaseRequest.search(Filters.parse(team, null, status, type)).stream().map(views::of).toList();
    }

    /** Requests waiting for the caller's decision, oldest first. */
    @GET
    @Path("approvals")
    public List<RequestView> waiting() {
        return ReleaseRequest.waitingFor(currentUser.get()).stream().map(views::of).toList();
    }

    @GET
    @Path("requests/{id}")
    public RequestView get(@PathParam("id") long id) {
        return views.of(requests.require(id, currentUser.get()));
    }

    @POST
    @Path("requests/{id}/approve")
    public RequestView approve(@PathParam("id") long id, CommentInput input) {
        requests.approve(id, currentUser.get(), input == null ? null : input.comment());
        return get(id);
    }

    @POST
    @Path("requests/{id}/reject")
    public RequestView reject(@PathParam("id") long id, CommentInput input) {
        requests.reject(id, currentUser.get(), input == null ? null : input.comment());
        return get(id);
    }

    @POST
    @Path("requests/{id}/cancel")
    public RequestView cancel(@PathParam("id") long id) {
        requests.cancel(id, currentUser.get());
        return get(id);
    }

    @POST
    @Path("requests/{id}/retry")
    public RequestView retry(@PathParam("id") long id) {
        requests.retry(id, currentUser.get());
        return get(id);
    }

    private Response created(ReleaseRequest r) {
        return Response.created(URI.create("/api/v1/requests/" + r.id)).entity(get(r.id)).build();
    }

    private RequestInput parse(String request) {
        if (request == null || request.isBlank()) {
            throw new InvalidInputException("request", "the part 'request' with the request as JSON is required");
        }
        try {
            return json.readValue(request, RequestInput.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("request", "the part 'request' is not valid JSON for a request");
        }
    }

    static Upload upload(FileUpload file) {
        return file == null || file.uploadedFile() == null ? null : new Upload(file.uploadedFile(), file.fileName());
    }
}
