package io.progate.teampro;

import io.progate.account.CurrentUser;
import io.progate.pro.model.ProApp;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The team's apps and versions as PRO reports them now, each with the requests one can file for it. */
@Path("/teams/{slug}/apps")
@RolesAllowed("user")
public class TeamAppsResource {

    @Inject
    TeamService teams;

    @Inject
    ProCatalog catalog;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apps(Team team, List<ProApp> apps, boolean available);
    }

    @GET
    public TemplateInstance apps(@PathParam("slug") String slug) {
        Team team = teams.require(slug, currentUser.get());
        var apps = catalog.apps(team);
        return Templates.apps(team, apps.orElse(List.of()), apps.isPresent());
    }
}
