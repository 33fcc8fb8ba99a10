package io.progate.pro;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import io.progate.pro.model.NewApiKey;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Environments, groups, users and API keys under {@code <proUrl>/pro/user-manager/v1}. */
@Produces(MediaType.APPLICATION_JSON)
interface UserManagerApi {

    @GET
    @Path(ProPaths.ENVIRONMENTS)
    Response environments(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit);

    @GET
    @Path(ProPaths.GROUPS)
    Response groups(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit);

    @GET
    @Path(ProPaths.USERS)
    Response users(@HeaderParam(APIKEY_HEADER) String apiKey, @RestQuery Map<String, String> filters,
            @QueryParam("sort") String sort, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit);

    @GET
    @Path(ProPaths.CURRENT_USER)
    Response currentUser(@HeaderParam(APIKEY_HEADER) String apiKey);

    @GET
    @Path(ProPaths.API_KEYS)
    Response apiKeys(@HeaderParam(APIKEY_HEADER) String apiKey);

    @POST
    @Path(ProPaths.API_KEYS)
    @Consumes(MediaType.APPLICATION_JSON)
    Response createApiKey(@HeaderParam(APIKEY_HEADER) String apiKey, NewApiKey key);

    @DELETE
    @Path(ProPaths.API_KEY)
    Response deleteApiKey(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("name") String name);

    @GET
    @Path(ProPaths.SCOPES)
    Response scopes(@HeaderParam(APIKEY_HEADER) String apiKey);
}
