package io.progate.request.web;

import io.progate.packages.Upload;
import io.progate.request.PublishFields;
import io.progate.request.Submission;
import io.progate.request.UpdateFields;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON of a new request: {@code metadata} for a publish (with {@code devBuilds} true to allow an
 * AIMMS development build), {@code appName/appVersion} (and {@code changes}) otherwise; for a task
 * also {@code serviceName} and {@code input}, the service's JSON input (or a {@code file} part).
 */
public record RequestInput(String type, String reason, PublishFields metadata, String appName, String appVersion,
        UpdateFields changes, Boolean devBuilds, String serviceName, JsonNode input) {

    public RequestInput(String type, String reason, PublishFields metadata, String appName, String appVersion,
            UpdateFields changes, Boolean devBuilds) {
        this(type, reason, metadata, appName, appVersion, changes, devBuilds, null, null);
    }

    public Submission toSubmission(Upload file, Upload icon) {
        return new Submission(type, reason, metadata, appName, appVersion, changes, file, icon,
                Boolean.TRUE.equals(devBuilds), serviceName, input == null || input.isMissingNode() ? null
                        : input.toString());
    }
}
