package io.progate.credential;

import io.progate.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Master-key rotation for automation: status, and re-wrapping every data key under the active master key. */
@Path("/api/v1/admin/credentials")
@RolesAllowed("admin")
public class AdminCredentialsApi {

    @Inject
    Rewrapper rewrapper;

    @Inject
    CurrentUser currentUser;

    @GET
    public Rewrapper.Status status() {
        return rewrapper.status();
    }

    @POST
    @Path("rewrap")
    public Rewrapper.Report rewrap() {
        return rewrapper.rewrapAll(currentUser.get().username);
    }
}
