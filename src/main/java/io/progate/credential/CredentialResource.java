package io.progate.credential;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.pro.model.ProScope;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.progate.web.PageLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A team's PRO keys page: the list for every member, the forms for approvers and admins. The active keys
 * and the history page apart, newest first: {@code limit} rows of each (50, at most 500), the active keys
 * after {@code cursor}, the history after {@code historyCursor}; each list's next link keeps the other's place.
 */
@Path("/teams/{slug}/credentials")
@RolesAllowed("user")
public class CredentialResource {

    @Inject
    CredentialService credentials;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @Inject
    KeyRotation rotation;

    /** What the add form shows again after a refusal; never the key. */
    public record KeyForm(String label, List<String> scopes, String expiresAt, boolean saveUnverified) {

        static final KeyForm EMPTY = new KeyForm("", List.of(), "", false);

        public boolean has(ProScope scope) {
            return scopes != null && scopes.stream().anyMatch(s -> ProScope.parse(s).filter(scope::equals).isPresent());
        }
    }

    /** The query parameter that holds the history's cursor. */
    static final String HISTORY_CURSOR = "historyCursor";

    /** A page of each list, and the links to their next pages (null on the last). */
    public record Lists(List<Credential> active, String nextActive, List<Credential> history, String nextHistory) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance credentials(Team team, Lists keys, boolean canManage, KeyForm form,
                Map<String, String> errors, Verification refused, ProScope[] allScopes, String minDate, String maxDate,
                KeyRotation.ProKeys proKeys);
    }

    @GET
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam(HISTORY_CURSOR) String historyCursor,
            @Context UriInfo uri) {
        Paging active = Paging.parse(limit, cursor);
        Paging history = Paging.parse(limit, historyCursor, HISTORY_CURSOR);
        return page(slug, KeyForm.EMPTY, Map.of(), null, active, history, uri);
    }

    @POST
    public Response add(@PathParam("slug") String slug, @RestForm String label, @RestForm String key,
            @RestForm List<String> scopes, @RestForm String expiresAt, @RestForm boolean saveUnverified,
            @Context UriInfo uri) {
        KeyForm form = new KeyForm(label, scopes, expiresAt, saveUnverified);
        try {
            Credential created = credentials.add(slug, currentUser.get(),
                    new CredentialInput(label, key, scopes, expiresAt, saveUnverified));
            return Flash.redirect(url(slug), "Key " + created.label + " saved"
                    + (created.verified ? " and verified with PRO." : " unverified."));
        } catch (VerificationFailedException e) {
            return FormErrors.badRequest(firstPages(slug, form, Map.of(), e.verification(), uri));
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(firstPages(slug, form, FormErrors.of(e), null, uri));
        } catch (ConflictException e) {
            return FormErrors.badRequest(firstPages(slug, form, FormErrors.one("label", e.getMessage()), null, uri));
        }
    }

    @POST
    @Path("{id}/replace")
    public Response replace(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String key,
            @RestForm String expiresAt, @RestForm boolean saveUnverified) {
        try {
            Credential created = credentials.replace(slug, currentUser.get(), id,
                    new CredentialInput(null, key, null, expiresAt, saveUnverified));
            return Flash.redirect(url(slug), "Key " + created.label + " replaced"
                    + (created.verified ? " and verified with PRO." : " unverified."));
        } catch (InvalidInputException e) {
            return Flash.redirectWithError(url(slug), "Key not replaced: " + e.errors().stream()
                    .map(error -> error.message()).collect(Collectors.joining("; ")));
        } catch (ConflictException e) {
            return Flash.redirectWithError(url(slug), "Key not replaced: " + e.getMessage());
        }
    }

    @POST
    @Path("{id}/remove")
    public Response remove(@PathParam("slug") String slug, @PathParam("id") long id) {
        credentials.remove(slug, currentUser.get(), id);
        return Flash.redirect(url(slug), "Key removed.");
    }

    @POST
    @Path("{id}/verify")
    public Response verify(@PathParam("slug") String slug, @PathParam("id") long id) {
        try {
            Verification v = credentials.verifyStored(slug, currentUser.get(), id);
            return v.passed() ? Flash.redirect(url(slug), "PRO accepted the key: " + v.summary())
                    : Flash.redirectWithError(url(slug), "PRO did not accept the key: " + v.summary());
        } catch (ConflictException e) {
            return Flash.redirectWithError(url(slug), e.getMessage());
        }
    }

    /** Rotates the key through PRO now; the outcome (rotated, or why not) as the flash message. */
    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("slug") String slug, @PathParam("id") long id) {
        try {
            KeyRotation.Result result = rotation.rotate(slug, currentUser.get(), id);
            return result.rotated() ? Flash.redirect(url(slug), "Key " + result.inUse().label + " " + result.message())
                    : Flash.redirectWithError(url(slug), "Key " + result.inUse().label + " " + result.message());
        } catch (ConflictException e) {
            return Flash.redirectWithError(url(slug), "Key not rotated: " + e.getMessage());
        }
    }

    /** Days before expiry at which keys with the APIKey scope rotate themselves; empty switches it off. */
    @POST
    @Path("rotation")
    public Response rotationDays(@PathParam("slug") String slug, @RestForm String days) {
        try {
            Integer value = days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
            Team team = rotation.setRotationDays(slug, currentUser.get(), value);
            return Flash.redirect(url(slug), team.keyRotationDays == null ? "Automatic rotation is off."
                    : "Keys rotate themselves " + team.keyRotationDays + " days before they expire.");
        } catch (NumberFormatException e) {
            return Flash.redirectWithError(url(slug), "Rotation days: a whole number, or empty for off");
        } catch (InvalidInputException e) {
            return Flash.redirectWithError(url(slug), "Rotation days: " + e.errors().get(0).message());
        }
    }

    /** The form shown again with its errors, above the first page of each list. */
    private TemplateInstance firstPages(String slug, KeyForm form, Map<String, String> errors, Verification refused,
            UriInfo uri) {
        return page(slug, form, errors, refused, Paging.first(), Paging.first(), uri);
    }

    private TemplateInstance page(String slug, KeyForm form, Map<String, String> errors, Verification refused,
            Paging activePaging, Paging historyPaging, UriInfo uri) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Paging.Page<Credential> active = Credential.activePage(team, activePaging);
        Paging.Page<Credential> history = Credential.retiredPage(team, historyPaging);
        Lists keys = new Lists(active.items(), PageLinks.next(uri, active.nextCursor()), history.items(),
                PageLinks.next(uri, HISTORY_CURSOR, history.nextCursor()));
        return Templates.credentials(team, keys, credentials.canManage(team, user), form, errors, refused,
                ProScope.values(),
                today.plusDays(1).toString(), today.plusYears(1).toString(), rotation.proKeys(slug, user));
    }

    private static String url(String slug) {
        return "/teams/" + slug + "/credentials";
    }
}
