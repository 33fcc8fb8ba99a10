package io.progate.sandbox;

import static io.progate.pro.ProPaths.APIKEY_HEADER;

import io.progate.pro.AppCategory;
import io.progate.pro.AppUpdate;
import io.progate.pro.ProApp;
import io.progate.pro.ProPaths;
import io.progate.pro.ProScope;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The sandbox's PRO API: apps, categories, AIMMS versions and tasks under {@code /sandbox/pro-api/v2}. */
@Path(SandboxProApi.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxProApi {

    static final String ROOT = "/sandbox" + ProPaths.PRO_API;

    @Inject
    SandboxAuth auth;

    @Inject
    SandboxApps apps;

    @Inject
    SandboxCategories categories;

    @Inject
    SandboxTasks tasks;

    @Inject
    SandboxCaller caller;

    @POST
    @Path(ProPaths.APPLICATIONS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ProApp publish(@HeaderParam(APIKEY_HEADER) String apiKey, @RestForm("metadata") String metadata,
            @RestForm("file") FileUpload file, @RestForm("icon") FileUpload icon) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        caller.detail("parts: " + (metadata == null ? "" : "metadata (text) ") + part("file", file) + part("icon", icon));
        return apps.publish(new SandboxApps.Upload(metadata, file == null ? null : file.uploadedFile(),
                file == null ? null : file.fileName(), icon == null ? null : icon.uploadedFile()));
    }

    @GET
    @Path(ProPaths.APPLICATIONS)
    public List<ProApp> list(@HeaderParam(APIKEY_HEADER) String apiKey) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return apps.list();
    }

    @GET
    @Path(ProPaths.APP_VERSIONS)
    public List<ProApp> versions(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return apps.versions(name);
    }

    @GET
    @Path(ProPaths.APP_VERSION)
    public ProApp get(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return apps.get(name, version);
    }

    @PATCH
    @Path(ProPaths.APP_VERSION)
    @Consumes(MediaType.APPLICATION_JSON)
    public ProApp update(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version, AppUpdate update) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return apps.update(name, version, update);
    }

    @DELETE
    @Path(ProPaths.APP_VERSION)
    public void delete(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        apps.delete(name, version);
    }

    @GET
    @Path(ProPaths.CATEGORIES)
    public List<AppCategory> categories(@HeaderParam(APIKEY_HEADER) String apiKey) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return categories.list();
    }

    @POST
    @Path(ProPaths.CATEGORIES)
    @Consumes(MediaType.APPLICATION_JSON)
    public AppCategory createCategory(@HeaderParam(APIKEY_HEADER) String apiKey, Map<String, String> body) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return categories.create(body == null ? null : body.get("value"));
    }

    @PUT
    @Path(ProPaths.CATEGORY)
    @Consumes(MediaType.APPLICATION_JSON)
    public AppCategory renameCategory(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id,
            Map<String, String> body) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        return categories.rename(id, body == null ? null : body.get("value"));
    }

    @DELETE
    @Path(ProPaths.CATEGORY)
    public void deleteCategory(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, ProScope.PUBLISH_APP);
        categories.delete(id);
    }

    @GET
    @Path(ProPaths.AIMMS_VERSIONS)
    public Map<String, Object> aimmsVersions(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("dev") boolean dev) {
        auth.require(apiKey, ProScope.PUBLISH_AIMMS);
        return Map.of("versions", SandboxAimmsVersion.listed(dev).stream().map(SandboxProApi::version).toList());
    }

    @GET
    @Path(ProPaths.AIMMS_VERSION)
    public Map<String, Object> aimmsVersion(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, ProScope.PUBLISH_AIMMS);
        return version(SandboxAimmsVersion.byVersionId(id)
                .orElseThrow(() -> SandboxException.notFound("AIMMS version " + id)));
    }

    @POST
    @Path(ProPaths.TASK_ON_VERSION)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> createTask(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("appName") String app,
            @PathParam("appVersion") String version, @PathParam("serviceName") String service, byte[] body) {
        return tasks.create(auth.require(apiKey, ProScope.TASKS), app, version, service, body);
    }

    @POST
    @Path(ProPaths.TASK_ON_LATEST)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> createTaskOnLatest(@HeaderParam(APIKEY_HEADER) String apiKey,
            @PathParam("appName") String app, @PathParam("serviceName") String service, byte[] body) {
        return tasks.create(auth.require(apiKey, ProScope.TASKS), app, null, service, body);
    }

    @GET
    @Path(ProPaths.TASKS)
    public Map<String, Object> listTasks(@HeaderParam(APIKEY_HEADER) String apiKey, @QueryParam("appName") String app,
            @QueryParam("appVersion") String version, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        auth.require(apiKey, ProScope.TASKS);
        return tasks.list(app, version, offset, limit);
    }

    @GET
    @Path(ProPaths.TASK)
    public Map<String, Object> task(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, ProScope.TASKS);
        return tasks.get(id);
    }

    @GET
    @Path(ProPaths.TASK_RESPONSE)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] taskResponse(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, ProScope.TASKS);
        return tasks.response(id);
    }

    @PUT
    @Path(ProPaths.TASK)
    @Consumes(MediaType.APPLICATION_JSON)
    public void setTaskStatus(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id,
            Map<String, String> body) {
        auth.require(apiKey, ProScope.TASKS);
        tasks.setStatus(id, body == null ? null : body.get("setstatus"));
    }

    @DELETE
    @Path(ProPaths.TASK)
    public void deleteTask(@HeaderParam(APIKEY_HEADER) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, ProScope.TASKS);
        tasks.delete(id);
    }

    private static Map<String, Object> version(SandboxAimmsVersion version) {
        return Map.of("id", version.versionId, "official", version.official);
    }

    private static String part(String name, FileUpload upload) {
        return upload == null ? "" : name + " (" + upload.fileName() + ", " + upload.size() + " bytes, "
                + upload.contentType() + ") ";
    }
}
