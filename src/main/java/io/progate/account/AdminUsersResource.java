package io.progate.account;

import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Admin pages for user accounts: create, reset a password, disable and enable, grant and take away admin, unlock. */
@Path("/admin/users")
@RolesAllowed("admin")
public class AdminUsersResource {

    static final String PAGE = "/admin/users";

    @Inject
    AccountService accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    SecurityIdentity identity;

    /** What the new-user form sends back when it has to be shown again. */
    public record UserForm(String username, String displayName, String email, boolean admin) {
        static final UserForm EMPTY = new UserForm("", "", "", false);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, Instant now, UserForm form, Map<String, String> errors,
                String passwordRule, String me, String next);
    }

    /** A page of users by user name: {@code limit} (50, at most 500) after {@code cursor}, a link to the next. */
    @GET
    public TemplateInstance users(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return page(UserForm.EMPTY, Map.of(), Paging.parse(limit, cursor), uri);
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String password, @RestForm boolean admin, @Context UriInfo uri) {
        UserForm form = new UserForm(username, displayName, email, admin);
        try {
            User user = accounts.create(new AccountService.NewUser(username, displayName, email, password, admin));
            return Flash.redirect(PAGE, "User " + user.username + " created.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(form, FormErrors.of(e), Paging.first(), uri));
        } catch (ConflictException e) {
            return FormErrors.badRequest(page(form, FormErrors.one("username", "this username is taken"),
                    Paging.first(), uri));
        }
    }

    @POST
    @Path("{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        accounts.unlock(username);
        return Flash.redirect(PAGE, username + " is unlocked.");
    }

    @POST
    @Path("{username}/reset-password")
    public Response resetPassword(@PathParam("username") String username, @RestForm String password) {
        try {
            accounts.resetPassword(actor(), username, password);
            return Flash.redirect(PAGE, "Password of " + username
                    + " reset; they choose a new one at their next sign-in. Their sessions have ended.");
        } catch (InvalidInputException e) {
            return Flash.redirectWithError(PAGE, "Password of " + username + " not reset: "
                    + FormErrors.of(e).values().iterator().next());
        } catch (ConflictException e) {
            return Flash.redirectWithError(PAGE, e.getMessage());
        }
    }

    @POST
    @Path("{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return lifecycle(() -> accounts.setEnabled(actor(), username, false),
                username + " is disabled: their tokens are revoked and their sessions have ended.");
    }

    @POST
    @Path("{username}/enable")
    public Response enable(@PathParam("username") String username) {
        return lifecycle(() -> accounts.setEnabled(actor(), username, true), username + " is enabled.");
    }

    @POST
    @Path("{username}/grant-admin")
    public Response grantAdmin(@PathParam("username") String username) {
        return lifecycle(() -> accounts.setAdmin(username, true), username + " is now a portal admin.");
    }

    @POST
    @Path("{username}/revoke-admin")
    public Response revokeAdmin(@PathParam("username") String username) {
        return lifecycle(() -> accounts.setAdmin(username, false), username + " is no longer a portal admin.");
    }

    private Response lifecycle(Runnable change, String done) {
        try {
            change.run();
            return Flash.redirect(PAGE, done);
        } catch (ConflictException e) {
            return Flash.redirectWithError(PAGE, e.getMessage());
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** The page with one page of users (a form shown again starts at the first). */
    private TemplateInstance page(UserForm form, Map<String, String> errors, Paging paging, UriInfo uri) {
        String passwordRule = "(at least " + policy.minLength() + " characters, not a common one)";
        Paging.Page<User> users = User.page(paging);
        return Templates.users(users.items(), Instant.now(), form, errors, passwordRule, actor(),
                PageLinks.next(uri, users.nextCursor()));
    }
}
