package io.progate.access;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.team.Team;
import io.progate.team.TeamService;
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

/**
 * The team's labels for PRO entity ids, with the names PRO's user manager lists (to pick a label
 * from) and whether it sends ids at all. Approvers of the team and admins change labels.
 */
@Path("/teams/{slug}/entity-labels")
@RolesAllowed("user")
public class EntityLabelResource {

    @Inject
    EntityLabelService labels;

    @Inject
    AccessDirectory directory;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance labels(Team team, List<EntityLabel> labels, Directory directory,
                boolean canChange, String entityId, String label, Map<String, String> errors);
    }

    @GET
    public TemplateInstance labels(@PathParam("slug") String slug) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        return page(team, user, "", "", Map.of());
    }

    @POST
    public Response set(@PathParam("slug") String slug, @RestForm String entityId, @RestForm String label) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            Long id = parse(entityId);
            labels.set(slug, user, id, label);
            return Flash.redirect(url(team), "Entity #" + id + " is now labelled " + label.trim() + ".");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(team, user, entityId, label, FormErrors.of(e)));
        }
    }

    @POST
    @Path("{entityId}/remove")
    public Response remove(@PathParam("slug") String slug, @PathParam("entityId") long entityId) {
        Team team = teams.require(slug, currentUser.get());
        labels.remove(slug, currentUser.get(), entityId);
        return Flash.redirect(url(team), "The label of entity #" + entityId + " was removed.");
    }

    private TemplateInstance page(Team team, User user, String entityId, String label, Map<String, String> errors) {
        return Templates.labels(team, EntityLabel.ofTeam(team.id), directory.read(team.id), labels.canChange(team, user),
                entityId, label, errors);
    }

    static String url(Team team) {
        return "/teams/" + team.slug + "/entity-labels";
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("entityId", "the numeric id of an environment, group or user");
        }
    }
}
