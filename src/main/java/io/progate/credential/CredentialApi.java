package io.progate.credential;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * A team's PRO API keys for automation. Keys are accepted (add, replace) and never returned; members read
 * the list, approvers and admins change it.
 */
@Path("/api/v1/teams/{slug}/credentials")
@Tag(name = "Credentials", description = "A team's PRO API keys: never shown, rotated through PRO")
@RolesAllowed("user")
public class CredentialApi {

    @Inject
    CredentialService credentials;

    @Inject
    CurrentUser currentUser;

    @Inject
    KeyRotation rotation;

    /** The outcome of trying a key against PRO. */
    public record VerificationView(boolean passed, List<Verification.ScopeCheck> checks) {

        static VerificationView of(Verification v) {
            return new VerificationView(v.passed(), v.checks());
        }
    }

    /**
     * A page of the active keys, newest first; with {@code ?history=true} of all keys, the replaced and
     * removed ones among them. {@code limit} (50, at most 500) after {@code cursor}, {@code Link} to the next.
     */
    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("history") boolean history,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Paging paging = Paging.parse(limit, cursor);
        Paging.Page<Credential> page = history ? credentials.allPage(slug, currentUser.get(), paging)
                : credentials.activePage(slug, currentUser.get(), paging);
        return PageLinks.ok(page, keys -> keys.stream().map(CredentialView::of).toList(), uri);
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

    /** What a rotation did: whether the team now uses a new key, why not, and the key in use. */
    public record RotationView(boolean rotated, String message, CredentialView inUse) {
    }

    /** Days before expiry at which keys with the APIKey scope rotate themselves; null switches it off. */
    public record RotationSetting(Integer days) {
    }

    /**
     * Rotates the key through PRO (it needs the APIKey scope): a new key with the same scopes, verified,
     * sealed and switched to, then the old one deleted in PRO. 200 either way; {@code rotated} false
     * with the reason when a step failed and the old key stays in use.
     */
    @POST
    @Path("{id}/rotate")
    @Operation(summary = "Rotates the key through PRO's api-key calls (approvers and admins)")
    @APIResponse(responseCode = "403", description = "Neither an approver of the team nor an admin")
    @APIResponse(responseCode = "409", description = "The key lacks the APIKey scope or is not active")
    public RotationView rotate(@PathParam("slug") String slug, @PathParam("id") long id) {
        KeyRotation.Result result = rotation.rotate(slug, currentUser.get(), id);
        return new RotationView(result.rotated(), result.message(), CredentialView.of(result.inUse()));
    }

    /** The keys PRO lists for the team's key user, each with the credential it is, or none (unmanaged). */
    @GET
    @Path("pro-keys")
    @Operation(summary = "The account's API keys as PRO lists them; those ProGate does not hold are unmanaged")
    public KeyRotation.ProKeys proKeys(@PathParam("slug") String slug) {
        return rotation.proKeys(slug, currentUser.get());
    }

    @PUT
    @Path("rotation")
    @Operation(summary = "Sets the days before expiry at which keys rotate themselves (null: off)")
    public RotationSetting rotation(@PathParam("slug") String slug, RotationSetting input) {
        return new RotationSetting(rotation.setRotationDays(slug, currentUser.get(), input == null ? null : input.days())
                .keyRotationDays);
    }

    private static CredentialInput required(CredentialInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with label, key, scopes and expiresAt is required");
        }
        return input;
    }
}
