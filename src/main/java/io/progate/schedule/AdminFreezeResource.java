package io.progate.schedule;

import io.progate.account.CurrentUser;
import io.progate.account.User;
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

/** Every freeze, for admins: declare one for a team or for every team, lift any. */
@Path("/admin/freezes")
@RolesAllowed("admin")
public class AdminFreezeResource {

    @Inject
    FreezeService freezes;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<Freeze> freezes, List<Team> teams, FreezeResource.Form form,
                Map<String, String> errors);
    }

    @GET
    public TemplateInstance admin() {
        return Templates.admin(freezes.all(), Team.allByName(), FreezeResource.Form.empty(), Map.of());
    }

    /** A freeze of one team, or of every team when no team is chosen. */
    @POST
    public Response declare(@RestForm String team, @RestForm String startsAt, @RestForm String endsAt,
            @RestForm String reason) {
        String slug = team == null || team.isBlank() ? null : team;
        try {
            freezes.declare(slug, currentUser.get(), new FreezeService.FreezeInput(startsAt, endsAt, reason));
            return Flash.redirect(ScheduleUrls.ADMIN_PAGE, "Freeze declared for "
                    + (slug == null ? "every team" : "team " + slug) + ".");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.admin(freezes.all(), Team.allByName(),
                    new FreezeResource.Form(team, startsAt, endsAt, reason), FormErrors.of(e)));
        }
    }

    @POST
    @Path("{id}/lift")
    public Response lift(@PathParam("id") long id) {
        return lift(freezes, id, currentUser.get(), ScheduleUrls.ADMIN_PAGE);
    }

    /** Lifts the freeze and goes back to {@code page}; a freeze already lifted or over comes back as the flash. */
    static Response lift(FreezeService freezes, long id, User user, String page) {
        try {
            freezes.lift(id, user);
            return Flash.redirect(page, "Freeze lifted: held requests start at their next chance.");
        } catch (ConflictException e) {
            return Flash.redirectWithError(page, e.getMessage());
        }
    }
}
