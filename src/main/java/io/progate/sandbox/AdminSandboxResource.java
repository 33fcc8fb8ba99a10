package io.progate.sandbox;

import io.progate.pro.AimmsVersion;
import io.progate.pro.ProAccount;
import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApp;
import io.progate.pro.ProException;
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

/**
 * What reached "PRO": the calls the sandbox received (never a key, at most its name) and its
 * apps, plus a live check that lists AIMMS versions from the sandbox through the typed client
 * with the demo key. Admins only, and only while the sandbox is on.
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
    ProAimmsVersions aimmsVersions;

    /** The demo check's outcome: the versions, or why there are none. */
    public record DemoCheck(String proUrl, List<AimmsVersion> versions, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sandbox(DemoCheck check, List<SandboxCall> calls, List<ProApp> apps);
    }

    @GET
    public TemplateInstance show(@Context UriInfo uri) {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
        DemoCheck check = demoCheck(uri.getBaseUri().toString().replaceAll("/+$", "") + "/sandbox");
        return Templates.sandbox(check, calls.latest(50), apps.list());
    }

    private DemoCheck demoCheck(String proUrl) {
        String key = config.demoKey().filter(v -> !v.isBlank()).orElse(null);
        if (key == null) {
            return new DemoCheck(proUrl, List.of(), "no progate.sandbox.demo-key is configured, so the check cannot run");
        }
        try {
            return new DemoCheck(proUrl, aimmsVersions.list(new ProAccount(proUrl, key), true), null);
        } catch (ProException e) {
            return new DemoCheck(proUrl, List.of(), e.getMessage());
        }
    }
}
