package io.progate.procheck;

import io.progate.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The PRO connection check over JSON: every read with the team's keys, OK or the exact failure per call. */
@Path("/api/v1/teams/{slug}/pro-check")
@RolesAllowed("user")
public class ProCheckApi {

    @Inject
    ProCheckService checks;

    @Inject
    CurrentUser currentUser;

    @GET
    public ProCheck check(@PathParam("slug") String slug) {
        return checks.run(slug, currentUser.get());
    }
}
