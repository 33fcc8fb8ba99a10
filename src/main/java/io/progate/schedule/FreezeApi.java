package io.progate.schedule;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Freezes for automation: every team's for admins, and lifting any freeze by someone who may declare it. */
@Path("/api/v1/freezes")
@RolesAllowed("user")
public class FreezeApi {

    @Inject
    FreezeService freezes;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed("admin")
    public List<FreezeView> all() {
        return freezes.all().stream().map(FreezeView::of).toList();
    }

    /** Admins: a freeze of every team. */
    @POST
    @RolesAllowed("admin")
    public Response declareForAll(FreezeService.FreezeInput input) {
        return created(freezes.declare(null, currentUser.get(), required(input)));
    }

    @POST
    @Path("{id}/lift")
    public FreezeView lift(@PathParam("id") long id) {
        return FreezeView.of(freezes.lift(id, currentUser.get()));
    }

    static FreezeService.FreezeInput required(FreezeService.FreezeInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with endsAt and reason is required");
        }
        return input;
    }

    static Response created(Freeze f) {
        return Response.created(URI.create("/api/v1/freezes/" + f.id)).entity(FreezeView.of(f)).build();
    }
}
