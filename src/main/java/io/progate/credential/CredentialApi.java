package io.progate.credential;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * A team's PRO API keys for automation. Keys are accepted (add, replace) and never returned; members read
 * the list, approvers and admins change it.
 */
@Path("/api/v1/teams/{slug}/credentials")
@RolesAllowed("user")
public class CredentialApi {

    @Inject
    CredentialService credentials;

    @Inject
    CurrentUser currentUser;

    /** The outcome of trying a key against PRO. */
    public record VerificationView(boolean passed, List<Verification.ScopeCheck> checks) {

        static VerificationView of(Verification v) {
            return new VerificationView(v.passed(), v.checks());
        }
    }

    /** Active keys; with {@code ?history=true} also the replaced and removed ones. */
    @GET
    public List<CredentialView> list(@PathParam("slug") String slug, @QueryParam("history") boolean history) {
        Stream<Credential> active = credentials.list(slug, currentUser.get()).stream();
        Stream<Credential> all = history
                ? Stream.concat(active, credentials.history(slug, currentUser.get()).stream()) : active;
        return all.map(CredentialView::of).toList();
    }

    @POST
    public Response add(@PathParam("slug") String slug, CredentialInput input) {
        Credential created = credentials.add(slug, currentUser.get(), required(input));
        return Response.created(URI.create("/api/v1/teams/" + slug + "/credentials/" + created.id))
                .entity(CredentialView.of(created)).build();
    }

    @GET
    @Path("{id}")
    public CredentialView get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return CredentialView.of(credentials.get(slug, currentUser.get(), id));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("slug") String slug, @PathParam("id") long id) {
        credentials.remove(slug, currentUser.get(), id);
        return Response.noContent().build();
    }

    /** Replaces the key under the same label; answers the new credential (a new id), the old one becomes history. */
    @PUT
    @Path("{id}/secret")
    public CredentialView replace(@PathParam("slug") String slug, @PathParam("id") long id, CredentialInput input) {
        return CredentialView.of(credentials.replace(slug, currentUser.get(), id, required(input)));
    }

    /** Tries the stored key against PRO again. */
    @POST
    @Path("{id}/verify")
    public VerificationView verify(@PathParam("slug") String slug, @PathParam("id") long id) {
        return VerificationView.of(credentials.verifyStored(slug, currentUser.get(), id));
    }

    private static CredentialInput required(CredentialInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with label, key, scopes and expiresAt is required");
        }
        return input;
    }
}
