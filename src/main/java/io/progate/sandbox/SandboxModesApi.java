package io.progate.sandbox;

import io.progate.sandbox.store.SandboxMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The sandbox's modes over JSON, for admins while the sandbox is on (see {@link SandboxMode}). */
@Path(SandboxFilters.MODES_PATH)
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxModesApi {

    @Inject
    SandboxModes modes;

    @GET
    public Set<SandboxMode> list() {
        return modes.active();
    }

    /** Exactly these modes on, every other off: {@code ["ONLY_DOCUMENTED_PATHS", ...]}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Set<SandboxMode> set(List<String> names) {
        if (names == null) {
            throw SandboxException.invalid("a JSON array of mode names is required");
        }
        Set<SandboxMode> wanted = EnumSet.noneOf(SandboxMode.class);
        for (String name : names) {
            try {
                wanted.add(SandboxMode.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SandboxException.invalid("unknown mode " + name + "; known: " + List.of(SandboxMode.values()));
            }
        }
        modes.set(wanted);
        return modes.active();
    }

    @DELETE
    public void clear() {
        modes.clear();
    }
}
