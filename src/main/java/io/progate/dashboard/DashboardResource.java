package io.progate.dashboard;

import io.progate.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The landing page: what waits for my decision, my open requests, recent outcomes and requests per week
 * of my teams, and my teams' PRO keys expiring soon.
 */
@Path("/")
@RolesAllowed("user")
public class DashboardResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    DashboardService dashboards;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardService.Dashboard d);
    }

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboards.of(currentUser.get()));
    }
}
