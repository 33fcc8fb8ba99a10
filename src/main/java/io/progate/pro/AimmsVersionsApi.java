package io.progate.pro;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.progate.pro.model.AimmsVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** AIMMS versions under {@code <proUrl>/pro-api/v2}. */
@Produces(MediaType.APPLICATION_JSON)
interface AimmsVersionsApi {

    @GET
    @Path(ProPaths.AIMMS_VERSIONS)
    Response list(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("dev") Boolean dev);

    @GET
    @Path(ProPaths.AIMMS_VERSION)
    Response get(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionList(List<AimmsVersion> versions) {
    }
}
