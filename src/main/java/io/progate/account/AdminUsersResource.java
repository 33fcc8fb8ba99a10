package io.progate.account;

import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Admin pages for user accounts. */
@Path("/admin/users")
@RolesAllowed("admin")
public class AdminUsersResource {

    @Inject
    AccountService accounts;

    /** What the new-user form sends back when it has to be shown again. */
    public record UserForm(String username, String displayName, String email, boolean admin) {
        static final UserForm EMPTY = new UserForm("", "", "", false);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, Instant now, UserForm form, Map<String, String> errors);
    }

    @GET
    public TemplateInstance users() {
        return page(UserForm.EMPTY, Map.of());
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String password, @RestForm boolean admin) {
        UserForm form = new UserForm(username, displayName, email, admin);
        try {
            User user = accounts.create(new AccountService.NewUser(username, displayName, email, password, admin));
            return Flash.redirect("/admin/users", "User " + user.username + " created.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(form, FormErrors.of(e)));
        } catch (ConflictException e) {
            return FormErrors.badRequest(page(form, FormErrors.one("username", "this username is taken")));
        }
    }

    @POST
    @Path("{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        accounts.unlock(username);
        return Flash.redirect("/admin/users", username + " is unlocked.");
    }

    private TemplateInstance page(UserForm form, Map<String, String> errors) {
        return Templates.users(User.allByUsername(), Instant.now(), form, errors);
    }
}
