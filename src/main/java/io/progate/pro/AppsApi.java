package io.progate.pro;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import io.progate.pro.model.AppUpdate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** Apps and app categories under {@code <proUrl>/pro-api/v2}. */
@Produces(MediaType.APPLICATION_JSON)
interface AppsApi {

    @POST
    @Path(ProPaths.APPLICATIONS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Response publish(@HeaderParam(APIKEY_HEADER) String apiKey, ClientMultipartForm form);

    @GET
    @Path(ProPaths.APPLICATIONS)
    Response list(@HeaderParam(APIKEY_HEADER) String apiKey);

    @GET
    @Path(ProPaths.APP_VERSIONS)
    Response versions(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name);

    @GET
    @Path(ProPaths.APP_VERSION)
    Response get(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version);

    @PATCH
    @Path(ProPaths.APP_VERSION)
    @Consumes(MediaType.APPLICATION_JSON)
    Response update(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version, AppUpdate update);

    @DELETE
    @Path(ProPaths.APP_VERSION)
    Response delete(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version);

    /** A bare array or {@code {"application_categories": [...]}}: read loosely. */
    @GET
    @Path(ProPaths.CATEGORIES)
    Response categories(@HeaderParam(APIKEY_HEADER) String apiKey);

    @POST
    @Path(ProPaths.CATEGORIES)
    @Consumes(MediaType.APPLICATION_JSON)
    Response createCategory(@HeaderParam(APIKEY_HEADER) String apiKey, CategoryBody body);

    @PUT
    @Path(ProPaths.CATEGORY)
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateCategory(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id, CategoryBody body);

    @DELETE
    @Path(ProPaths.CATEGORY)
    Response deleteCategory(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id);

    record CategoryBody(String value) {
    }
}
