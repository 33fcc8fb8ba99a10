package io.progate.request;

import io.progate.packages.Upload;

/**
 * A request as filed through a page or the API, not yet validated. For PUBLISH: metadata, file and
 * optional icon ({@code devBuilds}: AIMMS development builds may be chosen); for UPDATE: app name,
 * version and changes, whose {@code attributes} are a change to the current map (a key with a null
 * value is removed); for DELETE: app name and version.
 */
public record Submission(String type, String reason, PublishFields metadata, String appName, String appVersion,
        UpdateFields changes, Upload file, Upload icon, boolean devBuilds) {

    public Submission(String type, String reason, PublishFields metadata, String appName, String appVersion,
            UpdateFields changes, Upload file, Upload icon) {
        this(type, reason, metadata, appName, appVersion, changes, file, icon, false);
    }
}
