package io.progate.procheck;

import io.progate.account.CurrentUser;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The PRO connection check page of a team: what a customer opens on day one against a real PRO
 * account. Opening it runs the reads (they change nothing); reload to run them again.
 */
@Path("/teams/{slug}/pro-check")
@RolesAllowed("user")
public class ProCheckResource {

    @Inject
    ProCheckService checks;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance check(Team team, ProCheck check);
    }

    @GET
    public TemplateInstance check(@PathParam("slug") String slug) {
        ProCheck check = checks.run(slug, currentUser.get());
        return Templates.check(teams.require(slug, currentUser.get()), check);
    }
}
