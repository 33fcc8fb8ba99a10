package io.progate.account;

import io.progate.common.InvalidInputException;
import io.progate.team.Membership;
import io.progate.team.Team;
import io.progate.team.TeamService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The caller's own account and personal access tokens. */
@Path("/api/v1/me")
@RolesAllowed("user")
public class MeApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamService teams;

    @Inject
    TokenService tokens;

    public record TeamRef(String slug, String name, String role) {
    }

    public record Me(String username, String displayName, String email, boolean admin, List<TeamRef> teams) {
    }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.tokenPrefix, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt);
        }
    }

    /** The answer to a token creation: the only time the value is ever shown. */
    public record NewToken(long id, String name, String prefix, Instant expiresAt, String token) {
    }

    public record TokenRequest(String name, Instant expiresAt) {
    }

    @GET
    public Me me() {
        User user = currentUser.get();
        List<TeamRef> refs = teams.visibleTo(user).stream()
                .map(team -> new TeamRef(team.slug, team.name, roleName(team, user)))
                .toList();
        return new Me(user.username, user.displayName, user.email, user.admin, refs);
    }

    @GET
    @Path("tokens")
    public List<TokenView> tokens() {
        return tokens.listFor(currentUser.get()).stream().map(TokenView::of).toList();
    }

    @POST
    @Path("tokens")
    public Response createToken(TokenRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new InvalidInputException("name", "a name of 1 to 100 characters is required");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw new InvalidInputException("expiresAt", "must lie in the future");
        }
        TokenService.Issued issued = tokens.create(currentUser.get(), request.name().trim(), request.expiresAt());
        ApiToken t = issued.token();
        return Response.status(Response.Status.CREATED)
                .entity(new NewToken(t.id, t.name, t.tokenPrefix, t.expiresAt, issued.value()))
                .build();
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Response.noContent().build();
    }

    private static String roleName(Team team, User user) {
        return Membership.of(team, user).map(m -> m.role.name()).orElse(user.admin ? "ADMIN" : null);
    }
}
