package io.progate.request;

import io.progate.common.Validator;
import io.progate.packages.Inspection;
import io.progate.packages.PackageInspector;
import io.progate.packages.PackageRefusedException;
import io.progate.packages.Sizes;
import io.progate.packages.Upload;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.Authorization;
import io.progate.pro.model.PublishMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every rule a submission must pass, checked all at once so that a form shows every problem next
 * to its field (and the API lists them all). Field names are those of the JSON API
 * ({@code metadata.name}, {@code changes.authorizations[2].entity}, {@code file}).
 */
@ApplicationScoped
public class RequestValidation {

    static final Pattern APP_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.()+-]{0,199}$");
    static final Pattern VERSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._+-]{0,99}$");
    /** A DEX service name: one path segment. */
    static final Pattern SERVICE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
    static final Pattern ICON_NAME = Pattern.compile("(?i)^.+\\.(png|jpe?g|gif|svg)$");
    /** The reserved attribute iconUrl (documented): /icons/ and the label of an icon already in PRO storage. */
    static final Pattern ICON_URL = Pattern.compile("^/icons/[A-Za-z0-9][A-Za-z0-9 _.()+-]{0,99}$");
    public static final String IS_WEB_UI = "isWebUI";
    public static final String ICON_URL_KEY = "iconUrl";
    static final int MAX_REASON = 2000;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_AUTHORIZATIONS = 500;

    @Inject
    RequestConfig config;

    @Inject
    PackageInspector inspector;

    public Validated validate(Submission s) {
        Validator v = new Validator();
        RequestType type = RequestType.parse(s.type()).filter(RequestType::isProChange).orElse(null);
        v.check(type != null, "type", "one of PUBLISH, UPDATE, DELETE or TASK");
        String reason = trim(s.reason());
        v.require("reason", reason, "A reason").maxLength("reason", reason, MAX_REASON);
        if (type != RequestType.TASK) {
            v.check(s.serviceName() == null, "serviceName", "only task requests name a service");
            v.check(s.input() == null, "input", "only task requests carry an input");
        }
        if (type != RequestType.PUBLISH && type != RequestType.TASK) {
            v.check(s.file() == null, "file", "only publish and task requests carry a file");
            v.check(s.icon() == null, "icon", "only publish requests carry an icon");
        }
        Validated result = null;
        if (type == RequestType.PUBLISH) {
            result = publish(v, reason, s);
        } else if (type == RequestType.TASK) {
            v.check(s.icon() == null, "icon", "only publish requests carry an icon");
            result = task(v, reason, s);
        } else if (type != null) {
            String appName = trim(s.appName());
            String appVersion = trim(s.appVersion());
            appRef(v, appName, appVersion);
            AppUpdate changes = type == RequestType.UPDATE ? changes(v, s.changes()) : null;
            result = new Validated(type, reason, appName, appVersion, changes, null, null, null);
        }
        v.throwIfInvalid();
        return result;
    }

    /**
     * A task: app, version or {@code latest}, service, and exactly one input, typed JSON text or an
     * uploaded file, of at most the configured size and valid JSON (PRO gets it as
     * {@code application/json}). Typed text is spooled to a file so that it is stored like uploads.
     */
    private Validated task(Validator v, String reason, Submission s) {
        String appName = trim(s.appName());
        String appVersion = trim(s.appVersion());
        boolean latest = appVersion == null || appVersion.isEmpty() || TaskFields.LATEST.equalsIgnoreCase(appVersion);
        v.require("appName", appName, "The app name").matches("appName", appName, APP_NAME, "an app name");
        if (!latest) {
            v.matches("appVersion", appVersion, VERSION, "a version such as 1.0, or latest");
        }
        String service = trim(s.serviceName());
        v.require("serviceName", service, "The service name")
                .matches("serviceName", service, SERVICE_NAME, "letters, digits and _ . -, at most 100");
        boolean typed = s.input() != null && !s.input().isBlank();
        v.check(!(typed && s.file() != null), "input", "type the input or upload a file, not both");
        Upload input = null;
        long limit = config.maxTaskInputSize().asLongValue();
        if (s.file() != null && !typed) {
            v.require("file", trim(s.file().fileName()), "A file name").maxLength("file", s.file().fileName(), 255);
            long size = sizeOf(s.file());
            v.check(size <= limit, "file", "the input is larger than the limit of " + Sizes.human(limit));
            v.check(size > 0, "file", "the input file is empty");
            if (size > 0 && size <= limit) {
                v.check(isJson(s.file().path()), "file", "the input must be JSON");
                input = s.file();
            }
        } else if (typed) {
            byte[] bytes = s.input().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            v.check(bytes.length <= limit, "input", "the input is larger than the limit of " + Sizes.human(limit));
            if (bytes.length <= limit) {
                input = spool(bytes);
                v.check(isJson(input.path()), "input", "the input must be JSON, such as {\"scenario\": \"base\"}");
            }
        } else {
            v.check(false, "input", "the service's input: type JSON (such as {}) or upload a file");
        }
        return new Validated(RequestType.TASK, reason, appName, latest ? TaskFields.LATEST : appVersion,
                new TaskFields(service, latest), input, Inspection.none(), null);
    }

    /** Whether the file holds exactly one JSON value, read as a stream. */
    private static boolean isJson(java.nio.file.Path file) {
        try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Upload spool(byte[] bytes) {
        try {
            java.nio.file.Path file = Files.createTempFile("progate-task-input-", ".json");
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return new Upload(file, "input.json");
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the task input", e);
        }
    }

    private Validated publish(Validator v, String reason, Submission s) {
        PublishMetadata m = s.metadata();
        if (m == null) {
            v.check(false, "metadata", "the publish metadata is required");
            v.check(s.file() != null, "file", "a package (.aimmspack) is required");
            return null;
        }
        String name = trim(m.name());
        String version = trim(m.projectVersion());
        v.require("metadata.name", name, "The app name")
                .matches("metadata.name", name, APP_NAME, "letters, digits, spaces and . _ ( ) + -, at most 200");
        v.require("metadata.projectVersion", version, "The version")
                .matches("metadata.projectVersion", version, VERSION, "such as 1.0 or 2.3.1: letters, digits and . _ + -");
        String aimms = trim(m.aimmsVersionId());
        v.require("metadata.aimmsVersionId", aimms, "The AIMMS version")
                .matches("metadata.aimmsVersionId", aimms, VERSION, "an AIMMS version id such as 24.6.2.9-linux64-x86-vc143");
        String description = emptyToNull(m.description());
        v.maxLength("metadata.description", description, MAX_DESCRIPTION);
        String category = emptyToNull(m.projectCategory());
        v.maxLength("metadata.projectCategory", category, 100);
        Map<String, String> attributes = attributes(v, "metadata.attributes", m.attributes(), false);
        int behavior = m.behavior();
        v.check(behavior >= 0 && behavior <= 2, "metadata.publishBehavior",
                "0 (new app), 1 (new version keeping the old) or 2 (new version hiding the old)");
        String oldName = emptyToNull(m.oldProjectName());
        String oldVersion = emptyToNull(m.oldProjectVersion());
        if (behavior == PublishMetadata.NEW_APP) {
            v.check(oldName == null, "metadata.oldProjectName", "only for a new version of an existing app");
            v.check(oldVersion == null, "metadata.oldProjectVersion", "only for a new version of an existing app");
        } else {
            v.require("metadata.oldProjectName", oldName, "The existing app")
                    .matches("metadata.oldProjectName", oldName, APP_NAME, "an app name");
            v.require("metadata.oldProjectVersion", oldVersion, "The old version")
                    .matches("metadata.oldProjectVersion", oldVersion, VERSION, "a version such as 1.0");
            v.check(oldName == null || oldVersion == null || !(oldName.equals(name) && oldVersion.equals(version)),
                    "metadata.projectVersion", "must differ from the old version");
        }
        String profile = emptyToNull(m.resourceProfile());
        v.maxLength("metadata.resourceProfile", profile, 100);
        PublishMetadata clean = new PublishMetadata(name, description == null ? "" : description.trim(), version, aimms,
                category == null ? "other" : category.trim(), attributes, behavior, oldName, oldVersion, profile);
        Inspection inspection = packageFile(v, s.file(), clean.webUiClaim());
        icon(v, s.icon());
        return new Validated(RequestType.PUBLISH, reason, name, version, clean, s.file(), inspection, s.icon(),
                s.devBuilds(), null);
    }

    private Inspection packageFile(Validator v, Upload file, String webUiClaim) {
        if (file == null) {
            v.check(false, "file", "a package (.aimmspack) is required");
            return null;
        }
        v.require("file", trim(file.fileName()), "A file name").maxLength("file", file.fileName(), 255);
        long size = sizeOf(file);
        long limit = config.maxPackageSize().asLongValue();
        if (size == 0) {
            v.check(false, "file", "the package is empty");
            return null;
        }
        if (size > limit) {
            v.check(false, "file", "the package is larger than the limit of " + Sizes.human(limit));
            return null;
        }
        try {
            return inspector.inspect(file.path(), webUiClaim);
        } catch (PackageRefusedException e) {
            v.check(false, "file", e.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded package", e);
        }
    }

    private void icon(Validator v, Upload icon) {
        if (icon == null) {
            return;
        }
        v.matches("icon", trim(icon.fileName()), ICON_NAME, "an image: .png, .jpg, .gif or .svg");
        long size = sizeOf(icon);
        v.check(size > 0, "icon", "the icon is empty");
        v.check(size <= config.maxIconSize().asLongValue(), "icon",
                "the icon is larger than the limit of " + Sizes.human(config.maxIconSize().asLongValue()));
    }

    private static void appRef(Validator v, String appName, String appVersion) {
        v.require("appName", appName, "The app name").matches("appName", appName, APP_NAME, "an app name");
        v.require("appVersion", appVersion, "The app version").matches("appVersion", appVersion, VERSION, "a version such as 1.0");
    }

    private AppUpdate changes(Validator v, AppUpdate c) {
        if (c == null || c.isEmpty()) {
            v.check(false, "changes", "name at least one thing to change");
            return null;
        }
        String description = c.description();
        v.maxLength("changes.description", description, MAX_DESCRIPTION);
        String category = c.projectCategory() == null ? null : c.projectCategory().trim();
        if (category != null) {
            v.require("changes.projectCategory", category, "The category").maxLength("changes.projectCategory", category, 100);
        }
        v.check(c.isLatest() == null || c.isLatest(), "changes.isLatest",
                "can only be true: making another version latest moves the tag off this one");
        Map<String, String> attributes = attributes(v, "changes.attributes", c.attributes(), true);
        List<Authorization> authorizations = null;
        if (c.authorizations() != null) {
            authorizations = new ArrayList<>();
            v.check(c.authorizations().size() <= MAX_AUTHORIZATIONS, "changes.authorizations",
                    "at most " + MAX_AUTHORIZATIONS + " entries");
            for (int i = 0; i < c.authorizations().size(); i++) {
                Authorization a = c.authorizations().get(i);
                String at = "changes.authorizations[" + i + "]";
                if (a == null) {
                    v.check(false, at, "an entry is required");
                    continue;
                }
                v.check(a.authorization() >= 1 && a.authorization() <= 7,
                        at + ".authorization", "a bitmask from 1 to 7: read 4, write 2, execute 1");
                v.check(a.entity() > 0, at + ".entity", "the numeric id of an environment, group or user");
                authorizations.add(a);
            }
        }
        String profile = c.resourceProfile() == null ? null : c.resourceProfile().trim();
        v.maxLength("changes.resourceProfile", profile, 100);
        return new AppUpdate(description == null ? null : description.trim(), category, c.isLatest(), attributes,
                authorizations, profile);
    }

    /**
     * Attribute names and values. Reserved keys (documented): {@code isWebUI} is "true" or "false",
     * {@code iconUrl} is {@code /icons/<label>} of an icon already in PRO storage. For an update the
     * map is a change to the current one ({@code removals}): a key with a null value is removed.
     */
    private static Map<String, String> attributes(Validator v, String field, Map<String, String> raw, boolean removals) {
        if (raw == null) {
            return null;
        }
        v.check(raw.size() <= MAX_ATTRIBUTES, field, "at most " + MAX_ATTRIBUTES + " attributes");
        Map<String, String> clean = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String k = trim(key);
            String at = field + "." + k;
            v.matches(field, k, ATTRIBUTE_KEY, "attribute names start with a letter: letters, digits and _ . -");
            v.check(k != null && !k.isEmpty(), field, "an attribute needs a name");
            if (value == null) {
                v.check(removals, at, "a value is required");
                if (k != null && !k.isEmpty()) {
                    clean.put(reserved(k), null);
                }
                return;
            }
            v.check(value.length() <= 1000, at, "a value of at most 1000 characters");
            if (IS_WEB_UI.equalsIgnoreCase(k)) {
                String lower = value.trim().toLowerCase(Locale.ROOT);
                v.check(lower.equals("true") || lower.equals("false"), at, "\"true\" or \"false\"");
                clean.put(IS_WEB_UI, lower);
            } else if (ICON_URL_KEY.equalsIgnoreCase(k)) {
                v.matches(at, value.trim(), ICON_URL, "/icons/<label> of an icon already uploaded to PRO storage");
                v.check(!value.isBlank(), at, "/icons/<label> of an icon already uploaded to PRO storage");
                clean.put(ICON_URL_KEY, value.trim());
            } else if (k != null) {
                clean.put(k, value);
            }
        });
        return clean;
    }

    private static String reserved(String key) {
        if (IS_WEB_UI.equalsIgnoreCase(key)) {
            return IS_WEB_UI;
        }
        return ICON_URL_KEY.equalsIgnoreCase(key) ? ICON_URL_KEY : key;
    }

    private static long sizeOf(Upload upload) {
        try {
            return Files.size(upload.path());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    static String trim(String value) {
        return value == null ? null : value.trim();
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
