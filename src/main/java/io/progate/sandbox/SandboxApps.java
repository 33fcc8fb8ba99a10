package io.progate.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.AppUpdate;
import io.progate.pro.Authorization;
import io.progate.pro.ProApp;
import io.progate.pro.PublishMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apps in the sandbox and every rule pro-api.md sets for them: name+version unique (409), the
 * first version of a name is latest, {@code isLatest} moves the tag, publishBehavior 1 and 2 copy
 * the old version's authorizations and 2 also hides it and takes the tag, unknown AIMMS version,
 * category or entity refused (400).
 */
@ApplicationScoped
public class SandboxApps {

    @Inject
    ObjectMapper json;

    @Inject
    SandboxConfig config;

    /** A publish as it arrived: the metadata text and the uploaded parts on disk. */
    public record Upload(String metadata, Path file, String fileName, Path icon) {
    }

    @Transactional
    public ProApp publish(Upload upload) {
        PublishMetadata meta = metadata(upload.metadata());
        if (upload.file() == null) {
            throw SandboxException.invalid("the part 'file' (the .aimmspack) is missing");
        }
        requireText(meta.name(), "name");
        requireText(meta.projectVersion(), "projectVersion");
        requireText(meta.aimmsVersionId(), "aimmsVersionId");
        requireAimmsVersion(meta.aimmsVersionId());
        String category = blank(meta.projectCategory()) ? SandboxRules.DEFAULT_CATEGORY : meta.projectCategory();
        requireCategory(category);
        if (SandboxApp.byNameAndVersion(meta.name(), meta.projectVersion()).isPresent()) {
            throw SandboxException.conflict("app " + meta.name() + " version " + meta.projectVersion() + " exists");
        }
        int behavior = meta.publishBehavior() == null ? PublishMetadata.NEW_PUBLISH : meta.publishBehavior();
        if (behavior < 0 || behavior > 2) {
            throw SandboxException.invalid("publishBehavior must be 0, 1 or 2");
        }
        SandboxApp old = null;
        if (behavior != PublishMetadata.NEW_PUBLISH) {
            requireText(meta.oldProjectName(), "oldProjectName");
            requireText(meta.oldProjectVersion(), "oldProjectVersion");
            old = SandboxApp.byNameAndVersion(meta.oldProjectName(), meta.oldProjectVersion())
                    .orElseThrow(() -> SandboxException.invalid("the old version named by oldProjectName and "
                            + "oldProjectVersion does not exist"));
        }
        SandboxPackages pack = SandboxPackages.read(upload.file(), config.keepPackageBytes());
        SandboxApp app = new SandboxApp();
        app.name = meta.name();
        app.projectVersion = meta.projectVersion();
        app.description = meta.description() == null ? "" : meta.description();
        app.aimmsVersionId = meta.aimmsVersionId();
        app.projectCategory = category;
        app.attributes = write(meta.attributes() == null ? Map.of() : meta.attributes());
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
        if (behavior == PublishMetadata.NEW_VERSION_HIDE_OLD) {
            old.hidden = true;
            old.latest = false;
            app.latest = true;
        }
        if (app.latest) {
            SandboxApp.versionsOf(app.name).forEach(other -> other.latest = false);
        }
        app.persist();
        return view(app);
    }

    public List<ProApp> list() {
        return SandboxApp.all().stream().map(this::view).toList();
    }

    public List<ProApp> versions(String name) {
        List<SandboxApp> versions = SandboxApp.versionsOf(name);
        if (versions.isEmpty()) {
            throw SandboxException.notFound("app " + name);
        }
        return versions.stream().map(this::view).toList();
    }

    public ProApp get(String name, String version) {
        return view(require(name, version));
    }

    @Transactional
    public ProApp update(String name, String version, AppUpdate update) {
        SandboxApp app = require(name, version);
        if (update == null) {
            throw SandboxException.invalid("a JSON body is required");
        }
        if (update.projectCategory() != null) {
            requireCategory(update.projectCategory());
            app.projectCategory = update.projectCategory();
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
            app.attributes = write(update.attributes());
        }
        if (update.resourceProfile() != null) {
            app.resourceProfile = update.resourceProfile();
        }
        return view(app);
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

    /** The authorizations PRO keeps for a version (GET does not return them; the sandbox's tests read them here). */
    @Transactional
    public List<Authorization> authorizationsOf(String name, String version) {
        try {
            return json.readValue(require(name, version).authorizations, new TypeReference<List<Authorization>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored authorizations are not JSON", e);
        }
    }

    ProApp view(SandboxApp app) {
        Map<String, String> attributes;
        try {
            attributes = json.readValue(app.attributes, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            attributes = Map.of();
        }
        return new ProApp(app.name, app.projectVersion, app.description, app.aimmsVersionId, app.projectCategory,
                attributes, app.latest, app.hidden, app.createdAt.toString());
    }

    private static SandboxApp require(String name, String version) {
        return SandboxApp.byNameAndVersion(name, version)
                .orElseThrow(() -> SandboxException.notFound("app " + name + " version " + version));
    }

    private PublishMetadata metadata(String text) {
        if (blank(text)) {
            throw SandboxException.invalid("the part 'metadata' (JSON) is missing");
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw SandboxException.invalid("metadata must be a JSON object");
            }
            PublishMetadata meta = json.treeToValue(node, PublishMetadata.class);
            if (blank(meta.projectVersion()) && node.hasNonNull(SandboxRules.OLD_VERSION_FIELD)) {
                meta = new PublishMetadata(meta.name(), meta.description(), node.get(SandboxRules.OLD_VERSION_FIELD).asText(),
                        meta.aimmsVersionId(), meta.projectCategory(), meta.attributes(), meta.publishBehavior(),
                        meta.oldProjectName(), meta.oldProjectVersion(), meta.resourceProfile());
            }
            return meta;
        } catch (JsonProcessingException e) {
            throw SandboxException.invalid("metadata is not valid JSON of the documented shape");
        }
    }

    private static void requireAimmsVersion(String id) {
        if (SandboxAimmsVersion.byVersionId(id).isEmpty()) {
            throw SandboxException.invalid("unknown aimmsVersionId " + id);
        }
    }

    private static void requireCategory(String value) {
        if (SandboxCategory.byValue(value).isEmpty()) {
            throw SandboxException.invalid("unknown projectCategory " + value);
        }
    }

    private static void requireAuthorization(Authorization a) {
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
