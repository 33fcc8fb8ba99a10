package io.progate.sandbox;

import io.progate.sandbox.store.SandboxAimmsVersion;
import io.progate.sandbox.store.SandboxCall;
import io.progate.sandbox.store.SandboxMode;
import io.progate.team.Team;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/**
 * What reached "PRO": the calls the sandbox received (never a key, at most its name), its apps and
 * AIMMS versions, the modes that are on, and links to the PRO connection check of every team whose
 * account is this sandbox (the check reads through ProGate's client, as it would a real PRO).
 * Admins only, and only while the sandbox is on.
 */
@Path("/admin/sandbox")
@RolesAllowed("admin")
public class AdminSandboxResource {

    @Inject
    SandboxConfig config;

    @Inject
    SandboxCallLog calls;

    @Inject
    SandboxApps apps;

    @Inject
    SandboxModes modes;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sandbox(String proUrl, List<SandboxAimmsVersion> versions, Set<SandboxMode> modes,
                List<SandboxMode> allModes, List<Team> teams, List<SandboxCall> calls, List<SandboxWire.App> apps);
    }

    @GET
    public TemplateInstance show(@Context UriInfo uri) {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
        String proUrl = uri.getBaseUri().toString().replaceAll("/+$", "") + SandboxPaths.ACCOUNT;
        List<Team> teams = Team.<Team>listAll().stream()
                .filter(t -> t.proUrl != null && t.proUrl.replaceAll("/+$", "").endsWith(SandboxPaths.ACCOUNT))
                .sorted(java.util.Comparator.comparing(t -> t.slug)).toList();
        return Templates.sandbox(proUrl, SandboxAimmsVersion.listed(true), modes.active(), List.of(SandboxMode.values()),
                teams, calls.latest(50), apps.list());
    }
}
