package io.progate.request;

import io.progate.packages.Upload;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.PublishMetadata;

/**
 * A request as filed through a page or the API, not yet validated. For PUBLISH: metadata, file and
 * optional icon ({@code devBuilds}: AIMMS development builds may be chosen); for UPDATE: app name,
 * version and changes, whose {@code attributes} are a change to the current map (a key with a null
 * value is removed); for DELETE: app name and version; for TASK: app name, version (or
 * {@code latest}), {@code serviceName} and the service's input, either typed as JSON text
 * ({@code input}) or uploaded ({@code file}). {@code notBefore} (ISO-8601; optional) is the earliest
 * start the author asks for: once approved, the request waits as SCHEDULED until then. {@code diffBase}:
 * for a publish, the id of an earlier publish request of the team whose package the model diff compares
 * with (null: the version it replaces).
 */
public record Submission(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
        AppUpdate changes, Upload file, Upload icon, boolean devBuilds, String serviceName, String input,
        String notBefore, Long diffBase) {

    public Submission(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
            AppUpdate changes, Upload file, Upload icon, boolean devBuilds, String serviceName, String input) {
        this(type, reason, metadata, appName, appVersion, changes, file, icon, devBuilds, serviceName, input, null, null);
    }

    /** This submission with the author's earliest start. */
    public Submission notBefore(String time) {
        return new Submission(type, reason, metadata, appName, appVersion, changes, file, icon, devBuilds, serviceName,
                input, time, diffBase);
    }

    public Submission(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
            AppUpdate changes, Upload file, Upload icon, boolean devBuilds) {
        this(type, reason, metadata, appName, appVersion, changes, file, icon, devBuilds, null, null);
    }

    public Submission(String type, String reason, PublishMetadata metadata, String appName, String appVersion,
            AppUpdate changes, Upload file, Upload icon) {
        this(type, reason, metadata, appName, appVersion, changes, file, icon, false);
    }

    /** A TASK request: the input typed as JSON text, or uploaded as {@code file}. */
    public static Submission task(String reason, String appName, String appVersion, String serviceName, String input,
            Upload file) {
        return new Submission(RequestType.TASK.name(), reason, null, appName, appVersion, null, file, null, false,
                serviceName, input);
    }
}
