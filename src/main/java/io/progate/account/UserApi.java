package io.progate.account;

import io.progate.common.Paging;
import io.progate.web.PageLinks;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** User administration for automation: create, disable and enable, grant and take away admin, reset a password. */
@Path("/api/v1/users")
@RolesAllowed("admin")
public class UserApi {

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    public record UserView(String username, String displayName, String email, boolean admin, boolean enabled,
            boolean mustChangePassword, Instant createdAt, Instant lastLoginAt, boolean locked) {

        static UserView of(User u) {
            return new UserView(u.username, u.displayName, u.email, u.admin, u.enabled, u.mustChangePassword,
                    u.createdAt, u.lastLoginAt, u.isLockedAt(Instant.now()));
        }
    }

    /** A change to a user: each field optional. */
    public record UserChange(Boolean enabled, Boolean admin) {
    }

    /** A temporary password the user must change at the next sign-in. */
    public record PasswordReset(String password) {

        @Override
        public String toString() {
            return "PasswordReset[redacted]";
        }
    }

    /** A page of users by user name: {@code limit} (50, at most 500) after {@code cursor}, {@code Link} to the next. */
    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageLinks.ok(User.page(Paging.parse(limit, cursor)), users -> users.stream().map(UserView::of).toList(),
                uri);
    }

    @POST
    public Response create(AccountService.NewUser input) {
        User user = accounts.create(input == null ? new AccountService.NewUser(null, null, null, null, false) : input);
        return Response.created(URI.create("/api/v1/users/" + user.username)).entity(UserView.of(user)).build();
    }

    @PATCH
    @Path("{username}")
    public UserView change(@PathParam("username") String username, UserChange change) {
        String actor = identity.getPrincipal().getName();
        User user = null;
        if (change != null && change.enabled() != null) {
            user = accounts.setEnabled(actor, username, change.enabled());
        }
        if (change != null && change.admin() != null) {
            user = accounts.setAdmin(username, change.admin());
        }
        return UserView.of(user != null ? user : User.byUsername(username)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no such user")));
    }

    @POST
    @Path("{username}/password-reset")
    public UserView resetPassword(@PathParam("username") String username, PasswordReset reset) {
        return UserView.of(accounts.resetPassword(identity.getPrincipal().getName(), username,
                reset == null ? null : reset.password()));
    }
}
