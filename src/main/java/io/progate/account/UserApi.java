package io.progate.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** User administration for automation. */
@Path("/api/v1/users")
@RolesAllowed("admin")
public class UserApi {

    @Inject
    AccountService accounts;

    public record UserView(String username, String displayName, String email, boolean admin, Instant createdAt,
            Instant lastLoginAt, boolean locked) {

        static UserView of(User u) {
            return new UserView(u.username, u.displayName, u.email, u.admin, u.createdAt, u.lastLoginAt,
                    u.isLockedAt(Instant.now()));
        }
    }

    @GET
    public List<UserView> list() {
        return User.allByUsername().stream().map(UserView::of).toList();
    }

    @POST
    public Response create(AccountService.NewUser input) {
        User user = accounts.create(input == null ? new AccountService.NewUser(null, null, null, null, false) : input);
        return Response.created(URI.create("/api/v1/users/" + user.username)).entity(UserView.of(user)).build();
    }
}
