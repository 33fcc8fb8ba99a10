package io.progate.request.web;

import io.progate.access.AccessDirectory;
import io.progate.access.CurrentAccess;
import io.progate.access.Directory;
import io.progate.access.EntityNames;
import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.packages.Upload;
import io.progate.pro.ProException;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProScope;
import io.progate.request.AccessHistory;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestType;
import io.progate.request.Submission;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.teampro.ProCatalog;
import io.progate.teampro.TeamPro;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import io.progate.common.Paging;
import io.progate.web.PageLinks;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A team's requests: the list, and the forms that file new ones. */
@Path("/teams/{slug}/requests")
@RolesAllowed("user")
public class TeamRequestsResource {

    @Inject
    TeamService teams;

    @Inject
    RequestService requests;

    @Inject
    ProCatalog catalog;

    @Inject
    TeamPro pro;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessDirectory accessDirectory;

    @Inject
    EntityNames names;

    @Inject
    AccessHistory history;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Team team, List<ReleaseRequest> requests, String status, String type,
                String next);

        static native TemplateInstance form(Team team, RequestForm form, FormChoices choices, Map<String, String> errors);
    }

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Paging paging = Paging.parse(limit, cursor);
        Team team = teams.require(slug, currentUser.get());
        Paging.Page<ReleaseRequest> page = ReleaseRequest.search(Filters.parse(team.id, null, status, type, paging));
        return Templates.list(team, page.items(), status == null ? "" : status.toUpperCase(),
                type == null ? "" : type.toUpperCase(), PageLinks.next(uri, page.nextCursor()));
    }

    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("slug") String slug, @QueryParam("type") String type,
            @QueryParam("app") String app, @QueryParam("version") String version, @QueryParam("dev") String dev) {
        Team team = teams.require(slug, currentUser.get());
        RequestType kind = RequestType.parse(type).filter(RequestType::isProChange)
                .filter(t -> t != RequestType.TASK).orElse(RequestType.PUBLISH);
        RequestForm form = RequestForm.blank(kind, app, version, "true".equals(dev));
        FormChoices choices = choices(team, form);
        return Templates.form(team, form.withCurrentAttributes(choices), choices, Map.of());
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response publish(@PathParam("slug") String slug, @RestForm String reason,
            @RestForm("metadata.name") String name, @RestForm("metadata.projectVersion") String projectVersion,
            @RestForm String description, @RestForm("metadata.aimmsVersionId") String aimmsVersionId,
            @RestForm String projectCategory, @RestForm("isWebUI") String webUi, @RestForm String attributes,
            @RestForm("metadata.publishBehavior") String publishBehavior,
            @RestForm("metadata.oldProjectVersion") String oldProjectVersion, @RestForm String iconUrl,
            @RestForm String devBuilds, @RestForm("file") FileUpload file, @RestForm("icon") FileUpload icon,
            @HeaderParam("X-Upload-Progress") String viaScript, @RestForm String notBefore) {
        RequestForm form = new RequestForm("PUBLISH", reason, name, projectVersion, description, aimmsVersionId,
                projectCategory, "true".equals(webUi), attributes, publishBehavior, oldProjectVersion, name,
                projectVersion, false, false, null, null, iconUrl, null, "true".equals(devBuilds));
        Response answer = file(slug, form, () -> PageForms.publish(form, upload(file), upload(icon))
                .notBefore(notBefore));
        if (viaScript != null && answer.getStatus() == 303) {
            // the upload script reads Location itself, so that the flash cookie survives to the next page
            return Response.fromResponse(answer).status(201).build();
        }
        return answer;
    }

    @POST
    @Path("update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        RequestForm form = RequestForm.of(fields, RequestType.UPDATE);
        return file(slug, form, () -> PageForms.update(form, fields).notBefore(fields.getFirst("notBefore")));
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        RequestForm form = RequestForm.of(fields, RequestType.DELETE);
        return file(slug, form, () -> PageForms.delete(form).notBefore(fields.getFirst("notBefore")));
    }

    private Response file(String slug, RequestForm form, java.util.function.Supplier<Submission> submission) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            ReleaseRequest r = requests.submit(slug, user, submission.get());
            return Flash.redirect("/requests/" + r.id, "Request filed: it now waits for "
                    + r.requiredApprovals + " approval" + (r.requiredApprovals == 1 ? "" : "s") + ".");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.form(team, form, choices(team, form), FormErrors.of(e)));
        }
    }

    private FormChoices choices(Team team, RequestForm form) {
        boolean hasKey = pro.hasKey(team, ProScope.PUBLISH_APP);
        if (form.isDelete() || !hasKey) {
            return FormChoices.none(hasKey);
        }
        List<String> versions = form.isPublish() ? catalog.aimmsVersions(team, form.devBuilds()).orElse(null) : null;
        String app = form.isPublish() ? form.name() : form.appName();
        var existing = app == null || app.isBlank() ? null : catalog.versions(team, app.trim()).orElse(null);
        ProApp current = null;
        String problem = null;
        AccessEditor access = null;
        if (form.isUpdate()) {
            if (blank(form.appName()) || blank(form.appVersion())) {
                problem = "name the app and version to see what PRO holds now";
            } else {
                try {
                    current = catalog.version(team, form.appName().trim(), form.appVersion().trim()).orElse(null);
                    problem = current == null ? "PRO has no version " + form.appVersion() + " of " + form.appName() : null;
                } catch (ProException e) {
                    problem = "the version could not be read from PRO: " + e.getMessage();
                }
            }
            Directory directory = accessDirectory.read(team.id);
            CurrentAccess now = blank(form.appName()) || blank(form.appVersion()) ? CurrentAccess.unknown()
                    : history.current(team.id, current, form.appName().trim(), form.appVersion().trim(), -1);
            access = AccessEditor.of(directory, names.of(team.id, directory), now);
        }
        return new FormChoices(versions, form.devBuilds(), catalog.categories(team).orElse(null), existing, current,
                problem, access, true);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Upload upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return null;
        }
        return new Upload(file.uploadedFile(), file.fileName());
    }
}
