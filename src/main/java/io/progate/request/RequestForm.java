package io.progate.request;

import jakarta.ws.rs.core.MultivaluedMap;

/** What a request form holds, as typed, so that a refused form comes back with its input kept. */
public record RequestForm(String type, String reason, String name, String projectVersion, String description,
        String aimmsVersionId, String projectCategory, boolean webUi, String attributes, String publishBehavior,
        String oldProjectVersion, String appName, String appVersion, boolean makeLatest, boolean replaceAuthorizations,
        String authorizations) {

    public static RequestForm blank(RequestType type, String app, String version) {
        boolean newVersion = type == RequestType.PUBLISH && app != null && !app.isBlank();
        return new RequestForm(type.name(), "", app == null ? "" : app, "", "", "", "", true, "",
                newVersion ? "2" : "0", version == null ? "" : version, app == null ? "" : app,
                version == null ? "" : version, false, false, "");
    }

    static RequestForm of(MultivaluedMap<String, String> f, RequestType type) {
        return new RequestForm(type.name(), f.getFirst("reason"), f.getFirst("metadata.name"),
                f.getFirst("metadata.projectVersion"), f.getFirst("description"), f.getFirst("metadata.aimmsVersionId"),
                f.getFirst("projectCategory"), "true".equals(f.getFirst("isWebUI")), f.getFirst("attributes"),
                f.getFirst("metadata.publishBehavior"), f.getFirst("metadata.oldProjectVersion"), f.getFirst("appName"),
                f.getFirst("appVersion"), "true".equals(f.getFirst("makeLatest")),
                "true".equals(f.getFirst("replaceAuthorizations")), f.getFirst("authorizations"));
    }

    public boolean isPublish() {
        return RequestType.PUBLISH.name().equals(type);
    }

    public boolean isUpdate() {
        return RequestType.UPDATE.name().equals(type);
    }

    public boolean isDelete() {
        return RequestType.DELETE.name().equals(type);
    }

    public boolean behaviorIs(String value) {
        return value.equals(publishBehavior == null || publishBehavior.isBlank() ? "0" : publishBehavior);
    }
}
