package io.progate.sandbox;

import static io.progate.sandbox.SandboxPaths.APIKEY;

import io.progate.sandbox.store.SandboxAimmsVersion;
import io.progate.sandbox.store.SandboxScope;
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

/**
 * The sandbox's PRO API: apps, categories, AIMMS versions and tasks under {@code /sandbox/pro-api/v2}.
 * JSON bodies arrive as text and are read strictly ({@link SandboxJson}); answers are {@link SandboxWire} types.
 */
@Path(SandboxProApi.ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxProApi {

    static final String ROOT = SandboxPaths.ACCOUNT + SandboxPaths.PRO_API;

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
    @Path(SandboxPaths.APPLICATIONS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public SandboxWire.App publish(@HeaderParam(APIKEY) String apiKey, @RestForm("metadata") String metadata,
            @RestForm("file") FileUpload file, @RestForm("icon") FileUpload icon) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        caller.detail("parts: " + (metadata == null ? "" : "metadata (text) ") + part("file", file) + part("icon", icon));
        return apps.publish(new SandboxApps.Upload(metadata, file == null ? null : file.uploadedFile(),
                file == null ? null : file.fileName(), icon == null ? null : icon.uploadedFile()));
    }

    @GET
    @Path(SandboxPaths.APPLICATIONS)
    public List<SandboxWire.App> list(@HeaderParam(APIKEY) String apiKey) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return apps.list();
    }

    @GET
    @Path(SandboxPaths.APP_VERSIONS)
    public List<SandboxWire.App> versions(@HeaderParam(APIKEY) String apiKey, @PathParam("projectName") String name) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return apps.versions(name);
    }

    @GET
    @Path(SandboxPaths.APP_VERSION)
    public SandboxWire.App get(@HeaderParam(APIKEY) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return apps.get(name, version);
    }

    @PATCH
    @Path(SandboxPaths.APP_VERSION)
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxWire.App update(@HeaderParam(APIKEY) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version, String body) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return apps.update(name, version, body);
    }

    @DELETE
    @Path(SandboxPaths.APP_VERSION)
    public void delete(@HeaderParam(APIKEY) String apiKey, @PathParam("projectName") String name,
            @PathParam("projectVersion") String version) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        apps.delete(name, version);
    }

    @GET
    @Path(SandboxPaths.CATEGORIES)
    public List<SandboxWire.Category> categories(@HeaderParam(APIKEY) String apiKey) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return categories.list();
    }

    @POST
    @Path(SandboxPaths.CATEGORIES)
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxWire.Category createCategory(@HeaderParam(APIKEY) String apiKey, String body) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return categories.create(body);
    }

    @PUT
    @Path(SandboxPaths.CATEGORY)
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxWire.Category renameCategory(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id,
            String body) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        return categories.rename(id, body);
    }

    @DELETE
    @Path(SandboxPaths.CATEGORY)
    public void deleteCategory(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, SandboxScope.PUBLISH_APP);
        categories.delete(id);
    }

    @GET
    @Path(SandboxPaths.AIMMS_VERSIONS)
    public SandboxWire.AimmsVersions aimmsVersions(@HeaderParam(APIKEY) String apiKey, @QueryParam("dev") String dev) {
        auth.require(apiKey, SandboxScope.PUBLISH_AIMMS);
        if (dev != null && !dev.equals("true") && !dev.equals("false")) {
            throw SandboxException.invalid("dev must be true or false");
        }
        return new SandboxWire.AimmsVersions(SandboxAimmsVersion.listed("true".equals(dev)).stream()
                .map(SandboxProApi::version).toList());
    }

    @GET
    @Path(SandboxPaths.AIMMS_VERSION)
    public SandboxWire.AimmsVersion aimmsVersion(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, SandboxScope.PUBLISH_AIMMS);
        return version(SandboxAimmsVersion.byVersionId(id)
                .orElseThrow(() -> SandboxException.notFound("AIMMS version " + id)));
    }

    @POST
    @Path(SandboxPaths.TASK_ON_VERSION)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> createTask(@HeaderParam(APIKEY) String apiKey, @PathParam("appName") String app,
            @PathParam("appVersion") String version, @PathParam("serviceName") String service, byte[] body) {
        return tasks.create(auth.require(apiKey, SandboxScope.TASKS), app, version, service, body);
    }

    @POST
    @Path(SandboxPaths.TASK_ON_LATEST)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> createTaskOnLatest(@HeaderParam(APIKEY) String apiKey,
            @PathParam("appName") String app, @PathParam("serviceName") String service, byte[] body) {
        return tasks.create(auth.require(apiKey, SandboxScope.TASKS), app, null, service, body);
    }

    @GET
    @Path(SandboxPaths.TASKS)
    public Map<String, Object> listTasks(@HeaderParam(APIKEY) String apiKey, @QueryParam("appName") String app,
            @QueryParam("appVersion") String version, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        auth.require(apiKey, SandboxScope.TASKS);
        return tasks.list(app, version, offset, limit);
    }

    @GET
    @Path(SandboxPaths.TASK)
    public Map<String, Object> task(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, SandboxScope.TASKS);
        return tasks.get(id);
    }

    @GET
    @Path(SandboxPaths.TASK_RESPONSE)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] taskResponse(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, SandboxScope.TASKS);
        return tasks.response(id);
    }

    @PUT
    @Path(SandboxPaths.TASK)
    @Consumes(MediaType.APPLICATION_JSON)
    public void setTaskStatus(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id, String body) {
        auth.require(apiKey, SandboxScope.TASKS);
        tasks.setStatus(id, SandboxJson.read(body, SandboxWire.TaskStatus.class, "the status body").setstatus());
    }

    @DELETE
    @Path(SandboxPaths.TASK)
    public void deleteTask(@HeaderParam(APIKEY) String apiKey, @PathParam("id") String id) {
        auth.require(apiKey, SandboxScope.TASKS);
        tasks.delete(id);
    }

    private static SandboxWire.AimmsVersion version(SandboxAimmsVersion version) {
        return new SandboxWire.AimmsVersion(version.versionId, version.official);
    }

    private static String part(String name, FileUpload upload) {
        return upload == null ? "" : name + " (" + upload.fileName() + ", " + upload.size() + " bytes, "
                + upload.contentType() + ") ";
    }
}
