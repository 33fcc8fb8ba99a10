package io.progate.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.sandbox.store.SandboxAimmsVersion;
import io.progate.sandbox.store.SandboxApp;
import io.progate.sandbox.store.SandboxCategory;
import io.progate.sandbox.store.SandboxEntity;
import io.progate.sandbox.store.SandboxMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apps in the sandbox and every rule docs/pro-api.md sets for them: name+version unique (409), the
 * first version of a name is latest, {@code isLatest} moves the tag, publishBehavior 1 and 2 copy
 * the old version's authorizations and 2 also hides it and takes the tag, unknown AIMMS version,
 * category or entity refused (400). Request bodies are read strictly ({@link SandboxJson}).
 */
@ApplicationScoped
public class SandboxApps {

    static final int NEW_PUBLISH = 0;
    static final int NEW_VERSION_HIDE_OLD = 2;
    private static final TypeReference<List<SandboxWire.Authorization>> AUTHORIZATIONS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() { };

    @Inject
    ObjectMapper json;

    @Inject
    SandboxConfig config;

    @Inject
    SandboxModes modes;

    /** A publish as it arrived: the metadata text and the uploaded parts on disk. */
    public record Upload(String metadata, Path file, String fileName, Path icon) {
    }

    @Transactional
    public SandboxWire.App publish(Upload upload) {
        if (blank(upload.metadata())) {
            throw SandboxException.invalid("the part 'metadata' (JSON) is missing");
        }
        SandboxWire.PublishMetadata meta = SandboxJson.read(upload.metadata(), SandboxWire.PublishMetadata.class,
                "metadata");
        if (upload.file() == null) {
            throw SandboxException.invalid("the part 'file' (the .aimmspack) is missing");
        }
        String projectVersion = projectVersion(meta);
        requireText(meta.name(), "name");
        requireText(projectVersion, "projectVersion");
        requireText(meta.aimmsVersionId(), "aimmsVersionId");
        requireAimmsVersion(meta.aimmsVersionId());
        String category = requireCategory(blank(meta.projectCategory()) ? SandboxRules.DEFAULT_CATEGORY
                : meta.projectCategory());
        Map<String, String> attributes = meta.attributes() == null ? Map.of() : meta.attributes();
        requireAttributes(attributes);
        if (SandboxApp.byNameAndVersion(meta.name(), projectVersion).isPresent()) {
            throw SandboxException.conflict("app " + meta.name() + " version " + projectVersion + " exists");
        }
        int behavior = meta.publishBehavior() == null ? NEW_PUBLISH : meta.publishBehavior();
        if (behavior < 0 || behavior > 2) {
            throw SandboxException.invalid("publishBehavior must be 0, 1 or 2");
        }
        SandboxApp old = null;
        if (behavior != NEW_PUBLISH) {
            requireText(meta.oldProjectName(), "oldProjectName");
            requireText(meta.oldProjectVersion(), "oldProjectVersion");
            old = SandboxApp.byNameAndVersion(meta.oldProjectName(), meta.oldProjectVersion())
                    .orElseThrow(() -> SandboxException.invalid("the old version named by oldProjectName and "
                            + "oldProjectVersion does not exist"));
        }
        SandboxPackages pack = SandboxPackages.read(upload.file(), config.keepPackageBytes());
        SandboxApp app = new SandboxApp();
        app.name = meta.name();
        app.projectVersion = projectVersion;
        app.description = meta.description() == null ? "" : meta.description();
        app.aimmsVersionId = meta.aimmsVersionId();
        app.projectCategory = category;
        app.attributes = write(attributes);
        app.resourceProfile = meta.resourceProfile();
        app.packageName = upload.fileName() == null ? "" : upload.fileName();
        app.packageSize = pack.size();
        app.packageSha256 = pack.sha256();
        app.packageBytes = pack.bytes();
        if (upload.icon() != null) {
            SandboxPackages icon = SandboxPackages.read(upload.icon(), 0);
            app.iconSize = icon.size();
            app.iconSha256 = icon.sha256();
        }
        app.latest = SandboxApp.versionsOf(app.name).isEmpty();
        if (old != null) {
            app.authorizations = old.authorizations;
        }
        if (behavior == NEW_VERSION_HIDE_OLD) {
            old.hidden = true;
            old.latest = false;
            app.latest = true;
        }
        if (app.latest) {
            SandboxApp.versionsOf(app.name).forEach(other -> other.latest = false);
        }
        app.persist();
        return view(app, false);
    }

    public List<SandboxWire.App> list() {
        return SandboxApp.all().stream().map(a -> view(a, false)).toList();
    }

    public List<SandboxWire.App> versions(String name) {
        List<SandboxApp> versions = SandboxApp.versionsOf(name);
        if (versions.isEmpty()) {
            throw SandboxException.notFound("app " + name);
        }
        return versions.stream().map(a -> view(a, false)).toList();
    }

    public SandboxWire.App get(String name, String version) {
        return view(require(name, version), modes.isOn(SandboxMode.AUTHORIZATIONS_IN_GET));
    }

