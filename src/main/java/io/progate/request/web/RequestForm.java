package io.progate.request.web;

import io.progate.request.RequestType;
import io.progate.request.RequestValidation;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * What a request form holds, as typed, so that a refused form comes back with its input kept.
 * {@code webUiChoice} (update: empty for unchanged, "true" or "false"), {@code iconUrl}
 * ({@code /icons/<label>}) and {@code attributes} ({@code key=value} lines) make up the attribute
 * map; {@code attributesShown} lists the keys the update form was filled with from PRO (null when
 * it could not be), so that a key taken out is removed. {@code devBuilds}: AIMMS development
 * builds are offered.
 */
public record RequestForm(String type, String reason, String name, String projectVersion, String description,
        String aimmsVersionId, String projectCategory, boolean webUi, String attributes, String publishBehavior,
        String oldProjectVersion, String appName, String appVersion, boolean makeLatest, boolean replaceAuthorizations,
        String authorizations, String webUiChoice, String iconUrl, String attributesShown, boolean devBuilds) {

    public static RequestForm blank(RequestType type, String app, String version, boolean devBuilds) {
        boolean newVersion = type == RequestType.PUBLISH && app != null && !app.isBlank();
        return new RequestForm(type.name(), "", app == null ? "" : app, "", "", "", "", true, "",
                newVersion ? "2" : "0", version == null ? "" : version, app == null ? "" : app,
                version == null ? "" : version, false, false, "", "", "", null, devBuilds);
    }

    static RequestForm of(MultivaluedMap<String, String> f, RequestType type) {
        return new RequestForm(type.name(), f.getFirst("reason"), f.getFirst("metadata.name"),
                f.getFirst("metadata.projectVersion"), f.getFirst("description"), f.getFirst("metadata.aimmsVersionId"),
                f.getFirst("projectCategory"), "true".equals(f.getFirst("isWebUI")), f.getFirst("attributes"),
                f.getFirst("metadata.publishBehavior"), f.getFirst("metadata.oldProjectVersion"), f.getFirst("appName"),
                f.getFirst("appVersion"), "true".equals(f.getFirst("makeLatest")),
                "true".equals(f.getFirst("replaceAuthorizations")), f.getFirst("authorizations"),
                f.getFirst("isWebUI"), f.getFirst("iconUrl"), f.getFirst("attributesShown"),
                "true".equals(f.getFirst("devBuilds")));
    }

    /** A fresh update form filled with the version's current attributes as PRO holds them. */
    RequestForm withCurrentAttributes(FormChoices choices) {
        if (choices.current() == null) {
            return this;
        }
        String webUi = choices.currentAttribute(RequestValidation.IS_WEB_UI);
        String icon = choices.currentAttribute(RequestValidation.ICON_URL_KEY);
        return new RequestForm(type, reason, name, projectVersion, description, aimmsVersionId, projectCategory,
                this.webUi, choices.otherAttributes(), publishBehavior, oldProjectVersion, appName, appVersion, makeLatest,
                replaceAuthorizations, authorizations, webUi == null ? "" : webUi, icon == null ? "" : icon,
                choices.attributeKeys(), devBuilds);
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

    public boolean webUiIs(String value) {
        return value.equals(webUiChoice == null ? "" : webUiChoice);
    }
}
