package io.progate.request.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.packages.Upload;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.team.MyTeams;
import io.progate.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A team's release requests for automation (CI pipelines): file and list. */
@Path("/api/v1/teams/{slug}/requests")
@RolesAllowed("user")
public class TeamRequestsApi {

    @Inject
    RequestService requests;

    @Inject
    RequestViews views;

    @Inject
    MyTeams myTeams;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper json;

    /** A publish: part {@code request} (JSON), part {@code file}, optional part {@code icon}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submitWithPackage(@PathParam("slug") String slug, @RestForm("request") String request,
            @RestForm("file") FileUpload file, @RestForm("icon") FileUpload icon) {
        RequestInput input = parse(request);
        return created(requests.submit(slug, currentUser.get(), input.toSubmission(upload(file), upload(icon))));
    }

    /** An update or delete (or a publish without its package, which is refused with the reason). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("slug") String slug, RequestInput input) {
        RequestInput body = input == null ? new RequestInput(null, null, null, null, null, null, null) : input;
        return created(requests.submit(slug, currentUser.get(), body.toSubmission(null, null)));
    }

    /** A page of the team's requests, newest first: {@code limit} (50, at most 500) after {@code cursor}. */
    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Paging paging = Paging.parse(limit, cursor);
        MyTeams.MyTeam team = myTeams.find(currentUser.get(), slug).orElseThrow(() -> new NotFoundException("no such team"));
        return PageLinks.ok(ReleaseRequest.search(Filters.parse(team.id(), null, status, type, paging)), views::of, uri);
    }

    private Response created(ReleaseRequest r) {
        RequestView view = views.of(requests.require(r.id, currentUser.get()));
        return Response.created(URI.create("/api/v1/requests/" + r.id)).entity(view).build();
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
