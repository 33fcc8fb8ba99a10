package io.progate.sandbox;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import io.progate.pro.NewApiKey;
import io.progate.pro.ProApiKey;
import io.progate.pro.ProEnvironment;
import io.progate.pro.ProGroup;
import io.progate.pro.ProPaths;
import io.progate.pro.ProScope;
import io.progate.pro.ProUser;
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

    static final String ROOT = "/sandbox" + ProPaths.USER_MANAGER;

    @Inject
    SandboxAuth auth;

    @Inject
    SandboxDirectory directory;

    @Inject
    SandboxKeys keys;

    @GET
    @Path(ProPaths.ENVIRONMENTS)
    public List<ProEnvironment> environments(@HeaderParam(APIKEY_HEADER) String apiKey) {
        auth.require(apiKey, ProScope.AUTHENTICATION);
        return directory.environments();
    }

    @GET
    @Path(ProPaths.GROUPS)
    public List<ProGroup> groups(@HeaderParam(APIKEY_HEADER) String apiKey) {
        auth.require(apiKey, ProScope.AUTHENTICATION);
        return directory.groups();
    }

    @GET
    @Path(ProPaths.USERS)
    public List<ProUser> users(@HeaderParam(APIKEY_HEADER) String apiKey, @Context UriInfo uri) {
        auth.require(apiKey, ProScope.AUTHENTICATION);
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        return directory.users(query);
    }

    @GET
    @Path(ProPaths.CURRENT_USER)
    public ProUser currentUser(@HeaderParam(APIKEY_HEADER) String apiKey) {
        return directory.current(auth.require(apiKey, ProScope.AUTHENTICATION));
    }

    @GET
    @Path(ProPaths.API_KEYS)
    public List<ProApiKey> apiKeys(@HeaderParam(APIKEY_HEADER) String apiKey) {
        return keys.list(auth.require(apiKey, ProScope.API_KEY));
    }

    @POST
    @Path(ProPaths.API_KEYS)
    @Consumes(MediaType.APPLICATION_JSON)
    public ProApiKey createApiKey(@HeaderParam(APIKEY_HEADER) String apiKey, NewApiKey request) {
        return keys.create(auth.require(apiKey, ProScope.API_KEY), request);
    }

    @DELETE
    @Path(ProPaths.API_KEY)
    public void deleteApiKey(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("name") String name) {
        keys.delete(auth.require(apiKey, ProScope.API_KEY), name);
    }

    @GET
    @Path(ProPaths.SCOPES)
    public List<String> scopes(@HeaderParam(APIKEY_HEADER) String apiKey) {
        auth.require(apiKey, ProScope.API_KEY);
        return Arrays.stream(ProScope.values()).map(ProScope::wireName).toList();
    }
}
