package io.progate.sandbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Fault switches over JSON, for admins while the sandbox is on (see {@link SandboxFaults}). */
@Path(SandboxFilters.FAULTS_PATH)
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxFaultsApi {

    @Inject
    SandboxFaults faults;

    @GET
    public List<SandboxFaults.Fault> list() {
        return faults.active().stream().map(f -> new SandboxFaults.Fault(f.method, f.pathPart, f.remaining, f.kind,
                f.status, f.hangMillis)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(SandboxFaults.Fault fault) {
        if (fault == null) {
            throw SandboxException.invalid("a JSON body is required");
        }
        return Response.status(201).entity(Map.of("id", faults.add(fault))).build();
    }

    @DELETE
    public void clear() {
        faults.clear();
    }
}
