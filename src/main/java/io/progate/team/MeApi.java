package io.progate.team;

import io.progate.account.ApiToken;
import io.progate.account.CurrentUser;
import io.progate.account.TokenService;
import io.progate.account.User;
import io.progate.account.auth.Identities;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
import java.util.Optional;

/** The caller's own account and personal access tokens. */
@Path("/api/v1/me")
@RolesAllowed("user")
public class MeApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    MyTeams myTeams;

    @Inject
    TokenService tokens;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    public record TeamRef(String slug, String name, String role) {
    }

    public record Me(String username, String displayName, String email, boolean admin, List<TeamRef> teams) {
    }

    public record TokenView(long id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.tokenPrefix, t.scopeNames(), t.createdAt, t.expiresAt, t.lastUsedAt,
                    t.revokedAt);
        }
    }

    /** The answer to a token creation: the only time the value is ever shown. */
    public record NewToken(long id, String name, String prefix, List<String> scopes, Instant expiresAt, String token) {
    }

    /** A new token: name, scopes (default read and submit), expiry (default 90 days, at most a year). */
    public record TokenRequest(String name, List<String> scopes, Instant expiresAt) {
    }

    /**
     * From the identity's user row and the cached team list ({@link MyTeams}). While both are warm the
     * answer is given on the I/O thread, reading nothing; otherwise the teams are read on a worker thread.
     */
    @GET
    public Uni<Me> me() {
        Optional<User> signedIn = Identities.user(identity);
        Optional<List<MyTeams.MyTeam>> warm = signedIn.flatMap(myTeams::inMemory);
        if (warm.isPresent()) {
            return Uni.createFrom().item(me(signedIn.get(), warm.get()));
        }
        return Uni.createFrom().item(() -> {
            User user = currentUser.get();
            return me(user, myTeams.of(user));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Me me(User user, List<MyTeams.MyTeam> teams) {
        List<TeamRef> refs = teams.stream()
                .map(team -> new TeamRef(team.slug(), team.name(), team.role() != null ? team.role().name()
                        : user.admin ? "ADMIN" : null))
                .toList();
        return new Me(user.username, user.displayName, user.email, user.admin, refs);
    }

    /** A page of the caller's tokens, newest first: {@code limit} (50, at most 500) after {@code cursor}. */
    @GET
    @Path("tokens")
    public Response tokens(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageLinks.ok(ApiToken.pageOf(currentUser.get(), Paging.parse(limit, cursor)),
                page -> page.stream().map(TokenView::of).toList(), uri);
    }

    @POST
    @Path("tokens")
    public Response createToken(TokenRequest request) {
        if (request == null) {
            throw new InvalidInputException("name", "a name of 1 to 100 characters is required");
        }
        List<String> scopes = request.scopes() == null ? List.of("read", "submit") : request.scopes();
        TokenService.Issued issued = tokens.create(currentUser.get(), Identities.method(identity),
                new TokenService.Request(request.name(), TokenService.parseScopes(scopes), request.expiresAt()));
        ApiToken t = issued.token();
        return Response.status(Response.Status.CREATED)
                .entity(new NewToken(t.id, t.name, t.tokenPrefix, t.scopeNames(), t.expiresAt, issued.value()))
                .build();
    }

    /** Revokes one of the caller's tokens; a call made with a token may revoke that token only. */
    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id, Identities.tokenId(identity));
        return Response.noContent().build();
    }
}
