package io.progate.ownership;

import io.progate.account.CurrentUser;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.team.Team;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
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
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The admin page of app owners: which team owns which names; assign, transfer, release. */
@Path("/admin/app-owners")
@RolesAllowed("admin")
public class AdminAppOwnersResource {

    static final String PAGE = "/admin/app-owners";

    @Inject
    OwnershipService ownership;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance owners(List<AppClaim> claims, List<Team> teams, String name, String team,
                Map<String, String> errors);
    }

    @GET
    public TemplateInstance owners() {
        return Templates.owners(ownership.claims(), Team.allByName(), "", "", Map.of());
    }

    @POST
    public Response assign(@RestForm String name, @RestForm String team) {
        try {
            OwnershipService.ClaimView claim = ownership.assign(name, team, currentUser.get());
            return Flash.redirect(PAGE, claim.name() + " now belongs to team " + claim.team() + ".");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.owners(ownership.claims(), Team.allByName(), name, team,
                    FormErrors.of(e)));
        } catch (ConflictException e) {
            return FormErrors.badRequest(Templates.owners(ownership.claims(), Team.allByName(), name, team,
                    FormErrors.one("name", e.getMessage())));
        }
    }

    @POST
    @Path("{id}/transfer")
    public Response transfer(@PathParam("id") long id, @RestForm String team) {
        try {
            OwnershipService.ClaimView claim = ownership.transfer(id, team, currentUser.get());
            return Flash.redirect(PAGE, claim.name() + " now belongs to team " + claim.team() + ".");
        } catch (ConflictException | InvalidInputException e) {
            return Flash.redirectWithError(PAGE, e instanceof ConflictException ? e.getMessage()
                    : "Choose the team to transfer the name to.");
        }
    }

    @POST
    @Path("{id}/release")
    public Response release(@PathParam("id") long id) {
        ownership.release(id, currentUser.get());
        return Flash.redirect(PAGE, "The name is released: nobody owns it now.");
    }
}
