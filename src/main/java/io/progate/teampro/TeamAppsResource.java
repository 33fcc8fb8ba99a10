package io.progate.teampro;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.ownership.AppClaim;
import io.progate.ownership.OwnershipService;
import io.progate.pro.model.ProApp;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The team's apps and versions as PRO reports them now, each with the requests one can file for it:
 * apps the team owns or nobody owns have their request links; other teams' apps are listed
 * read-only, or left out when the team chose so.
 */
@Path("/teams/{slug}/apps")
@RolesAllowed("user")
public class TeamAppsResource {

    @Inject
    TeamService teams;

    @Inject
    ProCatalog catalog;

    @Inject
    OwnershipService ownership;

    @Inject
    CurrentUser currentUser;

    /** One app version and who owns its name, as this team sees it. */
    public record AppRow(ProApp app, OwnershipService.Owner owner) {

        public boolean readOnly() {
            return owner == OwnershipService.Owner.OTHER;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apps(Team team, List<AppRow> apps, boolean available, boolean canChangeView);
    }

    @GET
    public TemplateInstance apps(@PathParam("slug") String slug) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        var apps = catalog.apps(team);
        List<AppClaim> claims = ownership.claims();
        List<AppRow> rows = apps.orElse(List.of()).stream()
                .map(app -> new AppRow(app, OwnershipService.ownerOf(team, app.name(), claims)))
                .filter(row -> !(team.hideOtherApps && row.readOnly())).toList();
        return Templates.apps(team, rows, apps.isPresent(), user.admin || teams.isApprover(team, user));
    }

    /** Approvers and admins choose whether other teams' apps are listed read-only or hidden. */
    @POST
    @Path("view")
    public Response view(@PathParam("slug") String slug, @RestForm String hideOtherApps) {
        ownership.setHideOtherApps(slug, currentUser.get(), "true".equals(hideOtherApps));
        return Flash.redirect("/teams/" + slug + "/apps", "true".equals(hideOtherApps)
                ? "Other teams' apps are hidden here now." : "Other teams' apps are listed here, read-only.");
    }
}