    /**
     * Applies a PATCH body: absent fields stay; {@code attributes} replaces the map (decided), or
     * is merged into it in {@link SandboxMode#MERGE_ATTRIBUTES}; {@code authorizations} replaces the list.
     */
    @Transactional
    public SandboxWire.App update(String name, String version, String body) {
        SandboxApp app = require(name, version);
        SandboxWire.AppPatch update = SandboxJson.read(body, SandboxWire.AppPatch.class, "the update body");
        if (update.projectCategory() != null) {
            app.projectCategory = requireCategory(update.projectCategory());
        }
        if (update.authorizations() != null) {
            update.authorizations().forEach(SandboxApps::requireAuthorization);
            app.authorizations = write(update.authorizations());
        }
        if (Boolean.FALSE.equals(update.isLatest())) {
            throw SandboxException.invalid("isLatest cannot be switched off; set it on another version instead");
        }
        if (Boolean.TRUE.equals(update.isLatest())) {
            SandboxApp.versionsOf(name).forEach(other -> other.latest = false);
            app.latest = true;
        }
        if (update.description() != null) {
            app.description = update.description();
        }
        if (update.attributes() != null) {
            requireAttributes(update.attributes());
            Map<String, String> next = new LinkedHashMap<>();
            if (modes.isOn(SandboxMode.MERGE_ATTRIBUTES)) {
                next.putAll(attributes(app));
            }
            next.putAll(update.attributes());
            app.attributes = write(next);
        }
        if (update.resourceProfile() != null) {
            app.resourceProfile = update.resourceProfile();
        }
        return view(app, false);
    }

    /** Deletes a version; when it was latest, the newest remaining version of the name takes the tag (decided). */
    @Transactional
    public void delete(String name, String version) {
        SandboxApp app = require(name, version);
        boolean wasLatest = app.latest;
        app.delete();
        if (wasLatest) {
            List<SandboxApp> rest = SandboxApp.versionsOf(name);
            if (!rest.isEmpty()) {
                rest.get(rest.size() - 1).latest = true;
            }
        }
    }

    /** The authorizations PRO keeps for a version (GET does not return them by default; tests read them here). */
    @Transactional
    public List<SandboxWire.Authorization> authorizationsOf(String name, String version) {
        return authorizations(require(name, version));
    }

    /** The attributes PRO keeps for a version, for tests. */
    @Transactional
    public Map<String, String> attributesOf(String name, String version) {
        return attributes(require(name, version));
    }

    SandboxWire.App view(SandboxApp app, boolean withAuthorizations) {
        return new SandboxWire.App(app.name, app.projectVersion, app.description, app.aimmsVersionId,
                app.projectCategory, attributes(app), app.latest, app.hidden, app.createdAt.toString(),
                app.resourceProfile, withAuthorizations ? authorizations(app) : null);
    }

    private Map<String, String> attributes(SandboxApp app) {
        try {
            return json.readValue(app.attributes, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private List<SandboxWire.Authorization> authorizations(SandboxApp app) {
        try {
            return json.readValue(app.authorizations, AUTHORIZATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored authorizations are not JSON", e);
        }
    }

    private static SandboxApp require(String name, String version) {
        return SandboxApp.byNameAndVersion(name, version)
                .orElseThrow(() -> SandboxException.notFound("app " + name + " version " + version));
    }

    /** {@code projectVersion}, or the older servers' {@code projectVersionId}; both must agree when both come. */
    private static String projectVersion(SandboxWire.PublishMetadata meta) {
        if (!blank(meta.projectVersion()) && !blank(meta.projectVersionId())
                && !meta.projectVersion().equals(meta.projectVersionId())) {
            throw SandboxException.invalid("projectVersion and " + SandboxRules.OLD_VERSION_FIELD + " differ");
        }
        return blank(meta.projectVersion()) ? meta.projectVersionId() : meta.projectVersion();
    }

    private static void requireAimmsVersion(String id) {
        if (SandboxAimmsVersion.byVersionId(id).isEmpty()) {
            throw SandboxException.invalid("unknown aimmsVersionId " + id);
        }
    }

    /** The category as PRO spells it; names match whatever their case (decided). */
    private static String requireCategory(String value) {
        return SandboxCategory.byValue(value).map(c -> c.value)
                .orElseThrow(() -> SandboxException.invalid("unknown projectCategory " + value));
    }

    /** Reserved keys (documented): isWebUI is "true" or "false", iconUrl is /icons/&lt;label&gt;. */
    private static void requireAttributes(Map<String, String> attributes) {
        attributes.forEach((key, value) -> {
            if (value == null) {
                throw SandboxException.invalid("attribute " + key + " needs a string value");
            }
        });
        String webUi = attributes.get(SandboxRules.IS_WEB_UI);
        if (webUi != null && !webUi.equals("true") && !webUi.equals("false")) {
            throw SandboxException.invalid("isWebUI must be \"true\" or \"false\"");
        }
        String icon = attributes.get(SandboxRules.ICON_URL);
        if (icon != null && !SandboxRules.ICON_PATH.matcher(icon).matches()) {
            throw SandboxException.invalid("iconUrl must be /icons/<label> of an icon in PRO storage");
        }
    }

    private static void requireAuthorization(SandboxWire.Authorization a) {
        if (a == null || a.authorization() == null || a.deny() == null || a.entity() == null) {
            throw SandboxException.invalid("an authorization needs authorization, deny and entity");
        }
        if (a.authorization() < 1 || a.authorization() > 7) {
            throw SandboxException.invalid("authorization must be a bitmask from 1 to 7");
        }
        if (SandboxEntity.byEntityId(a.entity()).isEmpty()) {
            throw SandboxException.invalid("unknown entity " + a.entity());
        }
    }

    private static void requireText(String value, String field) {
        if (blank(value)) {
            throw SandboxException.invalid(field + " is required");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
