package io.progate.sandbox;

import static io.progate.sandbox.SandboxPaths.APIKEY;

import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's user manager under {@code /sandbox/pro/user-manager/v1}: directory reads and API keys. */
@Path(SandboxUserManagerApi.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxUserManagerApi {

    static final String ROOT = SandboxPaths.ACCOUNT + SandboxPaths.USER_MANAGER;

    @Inject
    SandboxAuth auth;

    @Inject
    SandboxDirectory directory;

    @Inject
    SandboxKeys keys;

    @GET
    @Path(SandboxPaths.ENVIRONMENTS)
    public List<SandboxWire.Environment> environments(@HeaderParam(APIKEY) String apiKey, @Context UriInfo uri) {
        auth.require(apiKey, SandboxScope.AUTHENTICATION);
        return directory.environments(query(uri));
    }

    @GET
    @Path(SandboxPaths.GROUPS)
    public List<SandboxWire.Group> groups(@HeaderParam(APIKEY) String apiKey, @Context UriInfo uri) {
        auth.require(apiKey, SandboxScope.AUTHENTICATION);
        return directory.groups(query(uri));
    }

    @GET
    @Path(SandboxPaths.USERS)
    public List<SandboxWire.User> users(@HeaderParam(APIKEY) String apiKey, @Context UriInfo uri) {
        auth.require(apiKey, SandboxScope.AUTHENTICATION);
        return directory.users(query(uri));
    }

    @GET
    @Path(SandboxPaths.CURRENT_USER)
    public SandboxWire.User currentUser(@HeaderParam(APIKEY) String apiKey) {
        return directory.current(auth.require(apiKey, SandboxScope.AUTHENTICATION));
    }

    @GET
    @Path(SandboxPaths.API_KEYS)
    public List<SandboxWire.Key> apiKeys(@HeaderParam(APIKEY) String apiKey) {
        return keys.list(auth.require(apiKey, SandboxScope.API_KEY));
    }

    @POST
    @Path(SandboxPaths.API_KEYS)
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxWire.Key createApiKey(@HeaderParam(APIKEY) String apiKey, String body) {
        SandboxKey caller = auth.require(apiKey, SandboxScope.API_KEY);
        return keys.create(caller, SandboxJson.read(body, SandboxWire.NewKey.class, "the API key body"));
    }

    @DELETE
    @Path(SandboxPaths.API_KEY)
    public void deleteApiKey(@HeaderParam(APIKEY) String apiKey, @PathParam("name") String name) {
        keys.delete(auth.require(apiKey, SandboxScope.API_KEY), name);
    }

    @GET
    @Path(SandboxPaths.SCOPES)
    public List<String> scopes(@HeaderParam(APIKEY) String apiKey) {
        auth.require(apiKey, SandboxScope.API_KEY);
        return Arrays.stream(SandboxScope.values()).map(SandboxScope::wireName).toList();
    }

    private static Map<String, String> query(UriInfo uri) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        return query;
    }
}
