package io.progate.request;

/**
 * A request as filed through a page or the API, not yet validated. For PUBLISH: metadata, file and
 * optional icon; for UPDATE: app name, version and changes; for DELETE: app name and version.
 */
public record Submission(String type, String reason, PublishFields metadata, String appName, String appVersion,
        UpdateFields changes, Upload file, Upload icon) {
}
