package io.progate.pro;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.progate.pro.model.ProTask;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Tasks under {@code <proUrl>/pro-api/v2}. */
@Produces(MediaType.APPLICATION_JSON)
interface TasksApi {

    @POST
    @Path(ProPaths.TASK_ON_VERSION)
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("appName") String appName,
            @PathParam("appVersion") String appVersion, @PathParam("serviceName") String serviceName, byte[] body);

    @POST
    @Path(ProPaths.TASK_ON_LATEST)
    @Consumes(MediaType.APPLICATION_JSON)
    Response createOnLatest(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("appName") String appName,
            @PathParam("serviceName") String serviceName, byte[] body);

    @GET
    @Path(ProPaths.TASKS)
    Response list(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("appName") String appName,
            @QueryParam("appVersion") String appVersion, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit);

    @GET
    @Path(ProPaths.TASK)
    Response get(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id);

    @GET
    @Path(ProPaths.TASK_RESPONSE)
    @Produces(MediaType.WILDCARD)
    Response response(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id);

    @PUT
    @Path(ProPaths.TASK)
    @Consumes(MediaType.APPLICATION_JSON)
    Response setStatus(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id, StatusBody body);

    @DELETE
    @Path(ProPaths.TASK)
    Response delete(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskList(@JsonProperty("current_batch") List<ProTask> currentBatch, @JsonProperty("total_tasks") Long total) {
    }

    record StatusBody(String setstatus) {
    }
}
