package io.progate.demo;

import io.progate.account.AccountConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The next version of each demo app as a ready .aimmspack, for a newcomer to file as a new version and see
 * its model diff: {@code /demo/packages/Planner.aimmspack}. Only where the demo data is on.
 */
@Path("/demo/packages")
@RolesAllowed("user")
public class DemoPackagesResource {

    @Inject
    AccountConfig accounts;

    @GET
    @Path("{model}.aimmspack")
    public Response next(@PathParam("model") String model) {
        if (!accounts.demo().enabled()) {
            throw new NotFoundException("no demo packages outside the demo");
        }
        DemoPackages.App app = DemoPackages.byModel(model).orElseThrow(() -> new NotFoundException("no such demo app"));
        return Response.ok(DemoPackages.next(app), "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + app.fileName(app.nextVersion()) + "\"")
                .build();
    }
}
