package io.progate.ownership;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** App owners for automation: admins list, assign, transfer and release names. */
@Path("/api/v1/admin/app-owners")
@RolesAllowed("admin")
public class AppOwnersApi {

    @Inject
    OwnershipService ownership;

    @Inject
    CurrentUser currentUser;

    /** The body of an assignment ({@code name}: an exact name or a prefix ending in {@code *}) or a transfer. */
    public record OwnerInput(String name, String team) {
    }

    @GET
    public List<OwnershipService.ClaimView> list() {
        return ownership.views();
    }

    /** 201 with the claim; 409 when the name overlaps one another team owns, 400 for bad input. */
    @POST
    public Response assign(OwnerInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with name and team is required");
        }
        OwnershipService.ClaimView claim = ownership.assign(input.name(), input.team(), currentUser.get());
        return Response.created(URI.create("/api/v1/admin/app-owners/" + claim.id())).entity(claim).build();
    }

    /** Moves the name to {@code team}; 409 when it would overlap a name that team's neighbours own. */
    @PUT
    @Path("{id}")
    public OwnershipService.ClaimView transfer(@PathParam("id") long id, OwnerInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with the team is required");
        }
        return ownership.transfer(id, input.team(), currentUser.get());
    }

    @DELETE
    @Path("{id}")
    public Response release(@PathParam("id") long id) {
        ownership.release(id, currentUser.get());
        return Response.noContent().build();
    }
}
